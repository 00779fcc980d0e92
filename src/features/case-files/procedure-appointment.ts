import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { lotseItself, moveProcedureToStatus, type StatusMove } from './move-procedure-status.ts';

/**
 * Links an appointment booked for a procedure to it (and so to the procedure's person), in the
 * caller's transaction, and moves the procedure to its type's "appointment booked" status when it
 * stands before that status (Lotse's own event: a procedure already decided stays decided). An
 * appointment belongs to one person: linked already to another procedure or person, it is a 409.
 */
export async function linkAppointmentToProcedure(
  trx: Database,
  link: { appointmentId: string; procedureId: string; staffId: string | null },
  now: Date,
): Promise<StatusMove> {
  const procedure = await trx
    .selectFrom('case_procedure')
    .innerJoin('case_file', 'case_file.id', 'case_procedure.file_id')
    .select(['case_procedure.id', 'case_file.person_id'])
    .where('case_procedure.id', '=', link.procedureId)
    .executeTakeFirst();
  if (!procedure) throw new AppError('not_found', 'Diesen Vorgang gibt es nicht. / There is no such procedure.');
  const inserted = await trx
    .insertInto('case_appointment_link')
    .values({
      appointment_id: link.appointmentId,
      person_id: procedure.person_id,
      procedure_id: procedure.id,
      confirmed_by_staff_id: link.staffId,
      confirmed_at: now,
    })
    .onConflict((oc) => oc.column('appointment_id').doNothing())
    .returning('appointment_id')
    .executeTakeFirst();
  if (!inserted) {
    throw new AppError('conflict', 'Dieser Termin gehört schon zu einer Person oder einem Vorgang. / This appointment is linked already.');
  }
  return moveProcedureToStatus(trx, { procedureId: procedure.id, code: 'appointment_booked', by: lotseItself, onlyFrom: 'earlier' }, now);
}

/**
 * The desk completed the visit of an appointment booked for a procedure whose eAT was ready for
 * pick-up: the card was collected, so the procedure moves to its final "completed" status (Lotse's
 * own event, in the transaction that finishes the visit). Any other procedure or status is left
 * alone; an appointment without a procedure too.
 */
export async function completePickUpOfAppointment(trx: Database, appointmentId: string, now: Date): Promise<StatusMove | undefined> {
  const link = await trx.selectFrom('case_appointment_link').select('procedure_id').where('appointment_id', '=', appointmentId).executeTakeFirst();
  if (!link?.procedure_id) return undefined;
  return moveProcedureToStatus(
    trx,
    { procedureId: link.procedure_id, code: 'completed', by: lotseItself, onlyFrom: ['ready'], note: 'eAT abgeholt (Vorsprache am Schalter abgeschlossen)' },
    now,
  );
}
