import { isAppError } from '../../shared/app-error.ts';
import { hashManageSecret, newManageSecret } from './appointment-code.ts';
import { bookInRounds, normalizePerson, personColumns, type Person } from './book-appointment.ts';
import type { EngineDeps } from './engine-deps.ts';
import { withCurrentSchedule } from './find-slot.ts';
import { getAvailability } from './get-availability.ts';
import type { Requester } from './requester.ts';

export type HeldTime = { appointmentId: string; code: string; startsAt: Date };

/**
 * The office's view of a day, before its online release: a drawn time is taken from the times the
 * office has, not from those already released (the release waits for the draw). Never stored: the
 * held row is recorded as made online, by the person it is held for.
 */
const releaseView: Requester = { channel: 'staff', staffId: 'release' };

/** The free starts of a service at a location on a day as the office sees them, also before the day's online release. */
export async function releasableStarts(deps: EngineDeps, query: { serviceId: string; locationId: string; day: string }): Promise<Date[]> {
  const availability = await getAvailability(deps, { ...query, from: query.day, to: query.day, actor: releaseView });
  return (availability.days[0]?.starts ?? []).map((start) => new Date(start));
}

/**
 * Holds a time for a person who has not booked it yet (a lottery winner): a real appointment row
 * with status 'held', so the exclusion constraints keep it from everyone else, inserted and marked
 * in the caller's transaction (nobody sees it as booked in between). No notice: the feature that
 * holds the time writes to the person itself. `undefined` when the time is no longer free.
 */
export async function holdTime(
  deps: EngineDeps,
  request: { serviceId: string; locationId: string; start: number; person: Person },
): Promise<HeldTime | undefined> {
  const { db, clock } = deps;
  if (!db.isTransaction) throw new Error('holdTime runs inside the caller’s transaction');
  const now = clock.now();
  const person = normalizePerson(request.person, now);
  try {
    return await withCurrentSchedule<HeldTime | undefined>(deps, { ...request, actor: releaseView }, async ({ offered, probe }) => {
      const appointment = {
        manage_secret_hash: hashManageSecret(newManageSecret()),
        manage_secret_sealed: null,
        service_id: offered.serviceId,
        ...personColumns(person),
        created_by: 'online',
        created_by_staff_id: null,
        idempotency_key: null,
      } as const;
      const result = await bookInRounds(db, probe, appointment, false, now);
      if (result.version !== probe.version) return { stale: result.version };
      if (!result.row) return { done: undefined };
      await db.updateTable('appointment').set({ status: 'held' }).where('id', '=', result.row.id).execute();
      return { done: { appointmentId: result.row.id, code: result.row.code, startsAt: result.row.starts_at } };
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'slot_taken') return undefined;
    throw error;
  }
}
