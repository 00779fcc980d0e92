import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { pendingMigrationCount } from '../../db/migrate.ts';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export function healthRoutes(deps: { db: Database }): Hono {
  const routes = new Hono();
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));
  routes.get('/readyz', async (c) => {
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
