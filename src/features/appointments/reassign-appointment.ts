import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';

/**
 * Clerks who could take the appointment: active, at its location, with a specialty of the
 * service (or any, when the service names none), working then (day override, else the
 * weekly template, in the location's zone), not absent, and free.
 */
export async function qualifiedColleagues(db: Database, appointmentId: string): Promise<{ id: string; display_name: string }[]> {
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

/** The appointment as it was before a change by the office (for the caller's audit entry). */
export type AppointmentBefore = { id: string; staff_id: string; status: string; person_name: string | null; date_of_birth: string | null };

/**
 * Gives a booked appointment to a qualified colleague (same time, same place), in the caller's
 * transaction. The exclusion constraint decides races: if the colleague was booked meanwhile, the
 * move fails cleanly and the caller's transaction is rolled back.
 */
export async function reassignAppointment(trx: Transaction<DB>, input: { appointmentId: string; toStaffId: string; now: Date }): Promise<AppointmentBefore> {
  const before = await trx
    .selectFrom('appointment')
    .select(['id', 'staff_id', 'status', 'person_name', 'date_of_birth'])
    .where('id', '=', input.appointmentId)
    .forUpdate()
    .executeTakeFirst();
  if (before?.status !== 'booked' && before?.status !== 'reserved') throw new AppError('conflict', 'The appointment is no longer booked.');
  const allowed = await qualifiedColleagues(trx, input.appointmentId);
  if (!allowed.some((clerk) => clerk.id === input.toStaffId))
    throw new AppError('conflict', 'This colleague cannot take the appointment (not qualified, not working or not free).');
  try {
    await trx.updateTable('appointment').set({ staff_id: input.toStaffId, updated_at: input.now }).where('id', '=', input.appointmentId).execute();
  } catch (error) {
    // 40P01: a booking of the colleague at that time ran into this move at the same moment.
    if (['23P01', '40P01'].includes((error as { code?: string }).code ?? ''))
      throw new AppError('slot_taken', 'The colleague was booked at that time meanwhile.');
    throw error;
  }
  return before;
}
