import type { Database } from '../../db/database.ts';
import { systemClock, type Clock } from '../../shared/clock.ts';
import { AppError } from '../../shared/app-error.ts';
import { isId } from '../../shared/id.ts';
import { loadLocationSchedule, readScheduleVersion, type LocationSchedule } from './schedule-store.ts';

/** What a statement run on a cached schedule reports: the newer version it saw, or its result. */
export type ScheduleOutcome<T> = { stale: string } | { done: T };

/** Rounds of "schedule changed meanwhile, load it again" before giving up; one is the norm. */
const maxRounds = 4;

/**
 * Each location's schedule in memory. Every statement that relies on a cached schedule also
 * reads schedule_version and the caller drops the schedule when the versions differ (`forget`)
 * and tries again, so a change to hours, absences or services is seen by the very next booking
 * on every instance, and nothing is ever decided on a schedule older than the database's.
 */
export class ScheduleCache {
  readonly #byLocation = new Map<string, Promise<LocationSchedule | undefined>>();

  readonly #clock: Clock;

  constructor(clock: Clock = systemClock) {
    this.#clock = clock;
  }

  get(db: Database, locationId: string): Promise<LocationSchedule | undefined> {
    if (!isId(locationId)) return Promise.resolve(undefined);
    let loading = this.#byLocation.get(locationId);
    if (!loading) {
      // Only known locations stay cached: unknown ids from the outside must not fill memory.
      if (this.#byLocation.size >= 1_000) this.#byLocation.clear();
      loading = loadLocationSchedule(db, locationId, this.#clock.now()).then(
        (schedule) => {
          if (!schedule) this.#byLocation.delete(locationId);
          return schedule;
        },
        (error: unknown) => {
          this.#byLocation.delete(locationId);
          throw error;
        },
      );
      this.#byLocation.set(locationId, loading);
    }
    return loading;
  }

  /** Drops the cached schedule if it is still the one with `version` (a newer one may be loading). */
  async forget(locationId: string, version: string): Promise<void> {
    const cached = this.#byLocation.get(locationId);
    if (cached && (await cached.catch(() => undefined))?.version === version && this.#byLocation.get(locationId) === cached) {
      this.#byLocation.delete(locationId);
    }
  }

  /**
   * `check` decides on the schedule alone (it may refuse by throwing), `run` then asks the
   * database and reports a newer schedule_version as stale. A stale schedule is loaded again and
   * both run again; a refusal is checked against the current version and, if the schedule has
   * changed, once more against a fresh copy, so a service or hours added a moment ago are never
   * refused on an old one.
   */
  async use<P, T>(
    db: Database,
    locationId: string,
    check: (schedule: LocationSchedule | undefined) => P,
    run: (checked: P, schedule: LocationSchedule) => Promise<ScheduleOutcome<T>>,
  ): Promise<T> {
    let rechecked = false;
    for (let round = 1; ; round++) {
      const schedule = await this.get(db, locationId);
      let checked: P;
      try {
        checked = check(schedule);
      } catch (error) {
        // Reload only when the schedule really changed: a flood of bad requests must not empty the cache.
        if (rechecked || !schedule || (await readScheduleVersion(db)) === schedule.version) throw error;
        rechecked = true;
        await this.forget(locationId, schedule.version);
        continue;
      }
      const outcome = await run(checked, schedule!);
      if ('done' in outcome) return outcome.done;
      await this.forget(locationId, schedule!.version);
      if (round >= maxRounds) throw new AppError('conflict', 'The office is changing its schedule right now. Please try again in a moment.');
    }
  }
}
