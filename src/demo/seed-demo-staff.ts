import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { createDevice } from '../features/staff/api-tokens.ts';
import { hashPassword } from '../features/staff/password.ts';
import { randomSecret } from '../features/staff/secrets.ts';
import type { StaffRole } from '../features/staff/roles.ts';
import type { Clock } from '../shared/clock.ts';

const seedLockKey = 4_711_2027;

export type DemoCredential = { role: StaffRole | 'kiosk' | 'display'; username: string; displayName: string; secret: string };

/**
 * Demo sign-ins for every role: an admin, a team lead and reception (new accounts) and clerks
 * (sign-in data given to the demo office's clerks), plus a kiosk and a display device per
 * location. Passwords and device tokens are random, returned once to be printed at start-up,
 * and only stored as hashes; a later start finds the accounts and returns nothing.
 */
export async function seedDemoStaff(deps: { db: Database; clock: Clock }): Promise<DemoCredential[]> {
  return deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${seedLockKey})`.execute(trx);
    const existing = await trx.selectFrom('staff').select('id').where('username', '=', 'demo.admin').executeTakeFirst();
    if (existing) return [];
    const locations = await trx.selectFrom('location').select(['id', 'slug', 'name']).orderBy('name').execute();
    const credentials: DemoCredential[] = [];
    const password = () => `${randomSecret(9)}-demo`;

    const accounts: { username: string; displayName: string; role: StaffRole }[] = [
      { username: 'demo.admin', displayName: 'Demo Administration', role: 'admin' },
      { username: 'demo.teamlead', displayName: 'Demo Teamleitung', role: 'team_lead' },
      { username: 'demo.empfang', displayName: 'Demo Empfang', role: 'reception' },
    ];
    for (const account of accounts) {
      const secret = password();
      const { id } = await trx
        .insertInto('staff')
        .values({ username: account.username, display_name: account.displayName, role: account.role, password_hash: await hashPassword(secret) })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (account.role !== 'admin' && locations.length)
        await trx
          .insertInto('staff_location')
          .values(locations.map((l) => ({ staff_id: id, location_id: l.id })))
          .execute();
      credentials.push({ role: account.role, username: account.username, displayName: account.displayName, secret });
    }

    // The demo office's clerks (seeded without sign-in data) get user names from their names.
    const clerks = await trx
      .selectFrom('staff')
      .select(['id', 'display_name'])
      .where('username', 'is', null)
      .where('role', '=', 'clerk')
      .orderBy('display_name')
      .limit(3)
      .execute();
    for (const clerk of clerks) {
      const username = `demo.${clerk.display_name
        .split(' ')[0]!
        .normalize('NFD')
        .replace(/[^a-zA-Z]/g, '')
        .toLowerCase()}`;
      const secret = password();
      await trx
        .updateTable('staff')
        .set({ username, password_hash: await hashPassword(secret) })
        .where('id', '=', clerk.id)
        .execute();
      credentials.push({ role: 'clerk', username, displayName: clerk.display_name, secret });
    }

    for (const location of locations) {
      for (const kind of ['kiosk', 'display'] as const) {
        const { token } = await createDevice({ db: trx, clock: deps.clock }, { kind, locationId: location.id, name: `Demo ${kind} ${location.name}` });
        credentials.push({ role: kind, username: `${kind}@${location.slug}`, displayName: `Demo ${kind} ${location.name}`, secret: token });
      }
    }
    return credentials;
  });
}

/** The one-time start-up notice with the demo sign-ins. */
export function formatDemoCredentials(credentials: DemoCredential[], publicUrl: string): string {
  if (credentials.length === 0) return '';
  const lines = credentials.map((c) => `  ${c.role.padEnd(10)} ${c.username.padEnd(28)} ${c.secret}`);
  return [
    '',
    `Demo sign-ins for ${publicUrl}/staff/sign-in (shown only now; they are stored as hashes):`,
    `  ${'role'.padEnd(10)} ${'user name / device'.padEnd(28)} password / device token`,
    ...lines,
    '',
  ].join('\n');
}
