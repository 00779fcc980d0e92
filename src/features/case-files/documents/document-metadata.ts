import { z } from 'zod';
import { AppError } from '../../../shared/app-error.ts';
import { documentCategories } from './document-deps.ts';
import type { DocumentMetadata } from './document-store.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const isoDate = z.iso.date('ein Datum JJJJ-MM-TT / a date YYYY-MM-DD');

/** A document's metadata as forms and the API send it (empty fields are "not given"). */
export const documentMetadataSchema = z.object({
  title: z.string().trim().min(1, 'Titel fehlt / title missing').max(300),
  category: z.enum(documentCategories),
  receivedOn: z.preprocess(blankToNull, isoDate.nullable().default(null)),
  datedOn: z.preprocess(blankToNull, isoDate.nullable().default(null)),
  sender: z.preprocess(blankToNull, z.string().trim().min(1).max(300).nullable().default(null)),
  procedureId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
});

/** Validated metadata, or a 422 naming every field that is wrong. */
export function parseDocumentMetadata(input: unknown): DocumentMetadata {
  const parsed = documentMetadataSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError('validation_failed', 'Die Angaben zum Dokument sind unvollständig oder falsch. / The document details are invalid.', {
      fieldErrors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(form)', message: issue.message })),
    });
  return parsed.data;
}

/** A procedure of another file breaks the (file_id, procedure_id) foreign key: the clerk's input, a 422. */
export function procedureNotInFile(error: unknown): AppError | undefined {
  const pg = error as { code?: string; constraint?: string };
  if (pg.code !== '23503' || !pg.constraint?.includes('procedure')) return undefined;
  return new AppError('validation_failed', 'Dieses Verfahren gehört nicht zu dieser Akte. / This procedure is not part of this file.', {
    fieldErrors: [{ path: 'procedureId', message: 'Verfahren nicht in dieser Akte / procedure not in this file' }],
  });
}
