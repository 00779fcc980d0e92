import { AppError } from '../../shared/app-error.ts';
import { isId } from '../../shared/id.ts';
import type { StaffActor } from './actors.ts';
import { locationNames, type Db } from './front-desk-store.ts';

export type LocationChoice = { id: string; name: string };

/**
 * The locations a staff member may open reception or figures for: the ones they work at; an
 * administrator's figures cover every active location (permitFrontDeskAction in actors.ts says the same).
 */
export async function locationChoices(db: Db, actor: StaffActor, screen: 'reception' | 'figures'): Promise<LocationChoice[]> {
  const everywhere = screen === 'figures' && actor.role === 'admin';
  return locationNames(db, everywhere ? null : actor.locationIds);
}

/** The requested location if it is one of the choices, else the first; a foreign one is refused. */
export function chooseLocation(choices: LocationChoice[], requested: string | undefined): LocationChoice {
  if (requested && isId(requested)) {
    const chosen = choices.find((choice) => choice.id === requested);
    if (!chosen) throw new AppError('forbidden', 'You do not work at this location.', { details: { reason: 'staff_other_location' } });
    return chosen;
  }
  const first = choices[0];
  if (!first) throw new AppError('forbidden', 'You are not assigned to any location.');
  return first;
}

/** The location a clerk's desk opens: the requested one if the clerk works there, else their first. */
export function deskLocationId(actor: StaffActor, requested: string | undefined): string {
  if (requested && isId(requested)) {
    if (!actor.locationIds.includes(requested)) throw new AppError('forbidden', 'You do not work at this location.');
    return requested;
  }
  const first = actor.locationIds[0];
  if (!first) throw new AppError('forbidden', 'You are not assigned to any location.');
  return first;
}
