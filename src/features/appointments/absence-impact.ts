import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { auditPersonForAppointment, authorize, recordAudit, type StaffActor } from '../staff/index.ts';
import { bookedAppointmentsDuring, type AffectedAppointment } from './affected-appointments.ts';
import type { AppointmentNotifier } from './appointment-notifier.ts';
import { findAppointmentLocationId } from './appointment-store.ts';
import { cancelByOffice } from './cancel-by-office.ts';
import { reassignAppointment } from './reassign-appointment.ts';

/** Moving or cancelling because of an absence is managing hours at the appointment's location. */
async function authorizeForAppointment(db: Database, actor: StaffActor, appointmentId: string): Promise<void> {
  const locationId = await findAppointmentLocationId(db, appointmentId);
  if (!locationId) throw new AppError('not_found', 'There is no such appointment.');
  authorize(actor, 'hours.manage', { locationId });
}

/** Booked appointments of the absent clerk that fall into the absence. */
export async function affectedAppointments(db: Database, absenceId: string): Promise<AffectedAppointment[]> {
  const absence = await db
    .selectFrom('absence')
    .select(['staff_id', sql<Date | null>`lower(during)`.as('starts'), sql<Date | null>`upper(during)`.as('ends')])
    .where('id', '=', absenceId)
    .executeTakeFirst();
  if (!absence) return [];
  return bookedAppointmentsDuring(db, { staffId: absence.staff_id }, { start: absence.starts, end: absence.ends });
}

/**
 * Moves a booked appointment to another qualified clerk (the engine's reassignAppointment decides
 * who qualifies and settles races), with an entry in the audit trail.
 */
export async function moveAppointmentToColleague(
  deps: { db: Database; clock: Clock },
  actor: StaffActor,
  input: { appointmentId: string; toStaffId: string; screen: string },
): Promise<void> {
  await authorizeForAppointment(deps.db, actor, input.appointmentId);
  await deps.db.transaction().execute(async (trx) => {
    const before = await reassignAppointment(trx, { appointmentId: input.appointmentId, toStaffId: input.toStaffId, now: deps.clock.now() });
    const personId = await auditPersonForAppointment(trx, before);
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'appointment.move_to_colleague',
      target: { type: 'appointment', id: before.id },
      personId,
      screen: input.screen,
      before: { staff_id: before.staff_id },
      after: { staff_id: input.toStaffId },
    });
  });
}

/**
 * Cancels a booked appointment because of an absence or a closure of the location (`action`
 * names which in the audit trail). The person is told through the same notices as every other
 * change (in their language, saying the office cancelled, with the note), inside this
 * transaction: the status change and the message commit together.
 */
export async function cancelAppointmentForAbsence(
  deps: { db: Database; clock: Clock; notices: AppointmentNotifier },
  actor: StaffActor,
  input: { appointmentId: string; note: string; screen: string; action?: 'appointment.cancel_for_absence' | 'appointment.cancel_for_closure' },
): Promise<void> {
  await authorizeForAppointment(deps.db, actor, input.appointmentId);
  await deps.db.transaction().execute(async (trx) => {
    const before = await cancelByOffice(trx, deps.notices, {
      appointmentId: input.appointmentId,
      staffId: actor.staffId,
      note: input.note,
      now: deps.clock.now(),
    });
    const personId = await auditPersonForAppointment(trx, before);
    await recordAudit(trx, deps.clock, {
      actor,
      action: input.action ?? 'appointment.cancel_for_absence',
      target: { type: 'appointment', id: before.id },
      personId,
      screen: input.screen,
      before: { status: before.status },
      after: { status: 'cancelled' },
      note: input.note ? 'with note' : undefined,
    });
  });
  deps.notices.committed?.();
}
