import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestJobs, fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { invitationOffice, seedExpiringTitles } from '../../../test/invitation-fixtures.ts';
import { comparable, pdfText, poppler } from '../../../test/pdf-tools.ts';
import { addDays } from '../../web/format.ts';
import { officeDay } from '../../shared/office-day.ts';
import { translate } from '../../web/i18n.ts';
import { freeClerkSlots } from '../appointments/index.ts';
import { expiringTitles } from '../case-files/index.ts';
import { invitationContents, invitationRows } from './invitation-content.ts';
import type { InvitationDeps } from './invitation-deps.ts';
import { invitationLettersPdf } from './invitation-letter.ts';
import { releaseRunLetters, remindAndRelease, runInvitations } from './index.ts';

const { db, url } = await createTestDatabase({ poolSize: 8 });
const clock = fixedClock('2026-12-01T06:30:00Z');
const today = '2026-12-01';
const jobs = createTestJobs(url);
const office = await invitationOffice(db, clock, { keepFreePercent: 30, extraClerks: 2 });
const deps: InvitationDeps = { db, clock, jobs, publicUrl: 'https://lotse.test', timeZone: 'Europe/Berlin', key: async () => 'test-portal-key' };
const windowOf = { from: addDays(today, 56), to: addDays(today, 84), now: clock.now() };

test('two runs at the same moment invite each title exactly once', async () => {
  await seedExpiringTitles(db, { count: 120, today, locationIds: office.locationIds, now: clock.now(), tag: 'C' });
  const expected = (await expiringTitles(db, windowOf)).length;
  const [a, b] = await Promise.all([runInvitations(deps, { trigger: 'staff', staffId: null }), runInvitations(deps, { trigger: 'daily', staffId: null })]);
  const rows = await db.selectFrom('invitation').select(['residence_title_id', 'appointment_id']).execute();
  assert.equal(a.invited + b.invited, rows.length);
  assert.equal(new Set(rows.map((r) => r.residence_title_id)).size, rows.length, 'no title twice');
  assert.equal(a.invited + b.invited + a.notInvited + b.notInvited, expected, 'every title invited or reported once');
  assert.ok(rows.length >= 100, `${rows.length} invited`);
  // One of them found everything done by the other.
  assert.equal(Math.min(a.invited, b.invited), 0);
});

