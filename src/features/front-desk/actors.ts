import { AppError } from '../../shared/app-error.ts';

/**
 * Who acts at the front desk. The HTTP layer builds these from the staff feature's session or
 * device token; use cases only see these narrow shapes and check their own policies here.
 */
export type StaffRole = 'admin' | 'team_lead' | 'clerk' | 'reception';

export type StaffActor = {
  kind: 'staff';
  staffId: string;
  role: StaffRole;
  /** Specialties the clerk serves (empty for roles that do not call). */
  specialtyIds: readonly string[];
  /** Locations the person works at; admins and team leads may be given all. */
  locationIds: readonly string[];
};

/** A kiosk or call display, bound to one location by its device token. */
export type DeviceActor = { kind: 'device'; device: 'kiosk' | 'display'; locationId: string };

export type FrontDeskAction =
  | 'check_in' // kiosk and reception
  | 'reception' // today's list, manual check-in, walk-in, priority
  | 'call' // call next, recall, no-show, park, resume, transfer, finish
  | 'figures'
  | 'watch_display';

const staffPolicy: Record<FrontDeskAction, readonly StaffRole[]> = {
  check_in: ['admin', 'team_lead', 'reception'],
  reception: ['admin', 'team_lead', 'reception'],
  call: ['team_lead', 'clerk'],
  figures: ['admin', 'team_lead', 'reception', 'clerk'],
  watch_display: ['admin', 'team_lead', 'reception', 'clerk'],
};

const devicePolicy: Record<DeviceActor['device'], readonly FrontDeskAction[]> = {
  kiosk: ['check_in'],
  display: ['watch_display'],
};

/** Throws unless the actor may do `action` at `locationId`. */
export function authorize(actor: StaffActor | DeviceActor, action: FrontDeskAction, locationId: string): void {
  if (actor.kind === 'device') {
    if (!devicePolicy[actor.device].includes(action)) throw new AppError('forbidden', `A ${actor.device} device may not do this.`);
    if (actor.locationId !== locationId) {
      throw new AppError('forbidden', 'This device is registered for another location.', { details: { reason: 'device_other_location' } });
    }
    return;
  }
  if (!staffPolicy[action].includes(actor.role)) throw new AppError('forbidden', `The role ${actor.role} may not do this.`);
  if (!actor.locationIds.includes(locationId)) {
    throw new AppError('forbidden', 'You do not work at this location.', { details: { reason: 'staff_other_location' } });
  }
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
