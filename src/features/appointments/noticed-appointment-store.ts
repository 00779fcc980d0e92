import type { Database } from '../../db/database.ts';
import type { NoticedAppointment } from './appointment-notifier.ts';

/** What the person's mails and the portal's appointment pages are written from. */
const noticedColumns = [
  'id',
  'code',
  'service_id',
  'location_id',
  'starts_at',
  'ends_at',
  'status',
  'person_name',
  'date_of_birth',
  'date_of_birth_precision',
  'email',
  'language',
  'manage_secret_hash',
] as const;

// Name and date of birth are null only once the personal data was erased; such an appointment
// has no e-mail address left either, so nobody is written to from it.
export async function findNoticedAppointment(db: Database, id: string): Promise<NoticedAppointment | undefined> {
  return (await db.selectFrom('appointment').select(noticedColumns).where('id', '=', id).executeTakeFirst()) as NoticedAppointment | undefined;
}

/** By code, unless its personal data was erased (retention): then there is nothing left to show. */
export async function findNoticedAppointmentByCode(db: Database, code: string): Promise<NoticedAppointment | undefined> {
  return (await db.selectFrom('appointment').select(noticedColumns).where('code', '=', code).where('personal_data_erased_at', 'is', null).executeTakeFirst()) as
    | NoticedAppointment
    | undefined;
}

/** An appointment whose personal data was erased: only what recognises its old e-mail link. */
export async function findErasedAppointmentByCode(db: Database, code: string): Promise<{ id: string; code: string; manage_secret_hash: string } | undefined> {
  return db
    .selectFrom('appointment')
    .select(['id', 'code', 'manage_secret_hash'])
    .where('code', '=', code)
    .where('personal_data_erased_at', 'is not', null)
    .executeTakeFirst();
}

/** Marks the reminder for this start as sent; false when it was already (a retried job). */
export async function markReminderSent(db: Database, appointmentId: string, startsAt: Date): Promise<boolean> {
  const first = await db
    .insertInto('appointment_reminder_sent')
    .values({ appointment_id: appointmentId, starts_at: startsAt })
    .onConflict((oc) => oc.doNothing())
    .returning('appointment_id')
    .executeTakeFirst();
  return first !== undefined;
}
