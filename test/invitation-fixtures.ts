import { seedDemoOffice } from '../src/demo/seed-demo-office.ts';
import type { Database } from '../src/db/database.ts';
import { createLogger } from '../src/platform/log.ts';
import type { Clock } from '../src/shared/clock.ts';
import { addDays } from '../src/web/format.ts';

/**
 * The demo office (two locations, twelve clerks, the real services and fees) set up for
 * invitations: residence permits are extended in "aufenthaltstitel-verlaengerung", § 24 titles in
 * "voruebergehender-schutz-24"; each day keeps `keepFreePercent` free; `extraClerks` more clerks per
 * location for both services.
 */
export async function invitationOffice(db: Database, clock: Clock, options: { keepFreePercent?: number; review?: boolean; extraClerks?: number } = {}) {
  await seedDemoOffice({ db, clock, logger: createLogger('silent') });
  const services = await db.selectFrom('service').select(['id', 'slug']).execute();
  const serviceId = (slug: string) => services.find((s) => s.slug === slug)!.id;
  await db
    .insertInto('invitation_service')
    .values([
      { title_kind: 'residence_permit', service_id: serviceId('aufenthaltstitel-verlaengerung') },
      { title_kind: 'temporary_protection', service_id: serviceId('voruebergehender-schutz-24') },
    ])
    .onConflict((oc) => oc.column('title_kind').doNothing())
    .execute();
  await db
    .updateTable('invitation_policy')
    .set({ keep_free_percent: options.keepFreePercent ?? 30, review_before_release: options.review ?? true })
    .execute();
  const locations = await db.selectFrom('location').select(['id', 'slug']).orderBy('slug').execute();
  // The refugee wave: the office adds clerks for the extensions (full days, Monday to Friday).
  const specialties = await db
    .selectFrom('service_specialty')
    .select('specialty_id')
    .distinct()
    .where('service_id', 'in', [serviceId('aufenthaltstitel-verlaengerung'), serviceId('voruebergehender-schutz-24')])
    .execute();
  for (const location of locations) {
    for (let n = 0; n < (options.extraClerks ?? 0); n++) {
      const staff = await db
        .insertInto('staff')
        .values({ display_name: `Verstärkung ${location.slug} ${n + 1}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('staff_location').values({ staff_id: staff.id, location_id: location.id }).execute();
      await db
        .insertInto('staff_specialty')
        .values(specialties.map((s) => ({ staff_id: staff.id, specialty_id: s.specialty_id })))
        .execute();
      await db
        .insertInto('working_hours')
        .values([1, 2, 3, 4, 5].map((weekday) => ({ staff_id: staff.id, location_id: location.id, weekday, starts: '08:00', ends: '16:00' })))
        .execute();
    }
  }
  return { locationIds: locations.map((l) => l.id), serviceId };
}

const people = [
  { given: 'Ayşe', family: 'Yılmaz', lang: 'tr' },
  { given: 'Mehmet', family: 'Öztürk', lang: 'tr' },
  { given: 'أحمد', family: 'الحسن', lang: 'ar' },
  { given: 'Fatima', family: 'Haddad', lang: 'ar' },
  { given: 'Olena', family: 'Kovalenko', lang: 'uk' },
  { given: 'Mehrnoush', family: 'Rahimi', lang: 'fa' },
  { given: 'Jan', family: 'Kowalski', lang: 'pl' },
  { given: 'Amina', family: 'Diallo', lang: 'fr' },
  { given: 'Lukas', family: 'Berger', lang: 'de' },
  { given: 'Ana', family: 'Popescu', lang: 'ro' },
];

/**
 * `count` persons with an active file and a current title expiring `windowFromDays`…`windowToDays`
 * days after `today`, spread evenly; most with e-mail and postal address, every 25th without an
 * address, every 10th without e-mail, every 40th with only the year of birth known. Kinds alternate
 * between residence permits and § 24 titles; files alternate between the locations.
 */
export async function seedExpiringTitles(
  db: Database,
  options: { count: number; today: string; locationIds: readonly string[]; now: Date; windowFromDays?: number; windowToDays?: number; tag?: string },
): Promise<void> {
  const from = options.windowFromDays ?? 56;
  const span = (options.windowToDays ?? 84) - from;
  const tag = options.tag ?? 'I';
  for (let start = 0; start < options.count; start += 500) {
    const n = Math.min(500, options.count - start);
    const rows = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const p = people[i % people.length]!;
      return { i, p };
    });
    const persons = await db
      .insertInto('case_person')
      .values(
        rows.map(({ i, p }) => ({
          family_name: p.family,
          given_names: `${p.given} ${i}`,
          birth_year: 1960 + (i % 40),
          birth_month: i % 40 === 7 ? null : 1 + (i % 12),
          birth_day: i % 40 === 7 ? null : 1 + (i % 28),
          nationalities: [],
          address_street: i % 25 === 3 ? null : `Hauptstraße ${1 + (i % 90)}`,
          address_postal_code: i % 25 === 3 ? null : '35576',
          address_city: i % 25 === 3 ? null : 'Wetzlar',
          email: i % 10 === 4 ? null : `person${tag}${i}@example.org`,
          preferred_language: p.lang,
          created_at: options.now,
          updated_at: options.now,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('case_file')
      .values(
        persons.map((person, k) => ({
          person_id: person.id,
          reference: `${tag}-${start + k}`,
          location_id: options.locationIds[(start + k) % options.locationIds.length]!,
          created_at: options.now,
          updated_at: options.now,
        })),
      )
      .execute();
    await db
      .insertInto('residence_title')
      .values(
        persons.map((person, k) => ({
          person_id: person.id,
          kind: (start + k) % 2 === 0 ? 'residence_permit' : 'temporary_protection',
          valid_until: addDays(options.today, from + ((start + k) % (span + 1))),
          is_current: true,
          created_at: options.now,
        })),
      )
      .execute();
  }
}
