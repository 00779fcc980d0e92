import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { authorize, can, type StaffActor } from '../staff/index.ts';
import { locationsAmong, managedLocationById, type ManagedLocation } from './location-store.ts';

/** What a location's hours pages manage: walk-in hours (office.manage), closures (hours.manage). */
export type LocationAction = 'office.manage' | 'hours.manage';

/** The location, if it exists and the policy lets the actor do the action there. */
export async function managedLocation(db: Database, actor: StaffActor, locationId: string, action: LocationAction): Promise<ManagedLocation> {
  const location = await managedLocationById(db, locationId);
  if (!location) throw new AppError('not_found', 'There is no such location.');
  authorize(actor, action, { locationId });
  return location;
}

/** The locations the actor may do the action at: all of them for a rule that holds anywhere, else their own. */
export function managedLocations(db: Database, actor: StaffActor, action: LocationAction) {
  // `locationId: null` is no location in particular: only a rule for any location allows it.
  const everywhere = can(actor, action, { locationId: null });
  return locationsAmong(db, everywhere ? 'all' : actor.locationIds.filter((locationId) => can(actor, action, { locationId })));
}
