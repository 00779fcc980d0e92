import { AppError } from '../../../shared/app-error.ts';
import { createApiToken, createDevice, revokeApiToken, revokeDevice } from '../api-tokens.ts';
import { staffRoles, type DeviceKind, type StaffRole } from '../roles.ts';
import { listLockedAccounts } from '../sign-in-throttle.ts';
import { authorizeChange, recordChange, type AdminDeps, type ChangeContext } from './change-context.ts';
import * as store from './security-store.ts';

/** Two-factor per role, locked accounts, personal API tokens, kiosk and display devices. */
export async function securityOverview(deps: AdminDeps) {
  const [roleSettings, locked, tokens, devices, locations] = await Promise.all([
    store.roleSettings(deps.db),
    listLockedAccounts(deps.db, deps.clock),
    store.listApiTokens(deps.db),
    store.listDevices(deps.db),
    store.deviceLocations(deps.db),
  ]);
  return { roleSettings, locked, tokens, devices, locations };
}

/** The roles whose members must use a second factor; every other role need not. */
export async function requireTotpFor(deps: AdminDeps, ctx: ChangeContext, roles: readonly StaffRole[]): Promise<void> {
  await authorizeChange(deps, ctx, 'security.manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await store.lockRoleSettings(trx);
    for (const role of staffRoles) await store.setTotpRequired(trx, role, roles.includes(role));
    const after = await store.roleSettings(trx);
    await recordChange(trx, deps.clock, ctx, { action: 'admin.role_settings.update', target: { type: 'role_setting', id: '*' }, before, after });
  });
}

export async function liftLock(deps: AdminDeps, ctx: ChangeContext, key: string): Promise<void> {
  await authorizeChange(deps, ctx, 'security.manage');
  await deps.db.transaction().execute(async (trx) => {
    const deleted = await store.deleteThrottle(trx, key);
    if (!deleted) throw new AppError('not_found', 'This lock does not exist (any more).');
    await recordChange(trx, deps.clock, ctx, { action: 'admin.lock.lift', target: { type: 'sign_in_throttle', id: key }, before: deleted });
  });
}

/** A personal API token of the acting administrator; the secret is returned once and stored only as a hash. */
export async function issueApiToken(deps: AdminDeps, ctx: ChangeContext, input: { name: string; role: StaffRole }): Promise<string> {
  await authorizeChange(deps, ctx, 'security.manage');
  return deps.db.transaction().execute(async (trx) => {
    const created = await createApiToken({ db: trx, clock: deps.clock }, { staffId: ctx.actor.staffId, ...input });
    await recordChange(trx, deps.clock, ctx, { action: 'admin.api_token.create', target: { type: 'api_token', id: created.id }, after: input });
    return created.token;
  });
}

export async function withdrawApiToken(deps: AdminDeps, ctx: ChangeContext, id: string): Promise<void> {
  await authorizeChange(deps, ctx, 'security.manage');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await revokeApiToken({ db: trx, clock: deps.clock }, id))) throw new AppError('not_found', 'This token does not exist or is already revoked.');
    await recordChange(trx, deps.clock, ctx, { action: 'admin.api_token.revoke', target: { type: 'api_token', id } });
  });
}

/** A kiosk or call display bound to one location; its token is returned once, to be typed in at /device/pair. */
export async function registerDevice(deps: AdminDeps, ctx: ChangeContext, input: { name: string; kind: DeviceKind; locationId: string }): Promise<string> {
  await authorizeChange(deps, ctx, 'security.manage');
  return deps.db.transaction().execute(async (trx) => {
    const created = await createDevice({ db: trx, clock: deps.clock }, input);
    await recordChange(trx, deps.clock, ctx, { action: 'admin.device.create', target: { type: 'device', id: created.id }, after: input });
    return created.token;
  });
}

/** A revoked device's token stops at its next request; the device shows the pairing page again. */
export async function withdrawDevice(deps: AdminDeps, ctx: ChangeContext, id: string): Promise<void> {
  await authorizeChange(deps, ctx, 'security.manage');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await revokeDevice({ db: trx, clock: deps.clock }, id))) throw new AppError('not_found', 'This device does not exist or is already revoked.');
    await recordChange(trx, deps.clock, ctx, { action: 'admin.device.revoke', target: { type: 'device', id } });
  });
}
