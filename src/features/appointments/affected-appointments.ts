import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** A booked appointment that a closed time or an absence hits, as the staff pages list it. */
export type AffectedAppointment = {
  id: string;
  code: string;
  starts_at: Date;
  ends_at: Date;
  person_name: string | null;
  service_id: string;
  location_id: string;
  time_zone: string;
  /** The service's German name ('' when it has none). */
  service_name: string;
};

/**
 * The booked appointments (personal data not yet erased) of one clerk or one location that overlap
 * [start, end), by start; a missing bound is open. The one reader behind "who is hit by this
 * absence" and "who is hit by this closure or holiday".
 */
export async function bookedAppointmentsDuring(
  db: Database,
  scope: { staffId: string } | { locationId: string },
  span: { start: Date | null; end: Date | null },
): Promise<AffectedAppointment[]> {
  let query = db
    .selectFrom('appointment')
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
    .where('appointment.status', 'in', ['booked', 'reserved'])
    .where('appointment.personal_data_erased_at', 'is', null);
  query = 'staffId' in scope ? query.where('appointment.staff_id', '=', scope.staffId) : query.where('appointment.location_id', '=', scope.locationId);
  if (span.start) query = query.where('appointment.ends_at', '>', span.start);
  if (span.end) query = query.where('appointment.starts_at', '<', span.end);
  return query.orderBy('appointment.starts_at').execute();
}
