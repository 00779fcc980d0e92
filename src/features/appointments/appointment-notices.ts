import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { AppointmentChange, AppointmentNotifier, NoticedAppointment } from './appointment-notifier.ts';

/**
 * The outbox between a change of an appointment and the messages to the person. A change only
 * records a notice (in its own statement or transaction: it commits with the change or not at
 * all); rendering and queueing the mails happens right after the commit, off the request, and
 * again by a sweep for anything left (another instance, a crash, a failed delivery). A booking
 * made through the API thus costs one statement, and a burst of bookings at the morning release
 * is answered first and told by mail a moment later.
 */
export type AppointmentNotices = AppointmentNotifier & {
  /** Delivers what is due now; resolves with the number delivered. */
  deliver(): Promise<number>;
  /** Resolves when no delivery is running (before shutting the job system down). */
  idle(): Promise<void>;
};

/** A notice that failed this often is left for an administrator (it stays in the table, logged). */
const maxAttempts = 5;
const batchSize = 100;

export function createAppointmentNotices(deps: {
  db: Database;
  deliverer: AppointmentNotifier;
  logger?: Logger | undefined;
  /** Lets the deliverer's queued jobs of one batch go out together (Jobs.batched). */
  batch?: (<T>(trx: Transaction<DB>, work: () => Promise<T>) => Promise<T>) | undefined;
}): AppointmentNotices {
  let running: Promise<number> | undefined;
  let again = false;

  async function deliver(): Promise<number> {
    // One delivery at a time per process; a nudge during one runs another right after.
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        for (let n = batchSize; n === batchSize; total += n)
          n = await deliverBatch(deps.db, deps.deliverer, deps.logger, deps.batch ?? ((_trx, work) => work()));
      } while (again);
      return total;
    })().finally(() => (running = undefined));
    return running;
  }

  return {
    changed: (trx, change) => recordNotice(trx, change),
    committed() {
      deliver().catch((error: unknown) => deps.logger?.error({ err: error }, 'appointment notices: delivery failed, the sweep retries'));
    },
    deliver,
    async idle() {
      await running?.catch(() => {});
    },
  };
}

export async function recordNotice(trx: Transaction<DB>, change: AppointmentChange): Promise<void> {
  await trx
    .insertInto('appointment_notice')
    .values({
      appointment_id: change.appointmentId,
      kind: change.kind,
      by_channel: change.actor.channel,
      by_staff_id: change.actor.channel === 'staff' ? change.actor.staffId : null,
      note: change.note ?? null,
      created_at: change.at,
    })
    .execute();
}

type NoticeRow = NoticedAppointment & {
  notice_id: string;
  noticed_at: Date;
  kind: AppointmentChange['kind'];
  by_channel: 'online' | 'staff';
  by_staff_id: string | null;
  note: string | null;
};

/**
 * Up to `batchSize` notices in order, in one transaction, all delivered and then deleted in one
 * statement. If any delivery fails, the batch is rolled back and done again one notice at a time
 * (each under a savepoint, a failure counted on its notice), so one bad notice never holds up the
 * others. Rows another instance is delivering are skipped.
 */
async function deliverBatch(
  db: Database,
  deliverer: AppointmentNotifier,
  logger: Logger | undefined,
  batch: <T>(trx: Transaction<DB>, work: () => Promise<T>) => Promise<T>,
): Promise<number> {
  try {
    return await db.transaction().execute(async (trx) => {
      const notices = await lockDueNotices(trx);
      await batch(trx, async () => {
        for (const notice of notices) await deliverOne(trx, deliverer, notice);
      });
      if (notices.length > 0) await sql`DELETE FROM appointment_notice WHERE id = ANY(${notices.map((n) => n.notice_id)}::bigint[])`.execute(trx);
      return notices.length;
    });
  } catch {
    return db.transaction().execute(async (trx) => {
      const notices = await lockDueNotices(trx);
      for (const notice of notices) {
        await sql`SAVEPOINT notice`.execute(trx);
        try {
          await deliverOne(trx, deliverer, notice);
          await sql`DELETE FROM appointment_notice WHERE id = ${notice.notice_id}::bigint`.execute(trx);
          await sql`RELEASE SAVEPOINT notice`.execute(trx);
        } catch (error) {
          await sql`ROLLBACK TO SAVEPOINT notice`.execute(trx);
          await sql`UPDATE appointment_notice SET failed_attempts = failed_attempts + 1 WHERE id = ${notice.notice_id}::bigint`.execute(trx);
          logger?.error({ err: error, notice: notice.notice_id }, 'appointment notice could not be delivered');
        }
      }
      return notices.length;
    });
  }
}

async function lockDueNotices(trx: Transaction<DB>): Promise<NoticeRow[]> {
  const { rows } = await sql<NoticeRow>`
    SELECT n.id::text AS notice_id, n.created_at AS noticed_at, n.kind, n.by_channel, n.by_staff_id, n.note,
           a.id, a.code, a.service_id, a.location_id, a.starts_at, a.ends_at, a.status, a.person_name, a.date_of_birth, a.email, a.language, a.manage_secret_hash
      FROM appointment_notice n JOIN appointment a ON a.id = n.appointment_id
     WHERE n.failed_attempts < ${maxAttempts}
     ORDER BY n.id
     LIMIT ${batchSize}
       FOR UPDATE OF n SKIP LOCKED`.execute(trx);
  return rows;
}

async function deliverOne(trx: Transaction<DB>, deliverer: AppointmentNotifier, notice: NoticeRow): Promise<void> {
  // Booked or moved and cancelled before the notice went out: the cancellation notice says it all.
  if (notice.kind !== 'cancelled' && notice.status === 'cancelled') return;
  const actor =
    notice.by_channel === 'staff' && notice.by_staff_id ? { channel: 'staff' as const, staffId: notice.by_staff_id } : { channel: 'online' as const };
  // The appointment was read with its notice: one query per batch, not one per message.
  const { notice_id: _notice, noticed_at: at, kind, by_channel: _channel, by_staff_id: _staff, note, ...appointment } = notice;
  await deliverer.changed(trx, { kind, appointmentId: appointment.id, actor, at, note: note ?? undefined, appointment });
}

export const noticeSweepJobName = 'appointment.notices.sweep';

/**
 * Every minute, any instance delivers what is left: notices of an instance that stopped before
 * delivering, and failed deliveries (up to maxAttempts). Normally there is nothing to do.
 */
export async function startNoticeSweep(jobs: Jobs, notices: AppointmentNotices, timeZone: string): Promise<void> {
  await jobs.register<object>({
    name: noticeSweepJobName,
    options: { retryLimit: 0, expireInSeconds: 600 },
    async handle() {
      await notices.deliver();
    },
  });
  await jobs.schedule(noticeSweepJobName, '* * * * *', { tz: timeZone });
}
