import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createKysely, createPool, ensureDatabaseExists, withDatabase, type Database } from '../src/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { freePort } from '../test/global-setup.ts';

/** A fresh embedded PostgreSQL (durable settings, as in production) with a migrated `lotse` database. */
export async function startBenchDatabase(): Promise<{ url: string; db: Database; stop(): Promise<void> }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-bench-'));
  await fs.chmod(folder, 0o755);
  const server: EmbeddedServer = await startEmbeddedPostgres({ clusterDir: path.join(folder, 'pg'), port: await freePort(), durable: true });
  await ensureDatabaseExists(server.url, 'lotse');
  const url = withDatabase(server.url, 'lotse');
  const db = createKysely(createPool(url, 10));
  await migrateToLatest(db);
  return {
    url,
    db,
    async stop() {
      await db.destroy();
      await server.stop();
      await fs.rm(folder, { recursive: true, force: true });
    },
  };
}

export type BenchOffice = { locationId: string; serviceId: string; clerkIds: string[] };

/** One location, one 15-minute service, `clerks` clerks working 07:00–18:00 every day. */
export async function seedBenchOffice(db: Database, clerks: number, service: { maxDaysAhead: number }): Promise<BenchOffice> {
  const location = await db.insertInto('location').values({ slug: 'bench', name: 'Bench', address: 'Bench' }).returning('id').executeTakeFirstOrThrow();
  const specialty = await db.insertInto('specialty').values({ slug: 'bench', name: 'Bench', queue_prefix: 'A' }).returning('id').executeTakeFirstOrThrow();
  const svc = await db
    .insertInto('service')
    .values({ slug: 'bench', duration_minutes: 15, slot_minutes: 15, min_lead_minutes: 0, max_days_ahead: service.maxDaysAhead })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('service_text').values({ service_id: svc.id, lang: 'de', name: 'Bench' }).execute();
  await db.insertInto('service_specialty').values({ service_id: svc.id, specialty_id: specialty.id }).execute();
  await db.insertInto('service_location').values({ service_id: svc.id, location_id: location.id }).execute();
  const clerkIds: string[] = [];
  for (let i = 0; i < clerks; i++) {
    const staff = await db.insertInto('staff').values({ display_name: `Clerk ${i}` }).returning('id').executeTakeFirstOrThrow();
    clerkIds.push(staff.id);
    await db.insertInto('staff_specialty').values({ staff_id: staff.id, specialty_id: specialty.id }).execute();
    await db.insertInto('staff_location').values({ staff_id: staff.id, location_id: location.id }).execute();
    await db
      .insertInto('working_hours')
      .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ staff_id: staff.id, location_id: location.id, weekday, starts: '07:00', ends: '18:00' })))
      .execute();
  }
  await sql`ANALYZE`.execute(db);
  return { locationId: location.id, serviceId: svc.id, clerkIds };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
