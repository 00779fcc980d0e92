import type { Database } from '../../src/db/database.ts';

/** A small office for portal tests: one location, one bookable service with texts in all eight languages, one clerk. */
export async function createTestOffice(db: Database, options: { clerks?: number } = {}) {
  const location = await db
    .insertInto('location')
    .values({ slug: 'mitte', name: 'Bürgeramt Mitte', address: 'Hauptstraße 1, 10115 Berlin', time_zone: 'Europe/Berlin' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const weekday of [1, 2, 3, 4, 5]) {
    await db
      .insertInto('location_opening_hours')
      .values({ location_id: location.id, weekday, opens: '08:00', closes: weekday === 4 ? '18:00' : '14:00' })
      .execute();
  }
  const specialty = await db
    .insertInto('specialty')
    .values({ slug: 'front', name: 'Front office', queue_prefix: 'A' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const service = await db
    .insertInto('service')
    .values({ slug: 'extension', duration_minutes: 30, slot_minutes: 30, fee_cents: 9800, max_days_ahead: 60 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const other = await db
    .insertInto('service')
    .values({ slug: 'pickup', duration_minutes: 15, online_bookable: false, walk_in_allowed: true, fee_cents: null, sort_order: 2 })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [lang, name, audience, docs] of texts) {
    await db.insertInto('service_text').values({ service_id: service.id, lang, name, description: '', audience, required_documents: docs }).execute();
    await db
      .insertInto('service_text')
      .values({ service_id: other.id, lang, name: `${name} · eAT`, description: '', audience, required_documents: [] })
      .execute();
  }
  for (const id of [service.id, other.id]) {
    await db.insertInto('service_specialty').values({ service_id: id, specialty_id: specialty.id }).execute();
    await db.insertInto('service_location').values({ service_id: id, location_id: location.id }).execute();
  }
  const clerkIds: string[] = [];
  for (let i = 0; i < (options.clerks ?? 1); i++) {
    const clerk = await db
      .insertInto('staff')
      .values({ display_name: `Clerk ${i + 1}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    clerkIds.push(clerk.id);
    await db.insertInto('staff_location').values({ staff_id: clerk.id, location_id: location.id }).execute();
    await db.insertInto('staff_specialty').values({ staff_id: clerk.id, specialty_id: specialty.id }).execute();
    for (const weekday of [1, 2, 3, 4, 5]) {
      await db.insertInto('working_hours').values({ staff_id: clerk.id, location_id: location.id, weekday, starts: '08:00', ends: '12:00' }).execute();
    }
  }
  return { locationId: location.id, serviceId: service.id, otherServiceId: other.id, clerkIds };
}

const texts: [string, string, string, string[]][] = [
  ['de', 'Verlängerung Aufenthaltstitel', 'Wenn Ihr Aufenthaltstitel bald abläuft.', ['Reisepass', 'Biometrisches Foto']],
  ['en', 'Extension of residence permit', 'If your residence permit expires soon.', ['Passport', 'Biometric photo']],
  ['uk', 'Продовження дозволу на проживання', 'Якщо термін дії вашого дозволу скоро закінчується.', ['Закордонний паспорт', 'Біометричне фото']],
  ['ru', 'Продление вида на жительство', 'Если срок действия вашего вида на жительство скоро истекает.', ['Загранпаспорт', 'Биометрическое фото']],
  ['ar', 'تمديد تصريح الإقامة', 'إذا كان تصريح إقامتك سينتهي قريبًا.', ['جواز السفر', 'صورة بيومترية']],
  ['fa', 'تمدید اجازه اقامت', 'اگر اجازه اقامت شما به‌زودی تمام می‌شود.', ['گذرنامه', 'عکس بیومتریک']],
  ['tr', 'Oturum izninin uzatılması', 'Oturum izninizin süresi yakında doluyorsa.', ['Pasaport', 'Biyometrik fotoğraf']],
  ['fr', 'Prolongation du titre de séjour', 'Si votre titre de séjour expire bientôt.', ['Passeport', 'Photo biométrique']],
];
