import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { recordAudit } from './audit.ts';
import type { StaffAuthSettings } from './auth-settings.ts';
import { verifyPassword } from './password.ts';
import { createSession, type SessionStage } from './session-store.ts';
import { firstAdministratorId, ssoRequired } from './sso/sso-store.ts';
import { accountKey, clearFailures, countFailure, ipKey, lockedKeys } from './sign-in-throttle.ts';

type Deps = { db: Database; clock: Clock; settings: StaffAuthSettings };
export type SignInInput = { username: string; password: string; ip: string; userAgent?: string | undefined };

// One message for unknown user, wrong password and inactive account, so none can be told apart.
export const signInFailedMessage = 'User name or password is wrong.';

/** Password step of the sign-in. Returns a session whose stage says what must follow. */
export async function signIn(deps: Deps, input: SignInInput): Promise<{ token: string; csrfToken: string; stage: SessionStage; staffId: string }> {
  const username = input.username.trim().toLowerCase();
  const keys = [accountKey(username), ipKey(input.ip)];
  const audit = (outcome: 'ok' | 'failed' | 'denied', note: string, staffId?: string) =>
    recordAudit(deps.db, deps.clock, {
      actorLabel: username.slice(0, 100) || '(empty)',
      action: 'staff.sign_in',
      outcome,
      ip: input.ip,
      note,
      ...(staffId ? { target: { type: 'staff', id: staffId } } : {}),
    });

  if ((await lockedKeys(deps.db, deps.clock, keys)).length > 0) {
    await audit('denied', 'locked: too many failed attempts');
    throw new AppError('rate_limited', 'Too many failed sign-ins. Please wait or ask an administrator to lift the lock.');
  }
  const staff =
    username.length <= 63
      ? await deps.db
          .selectFrom('staff')
          .select(['id', 'password_hash', 'active', 'role', 'totp_enabled_at'])
          .where('username', '=', username)
          .executeTakeFirst()
      : undefined;
  const passwordOk = await verifyPassword(staff?.password_hash, input.password.slice(0, 1000));
  if (!staff || !passwordOk || !staff.active) {
    await countFailure(deps.db, deps.clock, deps.settings, keys[0]!, deps.settings.maxAccountFailures);
    await countFailure(deps.db, deps.clock, deps.settings, keys[1]!, deps.settings.maxIpFailures);
    await audit('failed', staff ? (staff.active ? 'wrong password' : 'inactive account') : 'unknown user', staff?.id);
    throw new AppError('unauthenticated', signInFailedMessage);
  }
  // Told only to whoever knows the password, so the answer reveals nothing about other accounts.
  if ((await ssoRequired(deps.db)) && staff.id !== (await firstAdministratorId(deps.db))) {
    await audit('denied', 'local sign-in refused: single sign-on required', staff.id);
    throw new AppError('forbidden', 'Please sign in with your work account (single sign-on).', { details: { ssoRequired: true } });
  }
  const stage = await stageAfterPassword(deps.db, staff);
  await removeExpired(deps);
  await clearFailures(deps.db, keys[0]!);
  const session = await createSession(deps, { staffId: staff.id, stage, ip: input.ip, userAgent: input.userAgent });
  await audit('ok', stage === 'full' ? 'signed in' : `password accepted, next: ${stage}`, staff.id);
  return { ...session, stage, staffId: staff.id };
}

async function stageAfterPassword(db: Database, staff: { role: string; totp_enabled_at: Date | null }): Promise<SessionStage> {
  if (staff.totp_enabled_at) return 'second_factor';
  const setting = await db.selectFrom('role_setting').select('totp_required').where('role', '=', staff.role).executeTakeFirst();
  return setting?.totp_required ? 'enrol' : 'full';
}

/** Ended sessions and old failure counts are removed now and then (here: at each sign-in). */
export async function removeExpired(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const idleLimit = new Date(now.getTime() - deps.settings.sessionIdleMs);
  const windowLimit = new Date(now.getTime() - deps.settings.lockoutMs);
  await deps.db
    .deleteFrom('staff_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleLimit)]))
    .execute();
  await deps.db
    .deleteFrom('sign_in_throttle')
    .where('window_started_at', '<', windowLimit)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}
