import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../src/db/database.ts';
import { createClerk, createOffice, createService, type TestOffice } from './office-factory.ts';

/** Appointments, tickets and transfer notes of any age, written straight into the tables (test data only). */
export type RetentionOffice = TestOffice & { serviceId: string; clerkId: string };

export async function createRetentionOffice(db: Database): Promise<RetentionOffice> {
  const office = await createOffice(db);
  const serviceId = await createService(db, office);
  const clerkId = await createClerk(db, office);
  return { ...office, serviceId, clerkId };
}

const code = () => Array.from(randomBytes(8), (b) => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[b % 31]).join('');
let sequence = 0;

export type PastAppointment = { id: string; code: string; secret: string; name: string; dateOfBirth: string; email: string };

export async function insertAppointment(
  db: Database,
  office: RetentionOffice,
  input: { endsAt: string; minutes?: number; status?: 'booked' | 'cancelled' | 'checked_in' | 'completed' | 'no_show'; language?: string },
): Promise<PastAppointment> {
  sequence++;
  const ends = new Date(input.endsAt);
  const starts = new Date(ends.getTime() - (input.minutes ?? 30) * 60_000);
  const secret = randomBytes(16).toString('base64url');
  const status = input.status ?? 'completed';
  const person = { name: `Olena Kovalenko ${sequence}`, dateOfBirth: '1985-07-01', email: `olena${sequence}@example.org` };
  const row = await db
    .insertInto('appointment')
    .values({
      code: code(),
      manage_secret_hash: createHash('sha256').update(secret).digest('hex'),
      service_id: office.serviceId,
      location_id: office.locationId,
      staff_id: office.clerkId,
      starts_at: starts,
      ends_at: ends,
      status,
      cancelled_at: status === 'cancelled' ? new Date(starts.getTime() - 86_400_000) : null,
      person_name: person.name,
      date_of_birth: person.dateOfBirth,
      email: person.email,
      email_normalized: person.email,
      phone: '+49 641 123456',
      language: input.language ?? 'uk',
      created_by: 'online',
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  return { ...row, secret, ...person };
}

let ticketNumber = 0;

/** A finished ticket with a routing surname and nationality, for an appointment or a walk-in. */
export async function insertTicket(db: Database, office: RetentionOffice, input: { day: string; appointmentId?: string; surname: string }): Promise<string> {
  ticketNumber++;
  const at = new Date(`${input.day}T09:00:00Z`);
  const row = await db
    .insertInto('ticket')
    .values({
      location_id: office.locationId,
      specialty_id: office.specialtyId,
      service_id: office.serviceId,
      appointment_id: input.appointmentId ?? null,
      day: input.day,
      prefix: 'A',
      number: ticketNumber,
      status: 'finished',
      outcome: 'done',
      queued_at: at,
      checked_in_at: at,
      finished_at: new Date(at.getTime() + 20 * 60_000),
      language: 'ar',
      routing_surname: input.surname,
      routing_nationality: 'UA',
      checked_in_by: 'reception',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertTransferNote(db: Database, office: RetentionOffice, ticketId: string, note: string, at: string): Promise<void> {
  await db
    .insertInto('ticket_transfer')
    .values({
      ticket_id: ticketId,
      from_specialty_id: office.specialtyId,
      to_specialty_id: office.specialtyId,
      staff_id: office.clerkId,
      note,
      created_at: new Date(at),
    })
    .execute();
}

/** The columns the office's statistics read; none of them is personal. */
export async function statisticsColumns(db: Database, id: string) {
  return db
    .selectFrom('appointment')
    .select(['id', 'code', 'service_id', 'location_id', 'staff_id', 'starts_at', 'ends_at', 'status', 'language', 'created_by', 'created_at', 'cancelled_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function personOf(db: Database, id: string) {
  return db
    .selectFrom('appointment')
    .select(['person_name', 'date_of_birth', 'email', 'email_normalized', 'phone', 'manage_secret_sealed', 'personal_data_erased_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
