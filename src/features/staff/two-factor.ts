import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { recordAudit } from './audit.ts';
import type { StaffAuthSettings } from './auth-settings.ts';
import { sha256 } from './secrets.ts';
import { createSession, deleteSession } from './session-store.ts';
import { accountKey, clearFailures, countFailure, lockedKeys } from './sign-in-throttle.ts';
import { matchTotp, newTotpSecret } from './totp.ts';

type Deps = { db: Database; clock: Clock; settings: StaffAuthSettings };

const recoveryCodeCount = 10;

function newRecoveryCode(): string {
  const raw = randomBytes(8).toString('hex').toUpperCase();
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
}
const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** Whether the staff member's two-factor sign-in is set up, and the user name their authenticator app shows. */
export async function twoFactorState(db: Database, staffId: string): Promise<{ username: string | null; enabled: boolean }> {
  const row = await db.selectFrom('staff').select(['username', 'totp_enabled_at']).where('id', '=', staffId).executeTakeFirstOrThrow();
  return { username: row.username, enabled: row.totp_enabled_at !== null };
}

/** Starts (or restarts) TOTP set-up: a new secret, not active until confirmed with a code. */
export async function startTotpEnrolment(db: Database, staffId: string): Promise<string> {
  const secret = newTotpSecret();
  // A pending secret is kept, so reloading the page does not invalidate what was already scanned.
  await db
    .updateTable('staff')
    .set({ totp_secret: secret })
    .where('id', '=', staffId)
    .where('totp_enabled_at', 'is', null)
    .where('totp_secret', 'is', null)
    .execute();
  const row = await db.selectFrom('staff').select(['totp_secret', 'totp_enabled_at']).where('id', '=', staffId).executeTakeFirstOrThrow();
  if (row.totp_enabled_at) throw new AppError('conflict', 'Two-factor sign-in is already set up.');
  return row.totp_secret ?? secret;
}

/** Confirms set-up with a first code; returns the recovery codes, shown once and stored hashed. */
export async function confirmTotpEnrolment(deps: { db: Database; clock: Clock }, staffId: string, code: string): Promise<string[]> {
  return deps.db.transaction().execute(async (trx) => {
    const staff = await trx
      .selectFrom('staff')
      .select(['totp_secret', 'totp_enabled_at', 'username'])
      .where('id', '=', staffId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (staff.totp_enabled_at || !staff.totp_secret) throw new AppError('conflict', 'Two-factor set-up was not started or is already done.');
    const step = matchTotp(staff.totp_secret, code.trim(), deps.clock.now(), null);
    if (step === undefined)
      throw new AppError('validation_failed', 'The code is not right. Check the time on your phone and try again.', {
        fieldErrors: [{ path: 'code', message: 'wrong code' }],
      });
    await trx.updateTable('staff').set({ totp_enabled_at: deps.clock.now(), totp_last_step: step }).where('id', '=', staffId).execute();
    const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    await trx.deleteFrom('recovery_code').where('staff_id', '=', staffId).execute();
    await trx
      .insertInto('recovery_code')
      .values(codes.map((c) => ({ staff_id: staffId, code_hash: sha256(normaliseRecoveryCode(c)) })))
      .execute();
    await recordAudit(trx, deps.clock, { actorLabel: staff.username ?? staffId, action: 'staff.totp_enabled', target: { type: 'staff', id: staffId } });
    return codes;
  });
}

/**
 * Second step of the sign-in: a TOTP code (each step usable once) or an unused recovery code.
 * On success the session is replaced by a new one (new cookie, new CSRF token).
 */
export async function verifySecondFactor(
  deps: Deps,
  input: { sessionIdHash: string; staffId: string; code: string; ip: string; userAgent?: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const staff = await deps.db.selectFrom('staff').select(['username', 'totp_secret']).where('id', '=', input.staffId).executeTakeFirstOrThrow();
  const key = accountKey(staff.username ?? input.staffId);
  const label = staff.username ?? input.staffId;
  if ((await lockedKeys(deps.db, deps.clock, [key])).length > 0) {
    await recordAudit(deps.db, deps.clock, { actorLabel: label, action: 'staff.second_factor', outcome: 'denied', ip: input.ip, note: 'locked' });
    throw new AppError('rate_limited', 'Too many failed attempts. Please wait or ask an administrator.');
  }
  const code = input.code.trim().slice(0, 40);
  const accepted = await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('staff').select(['totp_secret', 'totp_last_step']).where('id', '=', input.staffId).forUpdate().executeTakeFirstOrThrow();
    if (row.totp_secret) {
      const step = matchTotp(row.totp_secret, code, deps.clock.now(), row.totp_last_step === null ? null : Number(row.totp_last_step));
      if (step !== undefined) {
        await trx.updateTable('staff').set({ totp_last_step: step }).where('id', '=', input.staffId).execute();
        return 'totp';
      }
    }
    const used = await trx
      .updateTable('recovery_code')
      .set({ used_at: deps.clock.now() })
      .where('staff_id', '=', input.staffId)
      .where('code_hash', '=', sha256(normaliseRecoveryCode(code)))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(used.numUpdatedRows) === 1 ? 'recovery code' : undefined;
  });
  if (!accepted) {
    await countFailure(deps.db, deps.clock, deps.settings, key, deps.settings.maxAccountFailures);
    await recordAudit(deps.db, deps.clock, {
      actorLabel: label,
      action: 'staff.second_factor',
      outcome: 'failed',
      ip: input.ip,
      target: { type: 'staff', id: input.staffId },
    });
    throw new AppError('unauthenticated', 'The code is not right.');
  }
  await clearFailures(deps.db, key);
  await deleteSession(deps.db, input.sessionIdHash);
  const session = await createSession(deps, { staffId: input.staffId, stage: 'full', ip: input.ip, userAgent: input.userAgent });
  await recordAudit(deps.db, deps.clock, {
    actorLabel: label,
    action: 'staff.second_factor',
    ip: input.ip,
    note: `signed in with ${accepted}`,
    target: { type: 'staff', id: input.staffId },
  });
  return session;
}

/** After a mandatory enrolment is confirmed, the session moves on to full. */
export async function completeEnrolmentSession(deps: Deps, input: { sessionIdHash: string; staffId: string; ip: string }) {
  await deleteSession(deps.db, input.sessionIdHash);
  return createSession(deps, { staffId: input.staffId, stage: 'full', ip: input.ip });
}
