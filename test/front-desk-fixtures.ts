import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../src/db/database.ts';
import type { DeviceActor, StaffActor } from '../src/features/front-desk/index.ts';
import { createApiToken, createDevice } from '../src/features/staff/index.ts';
import { fixedClock } from '../src/shared/clock.ts';

/** A small office made directly in the database: one location, two queues, a few counters. */
export async function createFrontOffice(db: Database, options: { slug?: string; counters?: number } = {}) {
  const slug = options.slug ?? `office-${randomBytes(3).toString('hex')}`;
  const location = await db
    .insertInto('location')
    .values({ slug, name: `Standort ${slug}`, address: 'Hauptstraße 1' })
    .returning(['id', 'slug', 'name', 'time_zone'])
    .executeTakeFirstOrThrow();
  const counters = [];
  for (let i = 1; i <= (options.counters ?? 3); i++) {
    counters.push(
      await db
        .insertInto('counter')
        .values({ location_id: location.id, name: `Schalter ${i}` })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow(),
    );
  }
  const suffix = randomBytes(3).toString('hex');
  const front = await db
    .insertInto('specialty')
    .values({ slug: `front-${suffix}`, name: 'Frontoffice', queue_prefix: 'A', sort_order: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const back = await db
    .insertInto('specialty')
    .values({
      slug: `back-${suffix}`,
      name: 'Backoffice A–K',
      queue_prefix: 'B',
      sort_order: 2,
      routing_rule: JSON.stringify({ kind: 'surname', from: 'A', to: 'K' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const service = await createService(db, location.id, [front.id], {
    slug: `extension-${suffix}`,
    walkIn: true,
    quota: 5,
    name: 'Verlängerung Aufenthaltstitel',
  });
  const bookingOnly = await createService(db, location.id, [front.id], {
    slug: `settlement-${suffix}`,
    walkIn: false,
    quota: null,
    name: 'Niederlassungserlaubnis',
  });
  return { location, counters, front: front.id, back: back.id, service, bookingOnly };
}

export async function createService(
  db: Database,
  locationId: string,
  specialtyIds: string[],
  options: { slug: string; walkIn: boolean; quota: number | null; name: string },
) {
  const service = await db
    .insertInto('service')
    .values({ slug: options.slug, duration_minutes: 15, walk_in_allowed: options.walkIn, walk_in_daily_quota: options.quota, fee_cents: 9600 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('service_location').values({ service_id: service.id, location_id: locationId }).execute();
  for (const specialtyId of specialtyIds) await db.insertInto('service_specialty').values({ service_id: service.id, specialty_id: specialtyId }).execute();
  await db
    .insertInto('service_text')
    .values([
      { service_id: service.id, lang: 'de', name: options.name, required_documents: ['Reisepass', 'Biometrisches Foto'] },
      { service_id: service.id, lang: 'en', name: `${options.name} (en)`, required_documents: ['Passport', 'Biometric photo'] },
    ])
    .execute();
  return service.id;
}

export async function createClerk(db: Database, locationId: string, specialtyIds: string[], role: StaffActor['role'] = 'clerk'): Promise<StaffActor> {
  const username = `${role.replace('_', '')}-${randomBytes(4).toString('hex')}`;
  const staff = await db
    .insertInto('staff')
    .values({ display_name: `Test ${username}`, username, role })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_location').values({ staff_id: staff.id, location_id: locationId }).execute();
  for (const specialtyId of specialtyIds) await db.insertInto('staff_specialty').values({ staff_id: staff.id, specialty_id: specialtyId }).execute();
  return { kind: 'staff', staffId: staff.id, displayName: `Test ${username}`, username, role, specialtyIds, locationIds: [locationId], via: 'session' };
}

export function kioskAt(locationId: string): DeviceActor {
  return { kind: 'device', deviceId: randomUUID(), role: 'kiosk', locationId, name: 'Kiosk' };
}

/** A real personal API token of the staff feature (Bearer) for HTTP tests. */
// Tokens and devices only record when they were made; a fixed day keeps tests off the real one.
const fixtureClock = fixedClock('2026-11-23T07:00:00Z');

export async function apiTokenFor(db: Database, actor: StaffActor): Promise<string> {
  return (await createApiToken({ db, clock: fixtureClock }, { staffId: actor.staffId, name: 'test', role: actor.role })).token;
}

/** A real device token (kiosk or display) bound to a location. */
export async function deviceToken(db: Database, kind: 'kiosk' | 'display', locationId: string): Promise<string> {
  return (await createDevice({ db, clock: fixtureClock }, { kind, locationId, name: `${kind} test` })).token;
}

let codeCounter = 0;
export async function bookAppointment(
  db: Database,
  input: { locationId: string; serviceId: string; staffId: string; startsAt: Date; personName?: string; language?: string; status?: string },
) {
  codeCounter += 1;
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const code = Array.from(randomBytes(9), (byte) => alphabet[byte % alphabet.length]).join('');
  const row = await db
    .insertInto('appointment')
    .values({
      code,
      manage_secret_hash: 'x',
      service_id: input.serviceId,
      location_id: input.locationId,
      staff_id: input.staffId,
      starts_at: input.startsAt,
      ends_at: new Date(input.startsAt.getTime() + 15 * 60_000),
      status: input.status ?? 'booked',
      cancelled_at: input.status === 'cancelled' ? fixtureClock.now() : null,
      person_name: input.personName ?? 'Olena Kovalenko',
      date_of_birth: '1990-04-01',
      email: `p${codeCounter}-${randomBytes(3).toString('hex')}@example.org`,
      email_normalized: `p${codeCounter}-${randomBytes(3).toString('hex')}@example.org`,
      language: input.language ?? 'uk',
      created_by: 'online',
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  return row;
}
