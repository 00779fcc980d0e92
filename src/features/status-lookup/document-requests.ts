import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { validateInput } from '../case-files/index.ts';
import type { ChangeContext } from '../staff/index.ts';
import { type EventDeps, recordClerkEvent } from './procedure-event.ts';

/** The kinds of documents a clerk asks for; each has its name in every portal language (status.doc.<kind>). */
export const documentKinds = [
  'passport',
  'photo',
  'proof_of_income',
  'health_insurance',
  'proof_of_residence',
  'employment_contract',
  'birth_certificate',
  'marriage_certificate',
  'other',
] as const;

const requestSchema = z
  .object({
    procedureId: z.uuid(),
    kinds: z.array(z.enum(documentKinds, 'Unterlage wählen / choose a document')).min(1, 'Unterlage wählen / choose a document').max(9),
    note: z.string().trim().max(300, 'höchstens 300 Zeichen / at most 300 characters').optional(),
  })
  .refine((r) => !r.kinds.includes('other') || (r.note ?? '') !== '', { path: ['note'], message: 'Bei „Weiteres“ bitte beschreiben / describe "other"' });

/**
 * A clerk asks for documents: each kind becomes an open request (shown at the look-up and in the
 * notice), and the procedure moves to "documents missing" (the notice goes out once).
 */
export async function requestDocuments(deps: EventDeps, ctx: ChangeContext, input: unknown): Promise<{ version: number }> {
  const request = validateInput(requestSchema, input);
  const note = request.note ? request.note : null;
  return recordClerkEvent(
    deps,
    ctx,
    {
      procedureId: request.procedureId,
      action: 'case_procedure.request_documents',
      event: { code: 'documents_missing' },
      changed: ['status', 'missingDocuments'],
    },
    async (trx) => {
      await trx
        .insertInto('procedure_document_request')
        .values(
          [...new Set(request.kinds)].map((kind) => ({
            procedure_id: request.procedureId,
            kind,
            note: kind === 'other' || request.kinds.length === 1 ? note : null,
            requested_at: deps.clock.now(),
            requested_by_staff_id: ctx.actor.staffId,
          })),
        )
        .execute();
    },
  );
}

const receivedSchema = z.object({ procedureId: z.uuid(), requestIds: z.array(z.uuid()).min(1).max(50) });

/**
 * A clerk marks asked-for documents as received. When none is left open, the procedure moves to
 * "documents complete"; otherwise it stays where it is. Marking one twice changes nothing.
 */
export async function markDocumentsReceived(deps: EventDeps, ctx: ChangeContext, input: unknown): Promise<{ version: number; open: number }> {
  const request = validateInput(receivedSchema, input);
  let open = 0;
  const event = { code: 'documents_complete' };
  const result = await recordClerkEvent(
    deps,
    ctx,
    { procedureId: request.procedureId, action: 'case_procedure.documents_received', event, changed: ['missingDocuments', 'status'] },
    async (trx) => {
      const marked = await trx
        .updateTable('procedure_document_request')
        .set({ received_at: deps.clock.now() })
        .where('procedure_id', '=', request.procedureId)
        .where('id', 'in', request.requestIds)
        .where('received_at', 'is', null)
        .returning('id')
        .execute();
      const left = await trx
        .selectFrom('procedure_document_request')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('procedure_id', '=', request.procedureId)
        .where('received_at', 'is', null)
        .executeTakeFirstOrThrow();
      open = Number(left.n);
      if (marked.length === 0) throw new AppError('conflict', 'Diese Unterlagen sind schon als eingegangen vermerkt. / Already marked as received.');
      // Documents still open: the status stays; the event then only records the receipt.
      if (open > 0) event.code = 'documents_missing';
    },
  );
  return { ...result, open };
}
