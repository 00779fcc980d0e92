import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { pendingMigrationCount } from '../../db/migrate.ts';
import type { Drain } from './drain.ts';

/**
 * /healthz: the process answers. /readyz: the database answers, every migration is applied and
 * the instance is not shutting down (a load balancer stops sending it new requests).
 */
export function healthRoutes(deps: { db: Database; drain?: Drain }): Hono {
  const routes = new Hono();
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));
  routes.get('/readyz', async (c) => {
    if (deps.drain?.draining()) return c.json({ status: 'draining' }, 503);
    try {
      await sql`SELECT 1`.execute(deps.db);
      const pending = await pendingMigrationCount(deps.db);
      if (pending > 0) return c.json({ status: 'migrating', pendingMigrations: pending }, 503);
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'database unreachable' }, 503);
    }
  });
  return routes;
}
