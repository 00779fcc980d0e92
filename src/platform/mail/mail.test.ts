import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/database.ts';
import { createTestJobs } from '../../../test/app.ts';
import { JobPayloadError } from '../jobs/jobs.ts';
import { createMailTransport, enqueueMail, sendMailJob, type MailMessage, type MailTransport } from './index.ts';
import { temporaryFolder } from '../../../test/temporary-folder.ts';
import { until } from '../../../test/until.ts';

const { db, url } = await createTestDatabase();
const jobs = createTestJobs(url);
const outboxDir = path.join(await temporaryFolder('lotse-outbox-'), 'outbox');
const transport = createMailTransport({ smtpUrl: undefined, from: 'Ausländerbehörde <noreply@lotse.test>', outboxDir });

const message = (subject: string): MailMessage => ({
  to: 'amina@example.org',
  subject,
  text: 'موعدك يوم الثلاثاء.\n\nDeutsche Zusammenfassung: Ihr Termin ist am Dienstag.',
  html: '<p dir="rtl">موعدك يوم الثلاثاء.</p>',
  language: 'ar',
  attachments: [{ filename: 'termin.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
});

const outbox = async () => (await fs.readdir(outboxDir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));

async function waitForOutbox(count: number): Promise<string[]> {
  return until(`the outbox has ${count} messages`, async () => {
    const files = await outbox();
    return files.length >= count ? files : undefined;
  });
}

const mailJobs = async (subject: string) =>
  (
    await sql<{
      state: string;
      retry_count: number;
    }>`SELECT state, retry_count FROM pgboss.job WHERE name = 'mail.send' AND data->>'subject' = ${subject}`.execute(db)
  ).rows;

test('a message queued in a rolled-back transaction is never sent; a committed one is', async () => {
  await jobs.register(sendMailJob(transport, 'lotse.test', { retryLimit: 5, retryDelay: 1, retryBackoff: false }));
  await db
    .transaction()
    .execute(async (trx) => {
      await enqueueMail(jobs, message('rolled back'), { trx });
      throw new Error('booking failed');
    })
    .catch(() => {});
  await db.transaction().execute((trx) => enqueueMail(jobs, message('موعدك · Ihr Termin'), { trx }).then(() => undefined));

  const [file] = await waitForOutbox(1);
  assert.deepEqual(await mailJobs('rolled back'), [], 'the rolled-back message was never queued, so it can never be sent');
  await until('the committed mail job is completed', async () => (await mailJobs('موعدك · Ihr Termin'))[0]?.state === 'completed');
  assert.equal((await outbox()).length, 1, 'only the committed message');

  const parsed = await simpleParser(await fs.readFile(path.join(outboxDir, file!)));
  assert.equal(parsed.subject, 'موعدك · Ihr Termin');
  assert.equal(parsed.headers.get('content-language'), 'ar');
  assert.match(parsed.text ?? '', /Deutsche Zusammenfassung/);
  assert.match(String(parsed.html), /dir="rtl"/);
  assert.equal(parsed.attachments[0]?.filename, 'termin.ics');
  assert.match(parsed.attachments[0]?.contentType ?? '', /text\/calendar/);
  assert.equal((parsed.to as { text: string }).text, 'amina@example.org');
  assert.match(parsed.messageId ?? '', /@lotse\.test>$/);
});

test('a failed send is retried until it goes through, without a duplicate', async () => {
  // A plain file where the outbox folder should be makes every write fail, as a down SMTP server would.
  await fs.rm(outboxDir, { recursive: true, force: true });
  await fs.writeFile(outboxDir, 'blocking');
  await enqueueMail(jobs, message('retried'));
  await until('the send failed and is up for a retry', async () => ((await mailJobs('retried'))[0]?.retry_count ?? 0) >= 1);
  assert.deepEqual(await outbox(), []);
  await fs.rm(outboxDir);
  await until('the retried mail job is completed', async () => (await mailJobs('retried'))[0]?.state === 'completed');
  const files = await outbox();
  assert.equal(files.length, 1);
  const parsed = await simpleParser(await fs.readFile(path.join(outboxDir, files[0]!)));
  assert.equal(parsed.subject, 'retried');
});

test('messages queued together in a batch go out together, and not at all when the transaction fails', async () => {
  const count = async (subject: string) =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'subject' = ${subject}`.execute(db)).rows[0]!.n;
  await db.transaction().execute((trx) =>
    jobs.batched(trx, async () => {
      for (let i = 0; i < 3; i++) assert.equal(await enqueueMail(jobs, message('batched'), { trx }), null, 'queued for the end of the batch');
      assert.equal(await count('batched'), 0, 'nothing inserted before the batch ends');
    }),
  );
  assert.equal(await count('batched'), 3);
  await db
    .transaction()
    .execute((trx) =>
      jobs.batched(trx, async () => {
        await enqueueMail(jobs, message('batch rolled back'), { trx });
        throw new Error('delivery failed');
      }),
    )
    .catch(() => {});
  assert.equal(await count('batch rolled back'), 0);
});

test('one person’s mails go out in the order they were written, even when another instance fetches the later one', async () => {
  const own = await createTestDatabase();
  const instanceA = createTestJobs(own.url);
  const instanceB = createTestJobs(own.url);
  const started: string[] = [];
  const sent: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // Sends are recorded, and the confirmation hangs (a slow SMTP server) until released.
  const slowForOne: MailTransport = {
    describe: () => 'test',
    close: () => {},
    async send(mail) {
      started.push(mail.subject);
      if (mail.subject === 'Bestätigung') await held;
      sent.push(mail.subject);
    },
  };
  const olena = (subject: string, to = 'olena@example.org'): MailMessage => ({ to, subject, text: 'Ihr Termin', language: 'uk' });
  await enqueueMail(instanceA, olena('Bestätigung'));
  await instanceA.register(sendMailJob(slowForOne, 'lotse.test'));
  await until('instance A sends the confirmation', () => started.includes('Bestätigung'));
  await enqueueMail(instanceA, olena('Absage', 'Olena@Example.org'));
  await enqueueMail(instanceA, olena('Andere Person', 'yusuf@example.org'));
  await instanceB.register(sendMailJob(slowForOne, 'lotse.test'));
  await until('instance B sent the other person’s mail, queued after the cancellation', () => sent.includes('Andere Person'));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.ok(!started.includes('Absage'), 'the cancellation waits for the confirmation');
  release();
  await until('the cancellation went out', () => sent.includes('Absage'));
  assert.deepEqual(
    sent.filter((subject) => subject !== 'Andere Person'),
    ['Bestätigung', 'Absage'],
  );
});

test('a message that is not one is refused when queued', async () => {
  await assert.rejects(enqueueMail(jobs, { ...message('no address'), to: 'nobody' }), JobPayloadError);
  await assert.rejects(enqueueMail(jobs, { ...message('no language'), language: '' }), JobPayloadError);
  assert.deepEqual(await mailJobs('no address'), []);
});
