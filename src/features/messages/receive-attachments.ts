import type { StagedBlob } from '../../platform/storage/blob-store.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { cleanFileName, isInfected, receiveUpload, type Upload } from '../case-files/index.ts';
import type { MessageDeps } from './message-deps.ts';
import { messageLimits, messageRefused } from './message-input.ts';

export type ReceivedAttachment = { staged: StagedBlob; mediaType: string; fileName: string };

/**
 * Stages the attachments through the documents' upload check (virus scan when clamd is configured,
 * kind by content, never by name; at most `attachmentBytes` each). On any refusal every staged
 * file is removed again; clamd giving no verdict is the scan's 503 (`scan_unavailable`).
 */
export async function receiveAttachments(
  deps: Pick<MessageDeps, 'blobs' | 'virusScanner'>,
  uploads: (Upload & { size?: number })[],
): Promise<ReceivedAttachment[]> {
  if (uploads.length === 0) return [];
  const blobs = deps.blobs;
  if (!blobs) throw new AppError('unavailable', 'Attachments cannot be stored here (no blob store configured).');
  if (uploads.length > messageLimits.attachments) throw messageRefused([{ field: 'attachments', problem: 'attachments_many' }]);
  // An empty file says nothing about its kind: it is refused as empty, not as the wrong kind.
  if (uploads.some((upload) => upload.size === 0)) throw messageRefused([{ field: 'attachments', problem: 'attachment_empty' }]);
  const received: ReceivedAttachment[] = [];
  try {
    for (const upload of uploads) {
      const one = await receiveUpload({ blobs, uploadMaxBytes: messageLimits.attachmentBytes, virusScanner: deps.virusScanner }, upload).catch(
        (error: unknown) => {
          if (!isAppError(error)) throw error;
          if (isInfected(error)) throw messageRefused([{ field: 'attachments', problem: 'attachment_infected' }]);
          if (error.code === 'payload_too_large') throw messageRefused([{ field: 'attachments', problem: 'attachment_large' }]);
          if (error.code === 'validation_failed') throw messageRefused([{ field: 'attachments', problem: 'attachment_type' }]);
          throw error;
        },
      );
      received.push({ ...one, fileName: cleanFileName(upload.fileName) });
    }
    return received;
  } catch (error) {
    await discardAll(received);
    throw error;
  }
}

export async function discardAll(received: ReceivedAttachment[]): Promise<void> {
  for (const one of received) await one.staged.discard();
}
