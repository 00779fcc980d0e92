import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database } from '../../../db/database.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import { actorForDeviceToken, clientIp } from '../../staff/index.ts';
import { auditAppointmentsViewed } from '../../appointments/index.ts';
import type { DeviceActor, StaffActor } from '../actors.ts';

/**
 * The seam to the staff feature: who is signed in (its session or API token, resolved by its
 * `staffAuth` middleware), which device is asking (device token as Bearer or `lotse_device`
 * cookie), the CSRF token for forms, and the audit trail of personal-data reads.
 */
export type FrontDeskGate = {
  staff(c: Context): Promise<StaffActor | null>;
  device(c: Context): Promise<DeviceActor | null>;
  /** The session's CSRF token for the hidden `_csrf` field of staff forms ('' for token callers). */
  csrfToken(c: Context): string;
};

export type PersonDataAudit = {
  /** Records that the signed-in staff member opened these appointments' personal data, from `screen`. */
  personDataOpened(c: Context, entry: { appointmentIds: readonly string[]; screen: string }): Promise<void>;
};

export async function requireStaff(gate: FrontDeskGate, c: Context): Promise<StaffActor> {
  const staff = await gate.staff(c);
  if (!staff) throw new AppError('unauthenticated', 'Please sign in.');
  return staff;
}

export async function requireDevice(gate: FrontDeskGate, c: Context, kind: DeviceActor['role']): Promise<DeviceActor> {
  const actor = await gate.device(c);
  if (actor?.role === kind) return actor;
  throw new AppError('unauthenticated', `This screen needs a registered ${kind} device.`);
}

export const deviceCookieName = 'lotse_device';

/** The gate built on the staff feature (sessions, API tokens, device tokens). */
export function staffGate(deps: { db: Database }): FrontDeskGate {
  return {
    async staff(c) {
      const actor = (c as Context<AppEnv>).get('actor');
      return actor?.kind === 'staff' ? actor : null;
    },
    async device(c) {
      const actor = (c as Context<AppEnv>).get('actor');
      if (actor) return actor.kind === 'device' ? actor : null;
      const token = getCookie(c, deviceCookieName);
      return token ? ((await actorForDeviceToken(deps.db, token)) ?? null) : null;
    },
    csrfToken: (c) => (c as Context<AppEnv>).get('staffSession')?.csrfToken ?? '',
  };
}

/** Audit entries in the staff feature's append-only trail, one per opened appointment. */
export function staffAudit(deps: { db: Database; clock: Clock }): PersonDataAudit {
  return {
    async personDataOpened(c, entry) {
      const actor = (c as Context<AppEnv>).get('actor');
      if (actor?.kind !== 'staff') throw new AppError('unauthenticated', 'Please sign in.');
      await auditAppointmentsViewed(deps, { actor, appointmentIds: entry.appointmentIds, screen: entry.screen, ip: clientIp(c) });
    },
  };
}
