import type { Database } from '../../db/database.ts';
import { newProcedureNumber } from './procedure-number.ts';

export const feeStates = ['none', 'due', 'paid', 'waived', 'refunded'] as const;
export type FeeState = (typeof feeStates)[number];

/** A procedure with its file's location and person (for authorization and audit). */
export async function procedureById(db: Database, procedureId: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('case_procedure')
    .innerJoin('case_file', 'case_file.id', 'case_procedure.file_id')
    .select([
      'case_procedure.id',
      'case_procedure.file_id',
      'case_procedure.procedure_type_id',
      'case_procedure.status_id',
      'case_procedure.number',
      'case_procedure.assigned_staff_id',
      'case_procedure.planned_end',
      'case_procedure.suspended_at',
      'case_procedure.suspension_reason',
      'case_procedure.fee_state',
      'case_procedure.opened_at',
      'case_procedure.closed_at',
      'case_procedure.version',
      'case_file.location_id',
      'case_file.person_id',
    ])
    .where('case_procedure.id', '=', procedureId);
  if (options.forUpdate) query = query.forUpdate(['case_procedure']);
  return query.executeTakeFirst();
}

/** The statuses of a type in their order. */
export async function statusesOfType(db: Database, procedureTypeId: string) {
  return db
    .selectFrom('procedure_status')
    .select(['id', 'code', 'position', 'is_final', 'notify'])
    .where('procedure_type_id', '=', procedureTypeId)
    .orderBy('position')
    .execute();
}

/** Inserts a procedure with a fresh Vorgangsnummer (drawn again on the rare clash) and its first status change. */
export async function insertProcedure(
  trx: Database,
  input: { fileId: string; procedureTypeId: string; statusId: string; by: { staffId: string | null; label: string }; note: string | null },
  now: Date,
): Promise<{ id: string; number: string }> {
  for (;;) {
    const row = await trx
      .insertInto('case_procedure')
      .values({
        file_id: input.fileId,
        procedure_type_id: input.procedureTypeId,
        status_id: input.statusId,
        number: newProcedureNumber(),
        opened_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('number').doNothing())
      .returning(['id', 'number'])
      .executeTakeFirst();
    if (!row) continue;
    await insertStatusChange(trx, { procedureId: row.id, statusId: input.statusId, by: input.by, note: input.note }, now);
    return row;
  }
}

export async function insertStatusChange(
  trx: Database,
  input: { procedureId: string; statusId: string; by: { staffId: string | null; label: string }; note: string | null },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('case_procedure_status_change')
    .values({ procedure_id: input.procedureId, status_id: input.statusId, at: now, by_staff_id: input.by.staffId, by_label: input.by.label, note: input.note })
    .execute();
}