test('a run for 2,000 expiring titles on the demo office: inside the clerks’ hours, no overlap, the share kept free, spread over the days', async () => {
  await seedExpiringTitles(db, { count: 2000, today, locationIds: office.locationIds, now: clock.now(), tag: 'R' });
  const expected = (await expiringTitles(db, windowOf)).length - (await db.selectFrom('invitation').select('id').execute()).length;
  const before = performance.now();
  const run = await runInvitations(deps, { trigger: 'staff', staffId: null });
  const seconds = (performance.now() - before) / 1000;
  assert.equal(run.invited + run.notInvited, expected, `${run.invited} invited, ${JSON.stringify(run.skipped)} (${seconds} s)`);
  assert.ok(run.invited >= 1900, `${run.invited} invited of ${expected}: ${JSON.stringify(run.skipped)} (${seconds} s)`);
  assert.equal(run.skipped.no_birth_date, 0, 'a partly known date of birth is no reason to leave someone out');

  const reserved = await db
    .selectFrom('invitation as i')
    .innerJoin('appointment as a', 'a.id', 'i.appointment_id')
    .select(['a.id', 'a.status', 'a.staff_id', 'a.starts_at', 'a.service_id', 'a.location_id'])
    .where('i.run_id', '=', run.runId)
    .execute();
  assert.equal(reserved.length, run.invited);
  assert.ok(reserved.every((a) => a.status === 'reserved'));

  const outsideHours = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM invitation i JOIN appointment a ON a.id = i.appointment_id,
      LATERAL (SELECT (a.starts_at AT TIME ZONE 'Europe/Berlin') AS s, (a.ends_at AT TIME ZONE 'Europe/Berlin') AS e) l
    WHERE NOT (
      EXISTS (SELECT 1 FROM working_day_override o WHERE o.staff_id = a.staff_id AND o.location_id = a.location_id AND o.day = l.s::date
              AND l.s::time >= o.starts AND l.e::time <= o.ends)
      OR (NOT EXISTS (SELECT 1 FROM working_day_override o WHERE o.staff_id = a.staff_id AND o.location_id = a.location_id AND o.day = l.s::date)
          AND EXISTS (SELECT 1 FROM working_hours w WHERE w.staff_id = a.staff_id AND w.location_id = a.location_id
                      AND w.weekday = extract(isodow FROM l.s) AND l.s::time >= w.starts AND l.e::time <= w.ends
                      AND (w.valid_from IS NULL OR w.valid_from <= l.s::date) AND (w.valid_until IS NULL OR w.valid_until >= l.s::date)))
    ) OR EXISTS (SELECT 1 FROM absence ab WHERE ab.staff_id = a.staff_id AND ab.during && tstzrange(a.starts_at, a.ends_at))
  `.execute(db);
  assert.equal(outsideHours.rows[0]!.n, 0, 'every reservation lies in a clerk’s hours and in no absence');

  const overlaps = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM appointment a JOIN appointment b ON a.staff_id = b.staff_id AND a.id < b.id
    WHERE a.status <> 'cancelled' AND b.status <> 'cancelled' AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
  `.execute(db);
  assert.equal(overlaps.rows[0]!.n, 0, 'no clerk holds two appointments at once');

  // Per service, location and day: what is still free is at least 30 % of what the day offered.
  const all = await db
    .selectFrom('invitation as i')
    .innerJoin('appointment as a', 'a.id', 'i.appointment_id')
    .select(['a.starts_at', 'a.service_id', 'a.location_id'])
    .where('a.status', '<>', 'cancelled')
    .execute();
  const invitedPerDay = new Map<string, number>();
  for (const a of all) {
    const key = `${a.location_id}|${a.service_id}|${officeDay(a.starts_at, 'Europe/Berlin')}`;
    invitedPerDay.set(key, (invitedPerDay.get(key) ?? 0) + 1);
  }
  let daysChecked = 0;
  for (const locationId of office.locationIds) {
    for (const slug of ['aufenthaltstitel-verlaengerung', 'voruebergehender-schutz-24']) {
      const serviceId = office.serviceId(slug);
      const free = await freeClerkSlots(deps, { serviceId, locationId, from: addDays(today, 14), to: addDays(today, 77) });
      assert.ok(free);
      for (const [day, slots] of free.days) {
        const invited = invitedPerDay.get(`${locationId}|${serviceId}|${day}`) ?? 0;
        if (invited === 0) continue;
        daysChecked++;
        assert.ok(slots.length >= 0.3 * (slots.length + invited), `${slug} on ${day}: ${slots.length} free, ${invited} invited`);
      }
    }
  }
  assert.ok(daysChecked >= 40, `invitations spread over ${daysChecked} service-days`);

  const again = await runInvitations(deps, { trigger: 'daily', staffId: null });
  assert.equal(again.invited, 0, 'a second run invites nobody twice');

  // Reviewed, then released: mails to everyone with an address, letters for everyone.
  const queuedBefore = await mailJobs();
  assert.equal(queuedBefore, 0, 'nothing goes out before the review');
  const mailed = await releaseRunLetters(deps, run.runId, null);
  const withAddress = await db
    .selectFrom('invitation as i')
    .innerJoin('case_person as p', 'p.id', 'i.person_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.run_id', '=', run.runId)
    .where('p.email', 'is not', null)
    .executeTakeFirstOrThrow();
  assert.equal(mailed, Number(withAddress.n));
  assert.equal(await mailJobs(), mailed);
  assert.equal(await releaseRunLetters(deps, run.runId, null), 0, 'releasing twice sends nothing twice');

  const turkish = await db
    .selectFrom('pgboss.job' as never)
    .select(sql<{ subject: string; text: string; language: string }>`data`.as('data'))
    .where(sql`name`, '=', 'mail.send')
    .where(sql`data->>'language'`, '=', 'tr')
    .limit(1)
    .executeTakeFirstOrThrow();
  assert.match(turkish.data.text, /Oturma izniniz \(Aufenthaltstitel\)/);
  assert.match(turkish.data.text, /Ihr Aufenthaltstitel ist gültig bis/);
  assert.match(turkish.data.text, /https:\/\/lotse\.test\/tr\/appointment\/[A-Z0-9]+\?s=/);

  const contents = await invitationContents(deps, await invitationRows(db, { runId: run.runId }));
  const pdf = await invitationLettersPdf(contents, clock.now());
  const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))?.[1]);
  assert.ok(pages >= run.invited, `${pages} pages for ${run.invited} letters`);
});

