import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { PgBoss, type JobInsert, type JobResult, type JobWithMetadata, type SendOptions } from 'pg-boss';
import type { Logger } from '../log.ts';
import { jobFailures } from '../metrics/metrics.ts';

/**
 * Background jobs on pg-boss, in the same PostgreSQL. A job sent inside a Kysely
 * transaction is written by that transaction: it exists exactly when the change that
 * caused it was committed (a booking and its confirmation mail, never one without the other).
 */
export type JobDefinition<T extends object> = {
  name: string;
  /**
   * `expireInSeconds`: how long one job may run before it counts as failed and is retried; set it
   * to what the job needs (pg-boss's default is 15 minutes).
   */
  options?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; expireInSeconds?: number };
  /** How many jobs of one fetch run at the same time (default 1: one after the other). */
  lanes?: number;
  /** Jobs with the same key run one after the other, in the order they were sent (e.g. one person's mails). */
  laneKey?(data: T): string;
  handle(data: T, job: { id: string; retryCount: number }): Promise<void>;
};

export type Jobs = {
  send<T extends object>(
    name: string,
    data: T,
    options?: { trx?: Transaction<any> | Kysely<any>; startAfter?: Date; singletonKey?: string },
  ): Promise<string | null>;
  register<T extends object>(definition: JobDefinition<T>): Promise<void>;
  /**
   * Runs `work`; the jobs it sends with `{ trx }` are inserted together when it is done, one
   * statement per queue, in that transaction (a socket write per job cost more than the job).
   */
  batched<T>(trx: Transaction<any>, work: () => Promise<T>): Promise<T>;
  /**
   * Sends a job on a cron schedule (evaluated in `tz`). pg-boss keeps the schedule in the
   * database and sends each occurrence once, however many instances run; an occurrence missed
   * while no instance ran is sent once afterwards. Calling it again replaces the schedule.
   */
  schedule(name: string, cron: string, options: { tz: string }): Promise<void>;
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
  boss.on('error', (error: Error) => options.logger.error({ err: error.message }, 'job system error'));
  let started: Promise<unknown> | undefined;
  let stopped = false;
  // After stop nothing may start pg-boss again (a late background task would keep the process alive).
  const ensureStarted = () => (stopped ? Promise.reject(new Error('The job system has stopped.')) : (started ??= boss.start()));
  const queues = new Map<string, Promise<void>>();
  const ensureQueue = (name: string, queueOptions: JobDefinition<object>['options'] = {}) => {
    let created = queues.get(name);
    if (!created) {
      created = ensureStarted().then(() => boss.createQueue(name, { ...queueDefaults, ...queueOptions }));
      queues.set(name, created);
    }
    return created;
  };
  // A queue made by an earlier version (or by a send() before its worker registered) keeps its
  // old settings: the worker's are written over them; jobs queued before keep theirs.
  const configureQueue = async (name: string, queueOptions: JobDefinition<object>['options'] = {}) => {
    await ensureQueue(name, queueOptions);
    await boss.updateQueue(name, { ...queueDefaults, ...queueOptions });
  };

  const batches = new WeakMap<object, Map<string, JobInsert[]>>();

  return {
    async send(name, data, sendOptions = {}) {
      await ensureQueue(name);
      const batch = sendOptions.trx ? batches.get(sendOptions.trx) : undefined;
      if (batch) {
        const insert: JobInsert = { data };
        if (sendOptions.startAfter) insert.startAfter = sendOptions.startAfter;
        if (sendOptions.singletonKey) insert.singletonKey = sendOptions.singletonKey;
        batch.set(name, [...(batch.get(name) ?? []), insert]);
        return null;
      }
      const options: SendOptions = {};
      if (sendOptions.trx) options.db = kyselyAdapter(sendOptions.trx);
      if (sendOptions.startAfter) options.startAfter = sendOptions.startAfter;
      if (sendOptions.singletonKey) options.singletonKey = sendOptions.singletonKey;
      return boss.send(name, data, options);
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
    async register(definition) {
      await configureQueue(definition.name, definition.options);
      // Up to 20 jobs per fetch, each settled on its own, and the next fetch at once while fetches
      // come back full. pg-boss otherwise waits its polling interval after every fetch: one job
      // per second, so the confirmations of a morning's burst of bookings went out over many
      // minutes (docs/performance.md). A job that fails is retried alone; the others of its batch
      // are done.
      const options = { pollingIntervalSeconds: 1, batchSize: 20, burstWhenBatchFull: true, perJobResults: true, includeMetadata: true } as const;
      await boss.work(definition.name, options, async (jobs: JobWithMetadata<any>[]) => {
        const results: JobResult[] = [];
        const groups = new Map<string, JobWithMetadata<any>[]>();
        // A fetch returns its jobs in no particular order: in the order they were sent, please.
        for (const job of [...jobs].sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())) {
          const key = definition.laneKey?.(job.data) ?? job.id;
          const group = groups.get(key);
          if (group) group.push(job);
          else groups.set(key, [job]);
        }
        const queue = [...groups.values()];
        const lane = async () => {
          for (let group = queue.shift(); group; group = queue.shift()) {
            for (const job of group) {
              try {
                await definition.handle(job.data, { id: job.id, retryCount: job.retryCount });
                results.push({ id: job.id, status: 'completed' });
              } catch (error) {
                jobFailures.inc({ queue: definition.name });
                results.push({ id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } });
              }
            }
          }
        };
        await Promise.all(Array.from({ length: Math.max(1, definition.lanes ?? 1) }, lane));
        return results;
      });
    },
    async schedule(name, cron, scheduleOptions) {
      await ensureQueue(name);
      await boss.schedule(name, cron, {}, { tz: scheduleOptions.tz, missed: 'once' });
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

function kyselyAdapter(db: Transaction<any> | Kysely<any>) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as any[] };
    },
  };
}
