import { AppError } from '../../../shared/app-error.ts';
import { checkPassword, createStaffAccount } from '../create-staff-account.ts';
import { hashPassword } from '../password.ts';
import type { StaffRole } from '../roles.ts';
import { authorizeChange, recordChange, rethrowAs, type AdminDeps, type ChangeContext } from './change-context.ts';
import * as store from './staff-account-store.ts';

export type AccountInput = { displayName: string; role: StaffRole; active: boolean; locationIds: string[]; specialtyIds: string[] };

const unknownLink = rethrowAs('23503', 'A chosen location or specialty does not exist.');
const noSuchStaff = () => new AppError('not_found', 'There is no such staff member.');

export function staffAccounts(deps: AdminDeps) {
  return store.listStaffAccounts(deps.db);
}

/** What a new account can be linked to: locations and specialties. */
export function newAccountChoices(deps: AdminDeps) {
  return store.accountChoices(deps.db);
}

/** One account with the locations and specialties it is linked to, and what it could be linked to. */
export async function staffAccount(deps: AdminDeps, id: string) {
  const account = await store.findStaffAccount(deps.db, id);
  if (!account) throw noSuchStaff();
  const [[locations, specialties], links] = await Promise.all([store.accountChoices(deps.db), store.accountLinks(deps.db, id)]);
  return { account, locations, specialties, ...links };
}

export async function createAccount(deps: AdminDeps, ctx: ChangeContext, input: AccountInput & { username: string; password: string }): Promise<string> {
  await authorizeChange(deps, ctx, 'staff.manage');
  const locationIds = [...new Set(input.locationIds)];
  const specialtyIds = [...new Set(input.specialtyIds)];
  const created = await createStaffAccount(deps.db, { ...input, locationIds, specialtyIds }, (trx, row) =>
    recordChange(trx, deps.clock, ctx, {
      action: 'admin.staff.create',
      target: { type: 'staff', id: row.id },
      after: { username: input.username, displayName: input.displayName, role: input.role, active: input.active, locationIds, specialtyIds },
    }),
  ).catch(unknownLink);
  return created.id;
}

export async function updateAccount(deps: AdminDeps, ctx: ChangeContext, id: string, input: AccountInput): Promise<void> {
  await authorizeChange(deps, ctx, 'staff.manage');
  if (id === ctx.actor.staffId && (input.role !== 'admin' || !input.active))
    throw new AppError('conflict', 'You cannot take away your own admin role or deactivate yourself.');
  const account = { ...input, locationIds: [...new Set(input.locationIds)], specialtyIds: [...new Set(input.specialtyIds)] };
  await deps.db
    .transaction()
    .execute(async (trx) => {
      const before = await store.lockAccount(trx, id);
      if (!before) throw noSuchStaff();
      const beforeLinks = await store.accountLinks(trx, id);
      await store.writeAccount(trx, id, account, deps.clock.now());
      if (!account.active) await store.endSessions(trx, id);
      await recordChange(trx, deps.clock, ctx, {
        action: 'admin.staff.update',
        target: { type: 'staff', id },
        before: { ...before, ...beforeLinks },
        after: {
          display_name: account.displayName,
          role: account.role,
          active: account.active,
          locationIds: account.locationIds,
          specialtyIds: account.specialtyIds,
        },
      });
    })
    .catch(unknownLink);
}

/** A new password set by an administrator ends the person's sessions (not the administrator's own). */
export async function setPassword(deps: AdminDeps, ctx: ChangeContext, id: string, password: string): Promise<void> {
  await authorizeChange(deps, ctx, 'staff.manage');
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await store.setPasswordHash(trx, id, passwordHash, deps.clock.now()))) throw noSuchStaff();
    if (id !== ctx.actor.staffId) await store.endSessions(trx, id);
    await recordChange(trx, deps.clock, ctx, { action: 'admin.staff.password_set', target: { type: 'staff', id } });
  });
}

/** For someone who lost their second factor: they set it up again at the next sign-in. */
export async function resetTwoFactor(deps: AdminDeps, ctx: ChangeContext, id: string): Promise<void> {
  await authorizeChange(deps, ctx, 'staff.manage');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await store.clearTwoFactor(trx, id))) throw noSuchStaff();
    await store.endSessions(trx, id);
    await recordChange(trx, deps.clock, ctx, { action: 'admin.staff.totp_reset', target: { type: 'staff', id } });
  });
}

export async function signOutEverywhere(deps: AdminDeps, ctx: ChangeContext, id: string): Promise<void> {
  await authorizeChange(deps, ctx, 'staff.manage');
  await deps.db.transaction().execute(async (trx) => {
    const count = await store.endSessions(trx, id);
    await recordChange(trx, deps.clock, ctx, { action: 'admin.staff.sign_out_everywhere', target: { type: 'staff', id }, note: `${count} sessions ended` });
  });
}
