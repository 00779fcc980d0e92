import type { Context } from 'hono';
import { AppError } from '../../shared/app-error.ts';
import type { DeviceActor, StaffActor } from './actors.ts';

/**
 * The seam to the staff feature: who is signed in, which device is asking, and the audit
 * trail of personal-data reads. The front desk never looks at cookies or tokens itself.
 */
export type FrontDeskGate = {
  staff(c: Context): Promise<StaffActor | null>;
  device(c: Context): Promise<DeviceActor | null>;
};

export type PersonDataAudit = {
  /** Records that a staff member opened personal data (who, which records, from which screen). */
  personDataOpened(entry: { staffId: string; appointmentIds: readonly string[]; screen: string }): Promise<void>;
};

export async function requireStaff(gate: FrontDeskGate, c: Context): Promise<StaffActor> {
  const staff = await gate.staff(c);
  if (!staff) throw new AppError('unauthenticated', 'Please sign in.');
  return staff;
}

export async function requireDevice(gate: FrontDeskGate, c: Context, device: DeviceActor['device']): Promise<DeviceActor> {
  const actor = await gate.device(c);
  if (actor?.device === device) return actor;
  // Staff may open a display or kiosk page to check it (e.g. reception testing the kiosk).
  throw new AppError('unauthenticated', `This screen needs a registered ${device} device.`);
}

/** Until sign-in is wired in, nobody is let in and nothing can be read, so nothing goes unaudited. */
export const closedGate: FrontDeskGate = { staff: async () => null, device: async () => null };
export const refusingAudit: PersonDataAudit = {
  personDataOpened: async () => {
    throw new AppError('unavailable', 'The audit trail is not available, so personal data stays closed.');
  },
};
