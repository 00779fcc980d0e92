import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { seedExpiringTitles } from '../../../../test/invitation-fixtures.ts';
import { createClerk, createOffice, createService } from '../../../../test/office-factory.ts';
import { pdfText } from '../../../../test/pdf-tools.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-12-01T06:30:00Z');
const sut = createTestApp(db, { url, clock, portal: { hmacKey: 'invitation-pages-test-key-0123456789' } });
const office = await createOffice(db);
const serviceId = await createService(db, office, { texts: { de: 'Verlängerung', tr: 'Uzatma' }, maxDaysAhead: 120 });
await createClerk(db, office, { starts: '08:00', ends: '16:00' });
await db.insertInto('invitation_service').values({ title_kind: 'residence_permit', service_id: serviceId }).execute();
await db.insertInto('invitation_service').values({ title_kind: 'temporary_protection', service_id: serviceId }).execute();
await seedExpiringTitles(db, { count: 6, today: '2026-12-01', locationIds: [office.locationId], now: clock.now(), tag: 'P' });
const lead = await addStaff(db, 'team_lead', { locationIds: [office.locationId] });
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });

test('a team lead starts a run, reviews it, releases the letters, prints them; the letter’s short link opens the portal where the person confirms', async () => {
  const staff = new Browser(sut);
  await staff.signIn(lead.username);
  const started = await staff.submit('/staff/invitations', '/staff/invitations/runs', {});
  assert.equal(started.status, 303);
  const runPage = started.headers.get('location')!;
  const review = await (await staff.get(runPage)).text();
  assert.match(review, /<!doctype html>/i);
  assert.match(review, /Eingeladen: 6/);
  assert.match(review, /Nach Leistung und Woche/);
  assert.match(review, /Brief zur Akte|Brief \+ E-Mail|Brief/);
  // Nothing to print before the review is done.
  assert.equal((await staff.get(`${runPage}/letters.pdf`)).status, 409);
  const released = await staff.submit(runPage, `${runPage}/release`, {});
  assert.equal(released.status, 303);
  assert.match(released.headers.get('location')!, /mailed=\d+/);
  const letters = await staff.get(`${runPage}/letters.pdf`);
  assert.equal(letters.headers.get('content-type'), 'application/pdf');
  const text = pdfText(Buffer.from(await letters.arrayBuffer()));
  assert.match(text, /Einladung zur Verlängerung Ihres Aufenthaltstitels/);
  assert.match(text, /Oturma izninizin uzatılması için davet/);
  const printed = [...text.matchAll(/https?:\/\/[^\s]+\/i\/([A-Z0-9]+)\/([A-Za-z0-9_-]{12})/g)];
  assert.ok(printed.length >= 6, 'each letter prints its short link');
  const turkish = await db.selectFrom('appointment').select('code').where('language', '=', 'tr').execute();
  const shortLink = printed.find((m) => turkish.some((a) => a.code === m[1]));
  assert.ok(shortLink, 'a Turkish letter');

  // The invited person (Turkish) types the short link.
  const person = new Browser(sut);
  const opened = await person.get(`/i/${shortLink[1]}/${shortLink[2]}`);
  assert.equal(opened.status, 303);
  const page = opened.headers.get('location')!;
  assert.match(page, /^\/tr\/appointment\//);
  const html = await (await person.get(page)).text();
  assert.match(html, /Yabancılar Dairesi bu randevuyu sizin için ayırdı/);
  assert.equal((await person.get(`/i/${shortLink[1]}/AAAAAAAAAAAA`)).status, 404, 'a wrong token opens nothing');
  const confirmed = await person.submit(page, `${page}/confirm`, {});
  assert.equal(confirmed.status, 303);
  assert.match(confirmed.headers.get('location')!, /notice=confirmed/);
  assert.match(await (await person.get(confirmed.headers.get('location')!)).text(), /Randevunuz onaylandı/);
  const appointment = await db
    .selectFrom('appointment')
    .select('status')
    .where('code', '=', shortLink[1] ?? '')
    .executeTakeFirstOrThrow();
  assert.equal(appointment.status, 'booked');

  // The figures page counts them: six sent, one confirmed, five still open.
  const figures = await (await staff.get(`/staff/figures?location=${office.locationId}&from=2026-11-01&to=2026-12-01`)).text();
  assert.match(figures, /<h2>Einladungen<\/h2>/);
  const row = (label: string) => new RegExp(`${label}</th>\\s*<td[^>]*>(\\d+)</td>`).exec(figures)?.[1];
  assert.equal(row('verschickt'), '6');
  assert.equal(row('bestätigt'), '1');
  assert.equal(row('noch offen'), '5');
  const csv = await (await staff.get(`/staff/figures/invitations.csv?location=${office.locationId}&from=2026-11-01&to=2026-12-01`)).text();
  assert.match(csv, /verschickt.6/);

  const invitation = await db.selectFrom('invitation').select('id').executeTakeFirstOrThrow();
  const resent = await staff.submit(runPage, `/staff/invitations/${invitation.id}/resend`, {});
  assert.equal(resent.headers.get('content-type'), 'application/pdf');
});

test('a clerk may not run invitations', async () => {
  const staff = new Browser(sut);
  await staff.signIn(clerk.username);
  assert.equal((await staff.get('/staff/invitations')).status, 403);
});

test('a team lead imports titles from a CSV export: new files, one bad row reported, a second import changes nothing', async () => {
  const staff = new Browser(sut);
  await staff.signIn(lead.username);
  const slug = (await db.selectFrom('location').select('slug').where('id', '=', office.locationId).executeTakeFirstOrThrow()).slug;
  const csv = [
    'aktenzeichen;familienname;vornamen;geburtsdatum;titelart;gueltig_bis;standort;email;sprache;strasse;plz;ort',
    `CSV-1;Yılmaz;Zeynep;1990;Aufenthaltserlaubnis;15.02.2027;${slug};zeynep@example.org;tr;Bahnhofstr. 2;35576;Wetzlar`,
    `CSV-2;Haddad;Omar;03.1985;temporary_protection;2027-02-10;${slug};;ar;;;`,
    `CSV-3;Kovalenko;Olena;00.00.1980;residence_permit;31.02.2027;${slug};;uk;;;`,
  ].join('\n');
  const page = await staff.submit('/staff/invitations', '/staff/invitations/import', { csv });
  const html = await page.text();
  assert.equal(page.status, 200);
  assert.match(html, /Neu: 2 · geändert: 0 · unverändert: 0 · Fehler: 1/);
  assert.match(html, /Zeile 4: /);
  const titles = await db
    .selectFrom('residence_title as t')
    .innerJoin('case_file as f', 'f.person_id', 't.person_id')
    .select(['f.reference', 't.kind', (eb) => eb.cast<string>('t.valid_until', 'text').as('valid_until')])
    .where('f.reference', 'like', 'CSV-%')
    .where('t.is_current', '=', true)
    .orderBy('f.reference')
    .execute();
  assert.deepEqual(titles, [
    { reference: 'CSV-1', kind: 'residence_permit', valid_until: '2027-02-15' },
    { reference: 'CSV-2', kind: 'temporary_protection', valid_until: '2027-02-10' },
  ]);
  const again = await (await staff.submit('/staff/invitations', '/staff/invitations/import', { csv })).text();
  assert.match(again, /Neu: 0 · geändert: 0 · unverändert: 2 · Fehler: 1/);
  const missing = await staff.submit('/staff/invitations', '/staff/invitations/import', { csv: 'name;datum\nA;B' });
  assert.equal(missing.status, 422);
});
