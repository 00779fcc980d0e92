import { randomBytes, randomInt } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import { PgBoss, type JobInsert, type JobResult, type JobWithMetadata, type SendOptions } from 'pg-boss';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import { jobFailures } from '../metrics/metrics.ts';

/**
 * A kind of job: its queue and the shape of its payload, declared once for whoever sends it and
 * whoever handles it. A payload that does not fit is refused by `send` and, if one is found in the
 * queue (written by an older version, or by hand), failed without retry.
 */
export type JobType<T extends object> = {
  name: string;
  payload: z.ZodType<T>;
  /**
   * Jobs of one group (e.g. one person's mails) run one at a time and in the order they were sent,
   * across fetches and instances (pg-boss's `groupConcurrency`).
   */
  group?(data: T): string;
};

export function jobType<T extends object>(name: string, payload: z.ZodType<T>, options: { group?(data: T): string } = {}): JobType<T> {
  return options.group ? { name, payload, group: options.group } : { name, payload };
}

/** The payload of a scheduled job: pg-boss sends `{}`. */
export const noPayload = z.strictObject({});

export type JobDefinition<T extends object> = {
  type: JobType<T>;
  /**
   * `expireInSeconds`: how long one job may run before it counts as failed and is retried; set it
   * to what the job needs (pg-boss's default is 15 minutes).
   */
  options?: QueueSettings;
  /** How many jobs one fetch takes at most (default 20). */
  batchSize?: number;
  /** How many jobs of one fetch run at the same time (default 1: one after the other). */
  concurrency?: number;
  handle(data: T, job: { id: string; retryCount: number }): Promise<void>;
};

type QueueSettings = { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; expireInSeconds?: number };

/** Any Kysely connection or transaction: jobs are written through its raw SQL, whatever its tables. */
export type Connection = Pick<Kysely<unknown>, 'executeQuery'>;

/** A payload that does not fit its job type. The message names the fields and the rule, never their values. */
export class JobPayloadError extends Error {
  readonly issues: { path: string; code: string }[];
  constructor(jobName: string, error: z.ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(payload)', code: issue.code }));
    super(`Job ${jobName}: payload refused (${issues.map((issue) => `${issue.path}: ${issue.code}`).join(', ')})`);
    this.name = 'JobPayloadError';
    this.issues = issues;
  }
}

function checkedPayload<T extends object>(type: JobType<T>, data: unknown): T {
  const parsed = type.payload.safeParse(data);
  if (!parsed.success) throw new JobPayloadError(type.name, parsed.error);
  return parsed.data;
}

/**
 * Background jobs on pg-boss, in the same PostgreSQL. A job sent inside a Kysely
 * transaction is written by that transaction: it exists exactly when the change that
 * caused it was committed (a booking and its confirmation mail, never one without the other).
 */
export type Jobs = {
  /** Queues a job; throws JobPayloadError (and queues nothing) when `data` does not fit the type's schema. */
  send<T extends object>(type: JobType<T>, data: T, options?: { trx?: Connection; startAfter?: Date; singletonKey?: string }): Promise<string | null>;
  register<T extends object>(definition: JobDefinition<T>): Promise<void>;
  /**
   * Runs `work`; the jobs it sends with `{ trx }` are inserted together when it is done, one
   * statement per queue, in that transaction (a socket write per job cost more than the job).
   */
  batched<T>(trx: Connection, work: () => Promise<T>): Promise<T>;
  /**
   * Sends a job on a cron schedule (evaluated in `tz`). pg-boss keeps the schedule in the
   * database and sends each occurrence once, however many instances run; an occurrence missed
   * while no instance ran is sent once afterwards. Calling it again replaces the schedule.
   */
  schedule(type: JobType<object>, cron: string, options: { tz: string }): Promise<void>;
  /** Jobs per queue as pg-boss last counted them (its monitor runs every minute or so), for /metrics. */
  queueStats?(): Promise<{ name: string; ready: number; deferred: number; active: number; failed: number }[]>;
  stop(): Promise<void>;
};

/**
 * A running job refreshes its heartbeat every 5 s; one silent for 10 s (its process died) is
 * failed and retried. The expiry bounds a job that hangs while its process lives.
 */
const queueDefaults = { retryLimit: 8, retryBackoff: true, retryDelay: 5, heartbeatSeconds: 10, expireInSeconds: 300 };

