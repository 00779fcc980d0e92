import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { DeviceActor, DeviceKind, StaffActor, StaffRole } from './roles.ts';
import { randomSecret, sha256 } from './secrets.ts';
import { loadStaffActor } from './session-store.ts';

// Prefixes let secret scanners recognise leaked tokens and tell the two kinds apart.
const personalPrefix = 'lotse_pat_';
const devicePrefix = 'lotse_dev_';

/** A personal API token for an integration; returned once, stored only as a hash. */
export async function createApiToken(
  deps: { db: Database; clock: Clock },
  input: { staffId: string; name: string; role: StaffRole; expiresAt?: Date | null },
): Promise<{ id: string; token: string }> {
  const owner = await deps.db.selectFrom('staff').select(['role', 'active']).where('id', '=', input.staffId).executeTakeFirst();
  if (!owner?.active) throw new AppError('not_found', 'There is no active staff account for this token.');
  // A token never carries more than its owner may do; only admins hand out other roles.
  if (owner.role !== 'admin' && owner.role !== input.role) throw new AppError('forbidden', `A ${owner.role} can only hold tokens for the role ${owner.role}.`);
  const token = personalPrefix + randomSecret();
  const row = await deps.db
    .insertInto('api_token')
    .values({
      staff_id: input.staffId,
      name: input.name,
      role: input.role,
      token_hash: sha256(token),
      created_at: deps.clock.now(),
      expires_at: input.expiresAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export function revokeApiToken(deps: { db: Database; clock: Clock }, id: string): Promise<boolean> {
  return revoke(deps, 'api_token', id);
}

/** Revokes a personal API token or a device's token; false when it was revoked already or never existed. */
async function revoke(deps: { db: Database; clock: Clock }, table: 'api_token' | 'device', id: string): Promise<boolean> {
  const result = await deps.db.updateTable(table).set({ revoked_at: deps.clock.now() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The actor behind `Authorization: Bearer …`, with the token's role. The owner is read at every
 * request: a deactivated owner's tokens stop at once, and so does a token whose role its owner no
 * longer holds (a demoted team lead's team-lead token; only an admin's tokens may carry another role).
 */
export async function actorForApiToken(deps: { db: Database; clock: Clock }, token: string): Promise<StaffActor | undefined> {
  if (!token.startsWith(personalPrefix) || token.length > 120) return undefined;
  const now = deps.clock.now();
  const row = await deps.db
    .updateTable('api_token')
    .set({ last_used_at: now })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .returning(['staff_id', 'role'])
    .executeTakeFirst();
  if (!row) return undefined;
  const owner = await loadStaffActor(deps.db, row.staff_id, 'api_token');
  if (!owner || (owner.role !== 'admin' && owner.role !== row.role)) return undefined;
  return { ...owner, role: row.role as StaffRole };
}

export async function createDevice(
  deps: { db: Database; clock: Clock },
  input: { kind: DeviceKind; locationId: string; name: string },
): Promise<{ id: string; token: string }> {
  const location = await deps.db.selectFrom('location').select('id').where('id', '=', input.locationId).executeTakeFirst();
  if (!location) throw new AppError('not_found', 'This location does not exist.');
  const token = devicePrefix + randomSecret();
  const row = await deps.db
    .insertInto('device')
    .values({ kind: input.kind, location_id: input.locationId, name: input.name, token_hash: sha256(token), created_at: deps.clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export function revokeDevice(deps: { db: Database; clock: Clock }, id: string): Promise<boolean> {
  return revoke(deps, 'device', id);
}

/** A kiosk or display: bound to one location, sees no personal data (see policy.ts). */
export async function actorForDeviceToken(db: Database, token: string): Promise<DeviceActor | undefined> {
  if (!token.startsWith(devicePrefix) || token.length > 120) return undefined;
  const row = await db
    .selectFrom('device')
    .select(['id', 'kind', 'location_id', 'name'])
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return { kind: 'device', deviceId: row.id, role: row.kind as DeviceKind, locationId: row.location_id, name: row.name };
}
