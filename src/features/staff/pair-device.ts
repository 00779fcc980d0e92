import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { actorForDeviceToken } from './api-tokens.ts';
import { recordAudit } from './audit.ts';
import type { DeviceActor } from './roles.ts';

/** Checks a typed device token; both a pairing and a failed attempt are audited. */
export async function pairDevice(deps: { db: Database; clock: Clock }, token: string, ip: string | undefined): Promise<DeviceActor | undefined> {
  const device = await actorForDeviceToken(deps.db, token);
  if (!device) {
    await recordAudit(deps.db, deps.clock, { actorLabel: 'device pairing', action: 'device.pair', outcome: 'failed', ip });
    return undefined;
  }
  await recordAudit(deps.db, deps.clock, { actor: device, action: 'device.pair', target: { type: 'device', id: device.deviceId }, ip });
  return device;
}
