import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';

/** Small offices for tests: one location, one specialty, services and clerks as asked. */
export type TestOffice = { locationId: string; specialtyId: string; timeZone: string };

const suffix = () => randomBytes(4).toString('hex');

export async function createOffice(db: Database, options: { timeZone?: string } = {}): Promise<TestOffice> {
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const location = await db
    .insertInto('location')
    .values({ slug: `loc-${suffix()}`, name: `Standort ${suffix()}`, address: 'Karl-Kellner-Ring 51, 35576 Wetzlar', time_zone: timeZone })
    .returning('id')
    .executeTakeFirstOrThrow();
  const specialty = await db
    .insertInto('specialty')
    .values({ slug: `spec-${suffix()}`, name: 'Front office', queue_prefix: 'A' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { locationId: location.id, specialtyId: specialty.id, timeZone };
}

export type ServiceOptions = {
  durationMinutes?: number;
  slotMinutes?: number;
  minLeadMinutes?: number;
  maxDaysAhead?: number;
  sameDayRelease?: string | null;
  onlineBookable?: boolean;
  requiredResourceKind?: string | null;
  texts?: Record<string, string>;
};

export async function createService(db: Database, office: TestOffice, options: ServiceOptions = {}): Promise<string> {
  const service = await db
    .insertInto('service')
    .values({
      slug: `svc-${suffix()}`,
      duration_minutes: options.durationMinutes ?? 30,
      slot_minutes: options.slotMinutes ?? 30,
      min_lead_minutes: options.minLeadMinutes ?? 0,
      max_days_ahead: options.maxDaysAhead ?? 60,
      same_day_release: options.sameDayRelease ?? null,
      online_bookable: options.onlineBookable ?? true,
      required_resource_kind: options.requiredResourceKind ?? null,
      fee_cents: 9300,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const texts = options.texts ?? { de: 'Verlängerung des Aufenthaltstitels' };
  await db
    .insertInto('service_text')
    .values(Object.entries(texts).map(([lang, name]) => ({ service_id: service.id, lang, name, required_documents: [`${name}: Pass`] })))
    .execute();
  await db.insertInto('service_specialty').values({ service_id: service.id, specialty_id: office.specialtyId }).execute();
  await db.insertInto('service_location').values({ service_id: service.id, location_id: office.locationId }).execute();
  return service.id;
}

/** A clerk working `starts`–`ends` on every day of the week at the office's location. */
export async function createClerk(
  db: Database,
  office: TestOffice,
  hours: { starts: string; ends: string } = { starts: '08:00', ends: '12:00' },
): Promise<string> {
  const staff = await db
    .insertInto('staff')
    .values({ display_name: `Clerk ${suffix()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_specialty').values({ staff_id: staff.id, specialty_id: office.specialtyId }).execute();
  await db.insertInto('staff_location').values({ staff_id: staff.id, location_id: office.locationId }).execute();
  await db
    .insertInto('working_hours')
    .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ staff_id: staff.id, location_id: office.locationId, weekday, starts: hours.starts, ends: hours.ends })))
    .execute();
  return staff.id;
}

export async function createResource(db: Database, office: TestOffice, kind: string): Promise<string> {
  const r = await db
    .insertInto('resource')
    .values({ location_id: office.locationId, kind, name: `${kind} ${suffix()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function addAbsence(db: Database, staffId: string, from: string, to: string): Promise<void> {
  await db
    .insertInto('absence')
    .values({ staff_id: staffId, during: sql<string>`tstzrange(${from}::timestamptz, ${to}::timestamptz)` })
    .execute();
}

export async function countAppointments(db: Database, where: { serviceId?: string } = {}): Promise<number> {
  let q = db.selectFrom('appointment').select((eb) => eb.fn.countAll<number>().as('n'));
  if (where.serviceId) q = q.where('service_id', '=', where.serviceId);
  return (await q.executeTakeFirstOrThrow()).n;
}

/** An appointment written straight into the table, as another instance or a staff tool would. */
export async function insertAppointment(
  db: Database,
  where: { serviceId: string; locationId: string; staffId: string; resourceId?: string | null },
  starts: Date,
  ends: Date,
  createdBy: 'online' | 'staff' = 'staff',
): Promise<string> {
  const p = person();
  const row = await db
    .insertInto('appointment')
    .values({
      code: `T${randomBytes(5).toString('hex').toUpperCase()}`,
      manage_secret_hash: 'x'.repeat(64),
      service_id: where.serviceId,
      location_id: where.locationId,
      staff_id: where.staffId,
      resource_id: where.resourceId ?? null,
      starts_at: starts,
      ends_at: ends,
      person_name: p.name,
      date_of_birth: p.dateOfBirth,
      email: p.email,
      email_normalized: p.email,
      language: 'de',
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let personCounter = 0;
export function person(overrides: Partial<{ name: string; dateOfBirth: string; email: string; phone: string | null; language: string }> = {}) {
  personCounter++;
  return {
    name: `Olena Test ${personCounter}`,
    dateOfBirth: '1990-04-12',
    email: `person${personCounter}.${suffix()}@example.org`,
    language: 'uk',
    ...overrides,
  };
}
