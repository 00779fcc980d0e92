import type { Database } from '../../db/database.ts';

/** Reads for the staff pages of appointments (calendar, absence impact); writes go through the engine. */

const noLocation = '00000000-0000-0000-0000-000000000000';
const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : [noLocation]);

/** A clerk's appointments (not cancelled) overlapping [from, to): time, service and code, no person. */
export function clerkAppointments(db: Database, staffId: string, from: Date, to: Date) {
  return db
    .selectFrom('appointment')
    .leftJoin('service_text', (j) => j.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
    .select(['appointment.id', 'appointment.code', 'appointment.starts_at', 'appointment.ends_at', 'appointment.status', 'service_text.name as service_name'])
    .where('appointment.staff_id', '=', staffId)
    .where('appointment.status', '<>', 'cancelled')
    .where('appointment.starts_at', '<', to)
    .where('appointment.ends_at', '>', from)
    .orderBy('appointment.starts_at')
    .execute();
}

/** One appointment with its person, location and service name. */
export function appointmentWithPerson(db: Database, id: string) {
  return db
    .selectFrom('appointment')
    .innerJoin('location', 'location.id', 'appointment.location_id')
    .leftJoin('service_text', (j) => j.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
    .selectAll('appointment')
    .select(['location.name as location_name', 'location.time_zone', 'service_text.name as service_name'])
    .where('appointment.id', '=', id)
    .executeTakeFirst();
}

/** Locations by id, with what closures and local times need. */
export function locationsByIds(db: Database, ids: readonly string[]) {
  return db.selectFrom('location').select(['id', 'name', 'time_zone', 'federal_state']).where('id', 'in', orNone(ids)).orderBy('name').execute();
}

/** Services the clerk is qualified for (a shared specialty, or services naming none). */
export function bookableServices(db: Database, staffId: string) {
  return db
    .selectFrom('service')
    .innerJoin('service_text', (j) => j.onRef('service_text.service_id', '=', 'service.id').on('service_text.lang', '=', 'de'))
    .select(['service.id', 'service_text.name'])
    .where('service.active', '=', true)
    .where((eb) =>
      eb.or([
        eb.not(
          eb.exists(eb.selectFrom('service_specialty').select('service_specialty.service_id').whereRef('service_specialty.service_id', '=', 'service.id')),
        ),
        eb.exists(
          eb
            .selectFrom('service_specialty')
            .innerJoin('staff_specialty', 'staff_specialty.specialty_id', 'service_specialty.specialty_id')
            .select('service_specialty.service_id')
            .whereRef('service_specialty.service_id', '=', 'service.id')
            .where('staff_specialty.staff_id', '=', staffId),
        ),
      ]),
    )
    .orderBy('service.sort_order')
    .execute();
}
