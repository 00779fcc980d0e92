import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import type { AppointmentNotifier } from '../../appointments/index.ts';
import { recordAudit, auditPersonForAppointment } from '../audit.ts';
import { authorize } from '../policy.ts';
import type { StaffActor } from '../roles.ts';

/** Moving or cancelling because of an absence is managing hours at the appointment's location. */
async function authorizeForAppointment(db: Database, actor: StaffActor, appointmentId: string): Promise<void> {
  const row = await db.selectFrom('appointment').select('location_id').where('id', '=', appointmentId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'There is no such appointment.');
  authorize(actor, 'hours.manage', { locationId: row.location_id });
}

export type AffectedAppointment = {
  id: string;
  code: string;
  starts_at: Date;
  ends_at: Date;
  person_name: string | null;
  service_id: string;
  location_id: string;
  time_zone: string;
  service_name: string;
};

/** Booked appointments of the absent clerk that fall into the absence. */
export async function affectedAppointments(db: Database, absenceId: string): Promise<AffectedAppointment[]> {
  return db
    .selectFrom('absence')
    .innerJoin('appointment', (join) => join.onRef('appointment.staff_id', '=', 'absence.staff_id'))
    .innerJoin('location', 'location.id', 'appointment.location_id')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
    .select([
      'appointment.id',
      'appointment.code',
      'appointment.starts_at',
      'appointment.ends_at',
      'appointment.person_name',
      'appointment.service_id',
      'appointment.location_id',
      'location.time_zone',
      sql<string>`coalesce(service_text.name, '')`.as('service_name'),
    ])
    .where('absence.id', '=', absenceId)
    .where('appointment.status', '=', 'booked')
    .where('appointment.personal_data_erased_at', 'is', null)
    .where(sql<boolean>`tstzrange(appointment.starts_at, appointment.ends_at, '[)') && absence.during`)
    .orderBy('appointment.starts_at')
    .execute();
}

/**
 * Clerks who could take the appointment: active, at its location, with a specialty of the
 * service (or any, when the service names none), working then (day override, else the
 * weekly template, in the location's zone), not absent, and free.
 */
export async function qualifiedAlternatives(db: Database, appointmentId: string): Promise<{ id: string; display_name: string }[]> {
  const result = await sql<{ id: string; display_name: string }>`
    WITH a AS (
      SELECT ap.*, (ap.starts_at AT TIME ZONE l.time_zone) AS local_start, (ap.ends_at AT TIME ZONE l.time_zone) AS local_end
      FROM appointment ap JOIN location l ON l.id = ap.location_id WHERE ap.id = ${appointmentId}
    )
    SELECT s.id, s.display_name FROM staff s, a
    WHERE s.active AND s.id <> a.staff_id AND s.role IN ('clerk', 'team_lead')
      AND EXISTS (SELECT 1 FROM staff_location sl WHERE sl.staff_id = s.id AND sl.location_id = a.location_id)
      AND (NOT EXISTS (SELECT 1 FROM service_specialty sp WHERE sp.service_id = a.service_id)
           OR EXISTS (SELECT 1 FROM staff_specialty ss JOIN service_specialty sp ON sp.specialty_id = ss.specialty_id
                      WHERE ss.staff_id = s.id AND sp.service_id = a.service_id))
      AND local_start::date = local_end::date
      AND CASE
        WHEN EXISTS (SELECT 1 FROM working_day_override o WHERE o.staff_id = s.id AND o.day = a.local_start::date)
        THEN EXISTS (SELECT 1 FROM working_day_override o WHERE o.staff_id = s.id AND o.day = a.local_start::date
                     AND o.location_id = a.location_id AND o.starts <= a.local_start::time AND o.ends >= a.local_end::time)
        ELSE EXISTS (SELECT 1 FROM working_hours w WHERE w.staff_id = s.id AND w.location_id = a.location_id
                     AND w.weekday = extract(isodow FROM a.local_start) AND w.starts <= a.local_start::time AND w.ends >= a.local_end::time
                     AND (w.valid_from IS NULL OR w.valid_from <= a.local_start::date)
                     AND (w.valid_until IS NULL OR w.valid_until >= a.local_start::date))
      END
      AND NOT EXISTS (SELECT 1 FROM absence ab WHERE ab.staff_id = s.id AND ab.during && tstzrange(a.starts_at, a.ends_at, '[)'))
      AND NOT EXISTS (SELECT 1 FROM appointment o WHERE o.staff_id = s.id AND o.status <> 'cancelled'
                      AND tstzrange(o.starts_at, o.ends_at, '[)') && tstzrange(a.starts_at, a.ends_at, '[)'))
    ORDER BY s.display_name
  `.execute(db);
  return result.rows;
}

/**
 * Moves a booked appointment to another qualified clerk. The exclusion constraint on
 * appointment decides races: if the colleague was booked meanwhile, the move fails cleanly.
 */
export async function moveAppointmentToColleague(
  deps: { db: Database; clock: Clock },
  actor: StaffActor,
  input: { appointmentId: string; toStaffId: string; screen: string },
): Promise<void> {
  await authorizeForAppointment(deps.db, actor, input.appointmentId);
  const allowed = await qualifiedAlternatives(deps.db, input.appointmentId);
  if (!allowed.some((clerk) => clerk.id === input.toStaffId))
    throw new AppError('conflict', 'This colleague cannot take the appointment (not qualified, not working or not free).');
  try {
    await deps.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('appointment').selectAll().where('id', '=', input.appointmentId).forUpdate().executeTakeFirst();
      if (before?.status !== 'booked') throw new AppError('conflict', 'The appointment is no longer booked.');
      await trx.updateTable('appointment').set({ staff_id: input.toStaffId, updated_at: deps.clock.now() }).where('id', '=', input.appointmentId).execute();
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
  } catch (error) {
    // 40P01: a booking of the colleague at that time ran into this move at the same moment.
    if (['23P01', '40P01'].includes((error as { code?: string }).code ?? ''))
      throw new AppError('slot_taken', 'The colleague was booked at that time meanwhile.');
    throw error;
  }
}

/**
 * Cancels a booked appointment because of an absence or a closure of the location (`action`
 * names which in the audit trail). The person is told through the same
 * notifier as every other change (in their language, saying the office cancelled, with the
 * note), inside this transaction: the status change and the message commit together.
 */
export async function cancelAppointmentForAbsence(
  deps: { db: Database; clock: Clock; notifier: AppointmentNotifier },
  actor: StaffActor,
  input: { appointmentId: string; note: string; screen: string; action?: 'appointment.cancel_for_absence' | 'appointment.cancel_for_closure' },
): Promise<void> {
  await authorizeForAppointment(deps.db, actor, input.appointmentId);
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('appointment').selectAll().where('id', '=', input.appointmentId).forUpdate().executeTakeFirst();
    if (before?.status !== 'booked') throw new AppError('conflict', 'The appointment is no longer booked.');
    // A booked appointment long in the past whose personal data was erased has nobody to write to.
    if (before.email === null) throw new AppError('conflict', 'This appointment is over and its personal data was erased.');
    const now = deps.clock.now();
    await trx.updateTable('appointment').set({ status: 'cancelled', cancelled_at: now, updated_at: now }).where('id', '=', before.id).execute();
    await deps.notifier.changed(trx, { kind: 'cancelled', appointmentId: before.id, actor: { channel: 'staff', staffId: actor.staffId }, note: input.note });
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
  deps.notifier.committed?.();
}
