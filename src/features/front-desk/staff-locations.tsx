import { AppError } from '../../shared/app-error.ts';
import { isId } from '../../shared/id.ts';
import type { StaffActor } from './actors.ts';
import type { Db } from './front-desk-store.ts';

export type LocationChoice = { id: string; name: string };

/**
 * The locations a staff member may open reception or figures for: the ones they work at; an
 * administrator's figures cover every active location (permitFrontDeskAction in actors.ts says the same).
 */
export async function locationChoices(db: Db, actor: StaffActor, screen: 'reception' | 'figures'): Promise<LocationChoice[]> {
  const everywhere = screen === 'figures' && actor.role === 'admin';
  if (!everywhere && actor.locationIds.length === 0) return [];
  let query = db.selectFrom('location').select(['id', 'name']).orderBy('name');
  query = everywhere ? query.where('active', '=', true) : query.where('id', 'in', [...actor.locationIds]);
  return query.execute();
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

/** A plain GET form (works without JavaScript) for staff who work at more than one location. */
export function LocationSwitch(props: { action: string; choices: LocationChoice[]; current: string }) {
  if (props.choices.length < 2) return null;
  return (
    <form method="get" action={props.action} class="inline location-switch" data-testid="location-switch">
      <label for="location-switch">Standort</label>
      <select id="location-switch" name="location">
        {props.choices.map((choice) => (
          <option value={choice.id} selected={choice.id === props.current}>
            {choice.name}
          </option>
        ))}
      </select>
      <button class="button secondary" type="submit">
        Standort wechseln
      </button>
    </form>
  );
}
