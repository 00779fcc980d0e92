import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * Moves a procedure, with its documents, notes and messages, into another person's file, in the
 * caller's transaction (a provisional person turned out to be someone the office knows). Documents
 * name their procedure through (file, procedure), so their link is let go, the procedure moved, and
 * the link set again. `documentIds` are further documents of the old file that go along (uploads
 * not tied to the procedure).
 */
export async function moveProcedureToFile(
  trx: Database,
  move: { procedureId: string; fromFileId: string; toFileId: string; documentIds: readonly string[] },
  now: Date,
): Promise<void> {
  const ofProcedure = await trx
    .updateTable('case_document')
    .set({ procedure_id: null })
    .where('file_id', '=', move.fromFileId)
    .where('procedure_id', '=', move.procedureId)
    .returning('id')
    .execute();
  await trx
    .updateTable('case_procedure')
    .set((eb) => ({ file_id: move.toFileId, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', move.procedureId)
    .execute();
  const documentIds = [...new Set([...ofProcedure.map((d) => d.id), ...move.documentIds])];
  if (documentIds.length > 0) {
    await trx
      .updateTable('case_document')
      .set({ file_id: move.toFileId, updated_at: now })
      .where('id', 'in', documentIds)
      .where('file_id', '=', move.fromFileId)
      .execute();
    await trx.updateTable('case_note').set({ file_id: move.toFileId }).where('file_id', '=', move.fromFileId).where('document_id', 'in', documentIds).execute();
  }
  if (ofProcedure.length > 0) {
    await trx
      .updateTable('case_document')
      .set({ procedure_id: move.procedureId })
      .where(
        'id',
        'in',
        ofProcedure.map((d) => d.id),
      )
      .execute();
  }
  await trx
    .updateTable('case_note')
    .set({ file_id: move.toFileId })
    .where('file_id', '=', move.fromFileId)
    .where('procedure_id', '=', move.procedureId)
    .execute();
  await trx
    .updateTable('portal_message')
    .set({ file_id: move.toFileId })
    .where('file_id', '=', move.fromFileId)
    .where('procedure_id', '=', move.procedureId)
    .execute();
}

/**
 * Hands the visits linked to one person over to another (the same human, found twice), and removes
 * the first person with their file when nothing else is left in it: no procedure, document, note,
 * title, family link, invitation, application or message. Says whether the person was removed.
 */
export async function mergeProvisionalPerson(trx: Database, from: { personId: string; fileId: string }, toPersonId: string): Promise<boolean> {
  await trx.updateTable('case_appointment_link').set({ person_id: toPersonId }).where('person_id', '=', from.personId).execute();
  await trx.updateTable('case_ticket_link').set({ person_id: toPersonId }).where('person_id', '=', from.personId).execute();
  const left = await sql<{ left: boolean }>`
    SELECT EXISTS (SELECT 1 FROM case_procedure WHERE file_id = ${from.fileId})
        OR EXISTS (SELECT 1 FROM case_document WHERE file_id = ${from.fileId})
        OR EXISTS (SELECT 1 FROM case_note WHERE file_id = ${from.fileId})
        OR EXISTS (SELECT 1 FROM portal_message WHERE file_id = ${from.fileId})
        OR EXISTS (SELECT 1 FROM residence_title WHERE person_id = ${from.personId})
        OR EXISTS (SELECT 1 FROM family_link WHERE person_id = ${from.personId} OR related_person_id = ${from.personId})
        OR EXISTS (SELECT 1 FROM invitation WHERE person_id = ${from.personId})
        OR EXISTS (SELECT 1 FROM application WHERE person_id = ${from.personId}) AS left
  `.execute(trx);
  if (left.rows[0]?.left) return false;
  // The audit trail stays: its entries point to audit_person rows, which are no foreign key.
  await trx.deleteFrom('case_person').where('id', '=', from.personId).execute();
  return true;
}
