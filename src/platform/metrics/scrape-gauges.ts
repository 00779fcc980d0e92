import { Gauge } from 'prom-client';
import type pg from 'pg';
import type { Jobs } from '../jobs/jobs.ts';
import { registry } from './metrics.ts';

export type MetricsSources = { pool?: pg.Pool; jobs?: Jobs; embeddedDatabase?: boolean };

let sources: MetricsSources = {};

/** The figures read when Prometheus scrapes, from the app's pool, queues and database. */
export function setMetricsSources(next: MetricsSources): void {
  sources = next;
}

new Gauge({
  name: 'lotse_db_pool_connections',
  help: 'Connections of this instance’s database pool by state: total, idle, and requests waiting for one.',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const pool = sources.pool;
    if (!pool) return;
    this.set({ state: 'total' }, pool.totalCount);
    this.set({ state: 'idle' }, pool.idleCount);
    this.set({ state: 'waiting' }, pool.waitingCount);
  },
});

new Gauge({
  name: 'lotse_database_embedded',
  help: '1 when this instance runs its own embedded PostgreSQL, 0 with DATABASE_URL.',
  registers: [registry],
  collect() {
    if (sources.embeddedDatabase !== undefined) this.set(sources.embeddedDatabase ? 1 : 0);
  },
});

new Gauge({
  name: 'lotse_job_queue_jobs',
  help: 'Jobs per queue by state: ready (due now), deferred (due later), active, failed (kept for a while).',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    if (!sources.jobs?.queueStats) return;
    this.reset();
    for (const queue of await sources.jobs.queueStats().catch(() => [])) {
      this.set({ queue: queue.name, state: 'ready' }, queue.ready);
      this.set({ queue: queue.name, state: 'deferred' }, queue.deferred);
      this.set({ queue: queue.name, state: 'active' }, queue.active);
      this.set({ queue: queue.name, state: 'failed' }, queue.failed);
    }
  },
});