export function createJobs(options: { connectionString: string; logger: Logger; poolSize?: number }): Jobs {
  const { logger } = options;
  // Every 10 s (not pg-boss's 60 s) an instance looks for jobs whose worker stopped sending its
  // heartbeat or ran past its expiry: after a `kill -9`, the jobs that were running are retried
  // within seconds, not when their expiry runs out (docs/decisions.md).
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: options.poolSize ?? 4,
    schema: 'pgboss',
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
  });
  boss.on('error', (error: Error) => logger.error({ err: error.message }, 'job system error'));
  let started: Promise<unknown> | undefined;
  let stopped = false;
  // After stop nothing may start pg-boss again (a late background task would keep the process alive).
  const ensureStarted = () => (stopped ? Promise.reject(new Error('The job system has stopped.')) : (started ??= boss.start()));
  const queues = new Map<string, Promise<void>>();
  const ensureQueue = (name: string, queueOptions: QueueSettings = {}) => {
    let created = queues.get(name);
    if (!created) {
      created = ensureStarted().then(() => boss.createQueue(name, { ...queueDefaults, ...queueOptions }));
      queues.set(name, created);
    }
    return created;
  };
  // A queue made by an earlier version (or by a send() before its worker registered) keeps its
  // old settings: the worker's are written over them; jobs queued before keep theirs.
  const configureQueue = async (name: string, queueOptions: QueueSettings = {}) => {
    await ensureQueue(name, queueOptions);
    await boss.updateQueue(name, { ...queueDefaults, ...queueOptions });
  };

  const batches = new WeakMap<object, Map<string, JobInsert[]>>();

  return {
    async send(type, data, sendOptions = {}) {
      const payload = checkedPayload(type, data);
      const insert: JobInsert = { data: payload };
      if (sendOptions.startAfter) insert.startAfter = sendOptions.startAfter;
      if (sendOptions.singletonKey) insert.singletonKey = sendOptions.singletonKey;
      if (type.group) {
        insert.group = { id: type.group(payload) };
        // pg-boss picks a group's job within a fetch by id: a time-ordered id makes that the oldest.
        insert.id = timeOrderedUuid();
      }
      await ensureQueue(type.name);
      const batch = sendOptions.trx ? batches.get(sendOptions.trx) : undefined;
      if (batch) {
        batch.set(type.name, [...(batch.get(type.name) ?? []), insert]);
        return null;
      }
      const { data: _, ...jobOptions } = insert;
      const options: SendOptions = jobOptions;
      if (sendOptions.trx) options.db = kyselyAdapter(sendOptions.trx);
      return boss.send(type.name, payload, options);
    },
    async batched(trx, work) {
      const batch = new Map<string, JobInsert[]>();
      batches.set(trx, batch);
      try {
        const result = await work();
        for (const [name, inserts] of batch) await boss.insert(name, inserts, { db: kyselyAdapter(trx) });
        return result;
      } finally {
        batches.delete(trx);
      }
    },
    async register<T extends object>(definition: JobDefinition<T>) {
      const { type } = definition;
      await configureQueue(type.name, definition.options);
      // Up to 20 jobs per fetch (or the definition's batch size), each settled on its own, and the next fetch at once while fetches
      // come back full. pg-boss otherwise waits its polling interval after every fetch: one job
      // per second, so the confirmations of a morning's burst of bookings went out over many
      // minutes (docs/performance.md). A job that fails is retried alone; the others of its batch
      // are done. A grouped type gets at most one job per group per fetch, and none while another
      // of its group is running anywhere.
      const options = {
        pollingIntervalSeconds: 1,
        batchSize: definition.batchSize ?? 20,
        burstWhenBatchFull: true,
        perJobResults: true,
        includeMetadata: true,
        groupConcurrency: type.group ? 1 : undefined,
      } as const;
      await boss.work(type.name, options, async (jobs: JobWithMetadata<unknown>[]) => {
        const results: JobResult[] = [];
        const runnable: { job: JobWithMetadata<unknown>; data: T }[] = [];
        // A fetch returns its jobs in no particular order: in the order they were sent, please.
        for (const job of [...jobs].sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime() || (a.id < b.id ? -1 : 1))) {
          const parsed = type.payload.safeParse(job.data);
          if (parsed.success) {
            runnable.push({ job, data: parsed.data });
            continue;
          }
          // Retrying cannot fix it: failed for good, and logged by field and rule only (the payload may hold personal data).
          const refused = new JobPayloadError(type.name, parsed.error);
          jobFailures.inc({ queue: type.name });
          logger.error({ queue: type.name, jobId: job.id, issues: refused.issues }, 'job payload refused');
          results.push({ id: job.id, status: 'deadletter', output: { message: 'payload refused', issues: refused.issues } });
        }
        const run = async () => {
          for (let next = runnable.shift(); next; next = runnable.shift()) {
            const { job, data } = next;
            try {
              await definition.handle(data, { id: job.id, retryCount: job.retryCount });
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              jobFailures.inc({ queue: type.name });
              results.push({ id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } });
            }
          }
        };
        await Promise.all(Array.from({ length: Math.max(1, definition.concurrency ?? 1) }, run));
        return results;
      });
    },
    async schedule(type, cron, scheduleOptions) {
      const data = checkedPayload(type, {});
      await ensureQueue(type.name);
      await boss.schedule(type.name, cron, data, { tz: scheduleOptions.tz, missed: 'once' });
    },
    async queueStats() {
      if (!started || stopped) return [];
      await started;
      const queues = await boss.getQueues();
      return queues
        .filter((queue) => !queue.name.startsWith('__pgboss'))
        .map((queue) => ({ name: queue.name, ready: queue.readyCount, deferred: queue.deferredCount, active: queue.activeCount, failed: queue.failedCount }));
    },
    async stop() {
      stopped = true;
      if (started) await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}

function kyselyAdapter(db: Connection) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows };
    },
  };
}

let lastMillis = 0;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): the time in milliseconds first, then a counter within the
 * millisecond (random start), then random bits. Ids made later in this process sort higher.
 */
export function timeOrderedUuid(now = Date.now()): string {
  if (now > lastMillis) {
    lastMillis = now;
    sequence = randomInt(0, 0x800);
  } else if (++sequence > 0xfff) {
    lastMillis++;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMillis, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
