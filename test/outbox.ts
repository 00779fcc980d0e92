import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Database } from '../src/db/database.ts';
import type { Jobs } from '../src/platform/jobs/jobs.ts';
import { createMailTransport, sendMailJob } from '../src/platform/mail/index.ts';
import { temporaryFolder } from './temporary-folder.ts';

/**
 * The real mail worker on a test database writing `.eml` files into a temporary outbox, and
 * ways to look at what was queued and sent.
 */
export async function createOutbox(jobs: Jobs) {
  const dir = path.join(await temporaryFolder('lotse-outbox-'), 'outbox');
  await jobs.register(
    sendMailJob(createMailTransport({ smtpUrl: undefined, from: 'Ausländerbehörde <noreply@lotse.test>', outboxDir: dir }), 'lotse.test', {
      retryLimit: 3,
      retryDelay: 1,
      retryBackoff: false,
    }),
  );

  /** Every message sent so far, parsed. */
  async function sent(): Promise<ParsedMail[]> {
    const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
    return Promise.all(files.map(async (file) => simpleParser(await fs.readFile(path.join(dir, file)))));
  }

  /** Waits (up to 15 s) for a sent message that satisfies the predicate. */
  async function waitFor(predicate: (mail: ParsedMail) => boolean): Promise<ParsedMail> {
    for (let i = 0; i < 150; i++) {
      const found = (await sent()).find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no such mail in the outbox');
  }

  /** Waits for a sent message to this address (that also satisfies the predicate, if given). */
  function waitForMail(address: string, predicate: (mail: ParsedMail) => boolean = () => true): Promise<ParsedMail> {
    const addressedTo = (mail: ParsedMail) => !!mail.to && !Array.isArray(mail.to) && mail.to.value.some((a) => a.address === address);
    return waitFor((mail) => addressedTo(mail) && predicate(mail));
  }

  return { dir, sent, waitFor, waitForMail };
}

/**
 * Waits (up to 15 s) until every notice of a change has been delivered: mails and reminders are
 * queued right after a change commits, in the background (appointment-notices.ts).
 */
export async function noticesSettled(db: Database): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM appointment_notice WHERE failed_attempts = 0`.execute(db);
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('notices were not delivered within 15 s');
}

/** How many messages to this address are queued or sent (the job table is the truth: the worker may lag). */
export async function queuedMailCount(db: Database, address: string): Promise<number> {
  await noticesSettled(db);
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = ${address}`.execute(db);
  return result.rows[0]!.n;
}

/** The reminder jobs planned for an appointment: the start each was planned for and when it runs. */
export async function plannedReminders(db: Database, appointmentId: string) {
  await noticesSettled(db);
  const result = await sql<{ data: { appointmentId: string; startsAt: string }; start_after: Date }>`
    SELECT data, start_after FROM pgboss.job WHERE name = 'portal.reminder' AND data->>'appointmentId' = ${appointmentId} ORDER BY created_on`.execute(db);
  return result.rows.map((row) => ({ data: row.data, startAfter: new Date(row.start_after) }));
}
