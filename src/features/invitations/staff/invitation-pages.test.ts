import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTestApp, createTestJobs, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { seedExpiringTitles } from '../../../../test/invitation-fixtures.ts';
import { createClerk, createOffice, createService } from '../../../../test/office-factory.ts';
import { pdfText } from '../../../../test/pdf-tools.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { officeDay } from '../../../shared/office-day.ts';
import { addDays } from '../../../web/format.ts';
import { remindAndRelease } from '../index.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-12-01T06:30:00Z');
const sut = createTestApp(db, { url, clock, portal: { hmacKey: 'invitation-pages-test-key-0123456789' } });
const jobs = createTestJobs(url);
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

test('a person without e-mail is reminded by letter: listed on the run’s page, printed in German and their language', async () => {
  const staff = new Browser(sut);
  await staff.signIn(lead.username);
  // The Turkish invitation still unconfirmed; its person loses the e-mail address.
  const open = await db
    .selectFrom('invitation as i')
    .innerJoin('appointment as a', 'a.id', 'i.appointment_id')
    .select(['i.id', 'i.run_id', 'i.person_id', 'a.starts_at', 'a.code'])
    .where('a.status', '=', 'reserved')
    .where('i.language', '=', 'tr')
    .orderBy('a.starts_at')
    .executeTakeFirstOrThrow();
  await db.updateTable('case_person').set({ email: null }).where('id', '=', open.person_id).execute();
  const day = officeDay(open.starts_at, 'Europe/Berlin');
  const deps = {
    db,
    clock: fixedClock(`${addDays(day, -7)}T05:15:00Z`),
    jobs,
    publicUrl: 'https://lotse.test',
    timeZone: 'Europe/Berlin',
    key: async () => 'k',
  };
  const reminded = await remindAndRelease(deps);
  assert.ok(reminded.reminded >= 1);
  const marks = await db
    .selectFrom('invitation as i')
    .innerJoin('case_person as p', 'p.id', 'i.person_id')
    .select(['i.id', 'i.reminder_letter', 'p.email'])
    .where('i.reminded_at', 'is not', null)
    .execute();
  assert.deepEqual(
    marks.filter((m) => m.reminder_letter).map((m) => m.id),
    [open.id],
    'only the person without an address gets a letter; the others got the mail',
  );
  assert.ok(marks.every((m) => m.reminder_letter === (m.email === null)));

  const runPage = `/staff/invitations/runs/${open.run_id}`;
  const html = await (await staff.get(runPage)).text();
  assert.match(html, /Erinnerungsbriefe drucken \(1, ohne E-Mail-Adresse, PDF\)/);
  assert.match(html, /Erinnerung per Brief/);
  const runs = await (await staff.get('/staff/invitations')).text();
  assert.match(runs, new RegExp(`<a href="${runPage}/reminders.pdf">1 <span class="visually-hidden">Erinnerungsbriefe drucken`), 'the runs list counts them');
  const response = await staff.get(`${runPage}/reminders.pdf`);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  const text = pdfText(Buffer.from(await response.arrayBuffer())).replace(/\s+/g, ' ');
  assert.match(text, /Erinnerung: Bitte bestätigen Sie Ihren Termin am/);
  assert.match(text, /Sie haben Ihren reservierten Termin noch nicht bestätigt\. Bitte bestätigen Sie ihn bis/);
  assert.match(text, /Hatırlatma: Lütfen .* tarihli randevunuzu onaylayın/);
  assert.match(text, /Ayrılan randevunuzu henüz onaylamadınız\. Lütfen .* tarihine kadar onaylayın/);
  assert.match(text, new RegExp(open.code), 'the appointment code');
  assert.doesNotMatch(text, /Einladung zur Verlängerung Ihres Aufenthaltstitels/, 'a reminder, not the invitation again');
  const printed = await db.selectFrom('audit_entry').select('target_id').where('action', '=', 'invitation_run.print_reminders').execute();
  assert.deepEqual(printed, [{ target_id: open.run_id }]);

  // Confirmed meanwhile: nothing left to print.
  await db.updateTable('appointment').set({ status: 'booked' }).where('code', '=', open.code).execute();
  assert.equal((await staff.get(`${runPage}/reminders.pdf`)).status, 404);
  assert.doesNotMatch(await (await staff.get(runPage)).text(), /Erinnerungsbriefe drucken/);
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

test('a person whose file knows only the year (or year and month) of birth finds the invitation on the portal by code and any date in it', async () => {
  // The titles imported above (CSV-1: born 1990, CSV-2: born 03.1985) expire inside the window.
  const staff = new Browser(sut);
  await staff.signIn(lead.username);
  await staff.submit('/staff/invitations', '/staff/invitations/runs', {});
  const invited = await db
    .selectFrom('invitation as i')
    .innerJoin('case_file as f', 'f.person_id', 'i.person_id')
    .innerJoin('appointment as a', 'a.id', 'i.appointment_id')
    .select(['f.reference', 'a.code', (eb) => eb.cast<string>('a.date_of_birth', 'text').as('dateOfBirth'), 'a.date_of_birth_precision as precision'])
    .where('f.reference', 'in', ['CSV-1', 'CSV-2'])
    .orderBy('f.reference')
    .execute();
  assert.deepEqual(
    invited.map(({ reference, dateOfBirth, precision }) => ({ reference, dateOfBirth, precision })),
    [
      { reference: 'CSV-1', dateOfBirth: '1990-01-01', precision: 'year' },
      { reference: 'CSV-2', dateOfBirth: '1985-03-01', precision: 'month' },
    ],
  );
  const [year, month] = invited;
  assert.ok(year && month);
  const lookUp = async (code: string, dateOfBirth: string) => new Browser(sut).submit('/de/manage', '/de/manage', { code, dateOfBirth });
  assert.equal((await lookUp(year.code, '1990-05-17')).status, 303, 'the real birthday, only its year on file');
  assert.equal((await lookUp(year.code, '1990-01-01')).status, 303);
  assert.equal((await lookUp(year.code, '1991-05-17')).status, 422, 'another year');
  assert.equal((await lookUp(month.code, '1985-03-28')).status, 303, 'any day of the known month');
  assert.equal((await lookUp(month.code, '1985-04-01')).status, 422, 'another month');
  // A whole date on file is compared whole, as before.
  const whole = await db
    .selectFrom('appointment')
    .select(['code', (eb) => eb.cast<string>('date_of_birth', 'text').as('dateOfBirth')])
    .where('status', '=', 'reserved')
    .where('date_of_birth_precision', '=', 'day')
    .executeTakeFirstOrThrow();
  const otherDay = `${whole.dateOfBirth.slice(0, 8)}${whole.dateOfBirth.endsWith('28') ? '27' : '28'}`;
  assert.equal((await lookUp(whole.code, otherDay)).status, 422);
  assert.equal((await lookUp(whole.code, whole.dateOfBirth)).status, 303);
});

describe('importing titles from an uploaded CSV file', () => {
  const header = 'aktenzeichen;familienname;vornamen;geburtsdatum;titelart;gueltig_bis;standort;email;sprache;strasse;plz;ort';
  const locationSlug = async () => (await db.selectFrom('location').select('slug').where('id', '=', office.locationId).executeTakeFirstOrThrow()).slug;
  const titlesLike = (prefix: string) =>
    db
      .selectFrom('case_person as p')
      .innerJoin('case_file as f', 'f.person_id', 'p.id')
      .select(['f.reference', 'p.family_name', 'p.given_names', 'p.address_city'])
      .where('f.reference', 'like', `${prefix}%`)
      .orderBy('f.reference')
      .execute();

  async function upload(staff: Browser, bytes: Uint8Array, name = 'export.csv') {
    const form = new FormData();
    form.set('_csrf', await staff.csrfFrom('/staff/invitations'));
    form.set('file', new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
    form.set('csv', '');
    return staff.request('/staff/invitations/import', { method: 'POST', body: form });
  }
  const signedIn = async () => {
    const staff = new Browser(sut);
    await staff.signIn(lead.username);
    return staff;
  };

  test('a Windows-1252 export with umlauts and a UTF-8 export with a byte-order mark read the same names', async () => {
    const staff = await signedIn();
    const slug = await locationSlug();
    const rows = (prefix: string) =>
      [header, `${prefix}-1;Müller;Jürgen;12.03.1970;Aufenthaltserlaubnis;15.02.2027;${slug};;de;Weißadlergasse 3;35578;Gießen`].join('\r\n');
    const ansi = Buffer.from(rows('ANSI'), 'latin1'); // ü, ß and ö are the same bytes in Latin-1 and Windows-1252
    assert.ok(!Buffer.from(rows('ANSI'), 'utf8').equals(ansi), 'the two encodings differ');
    const fromAnsi = await upload(staff, ansi);
    assert.equal(fromAnsi.status, 200);
    const ansiPage = await fromAnsi.text();
    assert.match(ansiPage, /Neu: 1 · geändert: 0 · unverändert: 0 · Fehler: 0 · gelesen als Windows-1252/);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows('BOM'), 'utf8')]);
    const fromUtf8 = await (await upload(staff, withBom)).text();
    assert.match(fromUtf8, /Neu: 1 · .* gelesen als UTF-8/);
    assert.deepEqual(await titlesLike('ANSI'), [{ reference: 'ANSI-1', family_name: 'Müller', given_names: 'Jürgen', address_city: 'Gießen' }]);
    assert.deepEqual(await titlesLike('BOM'), [{ reference: 'BOM-1', family_name: 'Müller', given_names: 'Jürgen', address_city: 'Gießen' }]);
  });

  test('a file that cannot be read, lacks columns or is too large: a clear message, nothing imported', async () => {
    const staff = await signedIn();
    const slug = await locationSlug();
    const good = `BAD-1;Haddad;Omar;1985;residence_permit;2027-02-10;${slug};;ar;;;`;
    const before = await db
      .selectFrom('residence_title')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Uint8Array, number, RegExp][] = [
      [Buffer.from(`\uFEFF${header}\n${good}`, 'utf16le'), 422, /Nichts eingelesen: Die Datei ist in UTF-16 gespeichert/],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), 422, /Nichts eingelesen: Das ist keine Textdatei/],
      [
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}\nBAD-1;M\xfcller`, 'latin1')]),
        422,
        /als UTF-8 gekennzeichnet, enthält aber ungültige Zeichen/,
      ],
      [Buffer.from(`aktenzeichen,familienname,titelart\n${good}`), 422, /durch Kommas oder Tabulatoren getrennt; erwartet wird das Semikolon/],
      [Buffer.from(`aktenzeichen;familienname\n${good}`), 422, /Es fehlen Spalten \/ missing columns: titelart, gueltig_bis, standort/],
      [new Uint8Array(0), 422, /Bitte eine CSV-Datei wählen oder ihren Inhalt einfügen/],
      [Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 413, /Die Datei ist größer als 10 MB/],
    ];
    for (const [bytes, status, message] of cases) {
      const response = await upload(staff, bytes);
      assert.equal(response.status, status, String(message));
      const html = await response.text();
      assert.match(html, /^<!doctype html>/i);
      assert.match(html, message);
    }
    const after = await db
      .selectFrom('residence_title')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
    assert.deepEqual(await titlesLike('BAD'), []);
  });

  test('a refused paste is shown again as typed', async () => {
    const staff = await signedIn();
    const refused = await staff.submit('/staff/invitations', '/staff/invitations/import', { csv: 'name;datum\nA;B' });
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /<textarea[^>]*>name;datum\nA;B<\/textarea>/);
  });
});
