import type { Database } from '../../db/database.ts';

/** A booked appointment by code, only when it is for exactly this service, location and start. */
export async function findBookingAt(db: Database, code: string, at: { serviceId: string; locationId: string; start: Date }) {
  return db
    .selectFrom('appointment')
    .select(['code', 'email_normalized', 'date_of_birth'])
    .where('code', '=', code)
    .where('status', '=', 'booked')
    .where('personal_data_erased_at', 'is', null)
    .where('service_id', '=', at.serviceId)
    .where('location_id', '=', at.locationId)
    .where('starts_at', '=', at.start)
    .executeTakeFirst();
}
