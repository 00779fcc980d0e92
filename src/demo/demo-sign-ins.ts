import type { Database } from '../db/database.ts';

/**
 * The demo sign-ins that still work (see seedDemoStaff): accounts named `demo.*` with a password,
 * and devices named `Demo …` not revoked. Their passwords were printed to a terminal, so a
 * production install must not start while any of them exists.
 */
export async function findDemoSignIns(db: Database): Promise<string[]> {
  const accounts = await db
    .selectFrom('staff')
    .select('username')
    .where('username', 'like', 'demo.%')
    .where('active', '=', true)
    .where('password_hash', 'is not', null)
    .orderBy('username')
    .execute();
  const devices = await db.selectFrom('device').select('name').where('name', 'like', 'Demo %').where('revoked_at', 'is', null).orderBy('name').execute();
  return [...accounts.map((a) => a.username ?? ''), ...devices.map((d) => `device "${d.name}"`)];
}

export function demoSignInsMessage(found: string[]): string {
  const shown = found.slice(0, 5).join(', ') + (found.length > 5 ? `, and ${found.length - 5} more` : '');
  return `NODE_ENV=production, but the database still holds demo sign-ins (${shown}). Deactivate those accounts and revoke those devices in the staff area (or start from an empty database), then start again.`;
}