test('the letters read back in German, Turkish and Arabic', async () => {
  const rows = await invitationRows(db, { invitationIds: (await db.selectFrom('invitation').select('id').execute()).map((r) => r.id) });
  const contents = await invitationContents(deps, rows);
  for (const lang of ['de', 'tr', 'ar']) {
    const content = contents.find((c) => c.lang === lang && !c.letterToFile);
    assert.ok(content, `an invitation in ${lang}`);
    const text = words(pdfText(await invitationLettersPdf([content], clock.now())), true);
    for (const l of new Set(['de', lang])) {
      for (const key of ['invitation.letter.title', 'portal.services.bring', ...(content.fee ? ['invitation.letter.fee'] : [])]) {
        assert.ok(text.includes(words(translate(l, key))), `${lang} letter has ${l} ${key}`);
      }
      // A whole sentence where its lines come back in reading order (extractors reorder wrapped right-to-left lines).
      if (l !== 'ar') {
        const sentence = translate(l, 'invitation.letter.intro', { expiry: 'X' }).split('X')[1]!;
        assert.ok(text.includes(words(sentence)), `${lang} letter says in ${l}: ${sentence}`);
      }
    }
    assert.ok(text.includes(words(content.shortUrl)), 'the short link is printed');
    assert.ok(text.includes(content.appointment.code));
  }
});

test('an unconfirmed reservation gets a reminder, then is released; a confirmed one stays', async () => {
  const [first] = await db
    .selectFrom('invitation as i')
    .innerJoin('appointment as a', 'a.id', 'i.appointment_id')
    .innerJoin('invitation_run as r', 'r.id', 'i.run_id')
    .select(['i.id', 'a.id as appointmentId', 'a.starts_at'])
    .where('r.letters_released_at', 'is not', null)
    .where('i.person_id', 'in', db.selectFrom('case_person').select('id').where('email', 'is not', null))
    .orderBy('a.starts_at')
    .limit(1)
    .execute();
  assert.ok(first);
  const day = officeDay(first.starts_at, 'Europe/Berlin');
  const at = (d: string) => ({ ...deps, clock: fixedClock(`${d}T05:15:00Z`) });
  const reminder = await remindAndRelease(at(addDays(day, -7)));
  assert.ok(reminder.reminded >= 1);
  assert.equal((await db.selectFrom('invitation').select('reminded_at').where('id', '=', first.id).executeTakeFirstOrThrow()).reminded_at !== null, true);
  const released = await remindAndRelease(at(addDays(day, -3)));
  assert.ok(released.released >= 1);
  const appointment = await db.selectFrom('appointment').select('status').where('id', '=', first.appointmentId).executeTakeFirstOrThrow();
  assert.equal(appointment.status, 'cancelled', 'released: the time is free for others');
  const again = await remindAndRelease(at(addDays(day, -3)));
  assert.equal((await db.selectFrom('invitation').select('released_at').where('id', '=', first.id).executeTakeFirstOrThrow()).released_at !== null, true);
  assert.ok(again.released < released.released + 1);
});

/** Text as the PDF gives it back, without punctuation (extractors place it apart from right-to-left words). */
const words = (text: string, extracted = false) => comparable(text, extracted).replace(/[.,،:;!?()]/gu, '');

async function mailJobs(): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send'`.execute(db);
  return row.rows[0]!.n;
}
