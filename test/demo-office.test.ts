import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoOffice } from '../src/demo/seed-demo-office.ts';
import { demoServices } from '../src/demo/demo-services.ts';
import { getAvailability, onlineRequester } from '../src/features/appointments/index.ts';
import { createLogger } from '../src/platform/log.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { infoPageTextState } from '../src/features/office/info-page-status.ts';
import { languages, textDirection } from '../src/web/i18n.ts';
import { createTestDatabase } from './database.ts';

const { db } = await createTestDatabase({ poolSize: 6 });
const clock = fixedClock('2026-12-01T06:30:00Z');
const deps = { db, clock, logger: createLogger('silent') };

test('two instances seeding an empty database at once load the demo office exactly once', async () => {
  const results = await Promise.all([seedDemoOffice(deps), seedDemoOffice(deps)]);
  assert.deepEqual(results.sort(), [false, true]);
  const count = async (table: 'location' | 'service' | 'staff' | 'appointment' | 'absence') =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  assert.equal(await count('location'), 2);
  assert.ok((await count('service')) >= 8);
  assert.equal(await count('staff'), 12);
  assert.ok((await count('absence')) >= 2);
  const booked = await count('appointment');
  assert.ok(booked >= 15, `${booked} demo appointments`);
  assert.equal(await seedDemoOffice(deps), false, 'a non-empty database is left alone');
  assert.equal(await count('appointment'), booked);
});

test('every demo service has real texts in every portal language', async () => {
  const rows = await db
    .selectFrom('service_text')
    .select(['service_id', 'lang', 'name', 'description', 'audience', 'required_documents', 'fee_note'])
    .execute();
  const services = await db.selectFrom('service').select('id').execute();
  for (const { id } of services) {
    const texts = rows.filter((r) => r.service_id === id);
    assert.deepEqual(texts.map((t) => t.lang).sort(), [...languages].sort());
    const de = texts.find((t) => t.lang === 'de')!;
    for (const t of texts) {
      assert.ok(t.name && t.description && t.audience && t.fee_note && t.required_documents.length >= 3, `${t.lang} complete`);
      assert.equal(t.required_documents.length, de.required_documents.length, `${t.lang} lists the same documents`);
      if (t.lang !== 'de') {
        assert.notEqual(t.description, de.description, `${t.lang} is translated`);
        assert.notDeepEqual(t.required_documents, de.required_documents);
      }
    }
  }
  for (const s of demoServices) {
    for (const lang of languages.filter((l) => textDirection(l) === 'rtl')) assert.match(s.texts[lang]?.name ?? '', /[\u0600-\u06FF]/, `${s.slug} ${lang}`);
  }
});

test('a translated demo service name does not repeat in brackets a German word that the German name beside it shows', () => {
  for (const s of demoServices) {
    for (const [lang, text] of Object.entries(s.texts)) {
      if (lang === 'de') continue;
      const bracketed = [...text.name.matchAll(/\(([^()§]+)\)/g)].map((m) => m[1]!.trim());
      assert.deepEqual(
        bracketed.filter((term) => s.texts.de.name.includes(term)),
        [],
        `${s.slug} in ${lang}: ${text.name}`,
      );
    }
  }
});

test('the demo office offers bookable slots', async () => {
  const service = await db.selectFrom('service').select('id').where('slug', '=', 'aufenthaltstitel-verlaengerung').executeTakeFirstOrThrow();
  const location = await db.selectFrom('location').select('id').where('slug', '=', 'wetzlar').executeTakeFirstOrThrow();
  const availability = await getAvailability(
    { db, clock },
    { serviceId: service.id, locationId: location.id, from: '2026-12-02', to: '2026-12-15', actor: onlineRequester },
  );
  assert.ok(availability.days.flatMap((d) => d.starts).length > 100);
  const biometrics = await db.selectFrom('service').select('required_resource_kind').where('slug', '=', 'biometrie-erfassung').executeTakeFirstOrThrow();
  assert.equal(biometrics.required_resource_kind, 'biometrics-station');
});

test('the demo office knows its federal state and closes on holidays and its own closures', async () => {
  const locations = await db.selectFrom('location').select(['id', 'slug', 'federal_state']).execute();
  assert.deepEqual(
    locations.map((l) => l.federal_state),
    ['HE', 'HE'],
  );
  const wetzlar = locations.find((l) => l.slug === 'wetzlar')!;
  const closures = await db
    .selectFrom('location_closure')
    .select(['day', 'starts', 'ends', 'reason'])
    .where('location_id', '=', wetzlar.id)
    .orderBy('day')
    .execute();
  // The clock stands on Tuesday 1 December 2026: the staff meeting is on next week's Thursday.
  assert.deepEqual(closures, [
    { day: '2026-12-10', starts: '14:00:00', ends: '16:00:00', reason: 'Personalversammlung' },
    { day: '2026-12-24', starts: '12:00:00', ends: '24:00:00', reason: 'Heiligabend' },
  ]);
  const service = await db.selectFrom('service').select('id').where('slug', '=', 'aufenthaltstitel-verlaengerung').executeTakeFirstOrThrow();
  const available = await getAvailability(
    { db, clock },
    { serviceId: service.id, locationId: wetzlar.id, from: '2026-12-24', to: '2026-12-25', actor: onlineRequester },
  );
  assert.ok(available.days[0]!.starts.length > 0 && available.days[0]!.starts.every((s) => s.slice(11, 16) < '12:00'), 'Christmas Eve only in the morning');
  assert.deepEqual(available.days[1]!.starts, [], 'Christmas Day closed');
  const booked = await db
    .selectFrom('appointment')
    .select('starts_at')
    .where('location_id', '=', wetzlar.id)
    .where('starts_at', '>=', new Date('2026-12-10T13:00:00Z'))
    .where('starts_at', '<', new Date('2026-12-10T15:00:00Z'))
    .execute();
  assert.deepEqual(booked, [], 'no demo appointment during the staff meeting');
});

test('the demo information pages: German with current translations into six languages, one awaiting approval, linked to services', async () => {
  const pages = await db.selectFrom('info_page').select(['id', 'slug', 'published']).orderBy('position').execute();
  assert.deepEqual(
    pages.map((p) => [p.slug, p.published]),
    [
      ['ukraine-schutz', true],
      ['eat-karte', true],
      ['gebuehren', true],
    ],
  );
  const texts = await db.selectFrom('info_page_text').selectAll().execute();
  for (const page of pages) {
    const own = texts.filter((t) => t.info_page_id === page.id);
    assert.deepEqual(own.map((t) => t.lang).sort(), ['ar', 'de', 'en', 'fa', 'ru', 'tr', 'uk'], page.slug);
    const german = own.find((t) => t.lang === 'de')!;
    for (const text of own) {
      assert.equal(infoPageTextState(german, text) !== 'outdated', true, `${page.slug} ${text.lang}`);
      if (text.lang !== 'de') assert.notEqual(text.body, german.body, `${page.slug} ${text.lang} is translated`);
    }
    const links = await db.selectFrom('service_info_page').select('service_id').where('info_page_id', '=', page.id).execute();
    assert.ok(links.length > 0, `${page.slug} is linked to a service`);
  }
  const unapproved = texts.filter(
    (t) =>
      infoPageTextState(
        texts.find((g) => g.info_page_id === t.info_page_id && g.lang === 'de'),
        t,
      ) === 'unapproved',
  );
  assert.equal(unapproved.length, 1);
});
