import { AppError } from '../../shared/app-error.ts';
import { can, roleMay, type Action, type DeviceActor, type StaffActor } from '../staff/index.ts';

export type { DeviceActor, StaffActor, StaffRole } from '../staff/index.ts';

/**
 * The front desk's actions and how they map onto the staff feature's declarative policy
 * (src/features/staff/policy.ts). Use cases call `permitFrontDeskAction` first; location mismatches get
 * a reason of their own so kiosks and desks can explain them.
 */
export type FrontDeskAction =
  | 'check_in' // kiosk and reception
  | 'reception' // today's list, manual check-in, walk-in, priority
  | 'call' // call next, recall, no-show, park, resume, transfer, finish
  | 'person_read' // open the booking data behind a ticket
  | 'figures'
  | 'watch_display';

const policyAction: Record<Exclude<FrontDeskAction, 'figures'>, Action> = {
  check_in: 'appointment.check_in',
  reception: 'appointment.check_in',
  call: 'queue.call',
  person_read: 'person.read',
  watch_display: 'display.show',
};

/** Throws unless the actor may do `action` at `locationId`. */
export function permitFrontDeskAction(actor: StaffActor | DeviceActor, action: FrontDeskAction, locationId: string): void {
  if (action === 'figures') {
    // Everyone on the staff of a location may see its figures (they hold no personal data).
    if (actor.kind !== 'staff') throw new AppError('forbidden', 'Devices do not see figures.');
    if (actor.role !== 'admin' && !actor.locationIds.includes(locationId)) throw otherLocation(actor);
    return;
  }
  const mapped = policyAction[action];
  if (!roleMay(actor.role, mapped)) throw new AppError('forbidden', `The role ${actor.role} may not do this.`, { details: { reason: 'role', action: mapped } });
  if (!can(actor, mapped, { locationId })) throw otherLocation(actor);
}

function otherLocation(actor: StaffActor | DeviceActor): AppError {
  return actor.kind === 'device'
    ? new AppError('forbidden', 'This device is registered for another location.', { details: { reason: 'device_other_location' } })
    : new AppError('forbidden', 'You do not work at this location.', { details: { reason: 'staff_other_location' } });
}

/** The specialties a clerk may call for; asking for another one is refused, not silently dropped. */
export function callableSpecialties(actor: StaffActor, requested: readonly string[] | undefined): string[] {
  if (!requested || requested.length === 0) return [...actor.specialtyIds];
  const foreign = requested.filter((id) => !actor.specialtyIds.includes(id));
  if (foreign.length > 0) {
    throw new AppError('forbidden', 'You may only call tickets of your own specialties.', { details: { reason: 'specialty_not_yours' } });
  }
  return [...new Set(requested)];
}
