import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { jobType, noPayload, type Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { renderNoticeMail } from './notice-mail.ts';

export type NoticeDeps = { db: Database; jobs: Jobs; clock: Clock; publicUrl: string };

/** Delivers the notices due now; sent after a change by Lotse's own events, and every minute by the schedule. */
export const deliverNoticesJobType = jobType('status-lookup.deliver-notices', noPayload);

const batchSize = 50;
/** What the mail platform accepts as an address; a file's address that is no such thing gets no mail. */
const mailAddress = /^[^\s@]+@[^\s@]+$/;

type DueNotice = {
  status_change_id: string;
  procedure_id: string | null;
  status_id: string;
  created_at: Date;
  number: string | null;
  email: string | null;
  preferred_language: string | null;
  name: string | null;
  time_zone: string | null;
  texts: Record<string, { label: string; nextStep: string }>;
  missing: { kind: string; note: string | null }[];
};

/**
 * Takes up to 50 due notices (rows another instance holds are skipped), queues each one's mail in
 * the same transaction that marks it done: the mail job exists exactly when the notice is marked,
 * so a notice goes out once, whatever crashes or runs twice. A person without an e-mail address is
 * marked `no_address`. Returns how many notices were handled.
 */
export async function deliverNoticeBatch(deps: NoticeDeps): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const { rows } = await sql<DueNotice>`
      SELECT n.status_change_id::text, n.procedure_id, n.status_id, n.created_at, p.number, per.email, per.preferred_language,
             trim(per.given_names || ' ' || per.family_name) AS name, l.time_zone,
             (SELECT coalesce(json_object_agg(t.lang, json_build_object('label', t.label, 'nextStep', t.next_step)), '{}')
                FROM procedure_status_text t WHERE t.procedure_status_id = n.status_id) AS texts,
             (SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'note', r.note) ORDER BY r.requested_at, r.id), '[]')
                FROM procedure_document_request r WHERE r.procedure_id = n.procedure_id AND r.received_at IS NULL) AS missing
        FROM procedure_notice n
        LEFT JOIN case_procedure p ON p.id = n.procedure_id
        LEFT JOIN case_file f ON f.id = p.file_id
        LEFT JOIN case_person per ON per.id = f.person_id
        LEFT JOIN location l ON l.id = f.location_id
       WHERE n.done_at IS NULL
       ORDER BY n.status_change_id
       LIMIT ${batchSize}
         FOR UPDATE OF n SKIP LOCKED`.execute(trx);
    const now = deps.clock.now();
    await deps.jobs.batched(trx, async () => {
      for (const notice of rows) {
        const outcome =
          notice.procedure_id === null || notice.number === null ? 'erased' : notice.email && mailAddress.test(notice.email) ? 'sent' : 'no_address';
        if (outcome === 'sent' && notice.email && notice.number) {
          const message = renderNoticeMail({
            to: notice.email,
            language: notice.preferred_language,
            name: notice.name ?? '',
            number: notice.number,
            texts: notice.texts,
            at: new Date(notice.created_at),
            timeZone: notice.time_zone ?? 'Europe/Berlin',
            missing: notice.missing,
            publicUrl: deps.publicUrl,
          });
          await enqueueMail(deps.jobs, message, { trx, singletonKey: `procedure-notice:${notice.status_change_id}` });
        }
        await trx.updateTable('procedure_notice').set({ outcome, done_at: now }).where('status_change_id', '=', notice.status_change_id).execute();
      }
    });
    return rows.length;
  });
}

/** Delivers until nothing is due; a batch that fails is rolled back whole and left for the next run. */
export async function deliverNotices(deps: NoticeDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const handled = await deliverNoticeBatch(deps);
    total += handled;
    if (handled < batchSize) return total;
  }
}

/** Registers the delivery job and runs it every minute (it also runs when Lotse's own events send it). */
export async function startStatusNotices(deps: NoticeDeps, timeZone: string): Promise<void> {
  await deps.jobs.register({
    type: deliverNoticesJobType,
    options: { retryLimit: 0, expireInSeconds: 600 },
    async handle() {
      await deliverNotices(deps);
    },
  });
  await deps.jobs.schedule(deliverNoticesJobType, '* * * * *', { tz: timeZone });
}
