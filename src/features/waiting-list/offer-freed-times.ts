import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { enqueueMail } from '../../platform/mail/index.ts';
import { isAppError } from '../../shared/app-error.ts';
import { addDays, localDay } from '../../web/format.ts';
import { getAvailability, holdAppointment, maxRangeDays, onlineRequester } from '../appointments/index.ts';
import { findLocationById, findServiceById } from '../office/index.ts';
import { hashLinkToken, newLinkToken } from './link-token.ts';
import { renderWaitingListMail } from './waiting-list-mails.ts';
import { expireOfferJobType } from './waiting-list-jobs.ts';
import type { WaitingListDeps } from './waiting-list-deps.ts';
import {
  endEntry,
  locationsWithWaitingEntries,
  scheduleChangedSinceLastLook,
  servicesWithWaitingEntries,
  waitingQueue,
  type Acceptable,
} from './waiting-list-store.ts';

/**
 * A time came free at a location (a cancellation after its re-release delay, a move, an offer
 * given back, new hours): each service with people waiting there offers its free times, first
 * come first served among those whose days and hours fit. Returns how many offers were made.
 */
export async function offerFreedTimes(deps: WaitingListDeps, locationId: string): Promise<number> {
  let made = 0;
  for (const serviceId of await servicesWithWaitingEntries(deps.db, locationId)) made += await offerTimesOfService(deps, serviceId, locationId);
  return made;
}

/**
 * New working hours, an absence that ended, a closure lifted: the staff and office screens change
 * the schedule, which bumps its version. When the version moved since the last look, every location
 * with people waiting looks for times. Returns how many offers were made.
 */
export async function offerTimesAfterScheduleChange(deps: WaitingListDeps): Promise<number> {
  if (!(await scheduleChangedSinceLastLook(deps.db))) return 0;
  let made = 0;
  for (const locationId of await locationsWithWaitingEntries(deps.db)) made += await offerFreedTimes(deps, locationId);
  return made;
}

async function offerTimesOfService(deps: WaitingListDeps, serviceId: string, locationId: string): Promise<number> {
  const [service, location] = await Promise.all([findServiceById({ db: deps.db }, 'de', serviceId), findLocationById({ db: deps.db }, locationId)]);
  if (!service?.onlineBookable || !location) return 0;
  const starts = await freeStarts(deps, serviceId, locationId, location.timeZone, service.maxDaysAhead);
  if (starts.length === 0) return 0;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    // One matcher per service and location at a time: two would offer one time to two people.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`waiting-list|${serviceId}|${locationId}`}))`.execute(trx);
    const given = new Set<string>();
    let made = 0;
    for (const entry of await waitingQueue(trx, serviceId, locationId)) {
      const offeredBefore = new Set(entry.offered_starts.map((d) => new Date(d).getTime()));
      const acceptable = { weekdays: entry.weekdays, fromMinute: entry.from_minute, untilMinute: entry.until_minute };
      const start = starts.find((s) => !given.has(s) && !offeredBefore.has(Date.parse(s)) && fits(s, acceptable));
      if (!start || !entry.person_name || !entry.date_of_birth || !entry.email) continue;
      given.add(start);
      await sql`SAVEPOINT offer`.execute(trx);
      try {
        const held = await holdAppointment(deps, trx, {
          serviceId,
          locationId,
          start: new Date(start),
          person: { name: entry.person_name, dateOfBirth: entry.date_of_birth, email: entry.email, language: entry.language },
        });
        const token = newLinkToken();
        const expiresAt = new Date(now.getTime() + deps.settings.offerMinutes * 60_000);
        const offer = await trx
          .insertInto('waiting_list_offer')
          .values({
            entry_id: entry.id,
            appointment_id: held.id,
            service_id: serviceId,
            location_id: locationId,
            starts_at: new Date(start),
            token_hash: hashLinkToken(token),
            status: 'open',
            created_at: now,
            expires_at: expiresAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.updateTable('waiting_list_entry').set({ status: 'offered' }).where('id', '=', entry.id).execute();
        const own = (await findServiceById({ db: trx }, entry.language, serviceId)) ?? service;
        const mail = renderWaitingListMail('offer', {
          to: entry.email,
          lang: entry.language,
          name: entry.person_name,
          url: `${deps.publicUrl}/${entry.language}/waiting-list/offer/${token}`,
          service: own.name,
          location: `${location.name}, ${location.address}`,
          start: new Date(start),
          expiresAt,
          timeZone: location.timeZone,
        });
        await enqueueMail(deps.jobs, mail, { trx });
        await deps.jobs.send(expireOfferJobType, { offerId: offer.id }, { trx, startAfter: expiresAt });
        await sql`RELEASE SAVEPOINT offer`.execute(trx);
        made++;
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT offer`.execute(trx);
        // Taken meanwhile: the next person may fit. Booked this service themselves: they wait no more.
        if (!isAppError(error) || !['slot_taken', 'duplicate_booking', 'conflict', 'validation_failed'].includes(error.code)) throw error;
        if (error.code === 'duplicate_booking') await endEntry(trx, entry.id, 'left', now);
      }
    }
    return made;
  });
}

/** Free starts of the service in its whole booking window as the engine sees them for the list. */
async function freeStarts(deps: WaitingListDeps, serviceId: string, locationId: string, timeZone: string, maxDaysAhead: number): Promise<string[]> {
  const today = localDay(deps.clock.now(), timeZone);
  try {
    const availability = await getAvailability(
      { db: deps.db, clock: deps.clock, schedules: deps.schedules, bookings: deps.bookings, releaseDelayMinutes: 0 },
      { serviceId, locationId, from: today, to: addDays(today, Math.min(maxDaysAhead, maxRangeDays - 1)), actor: onlineRequester },
    );
    return availability.days.flatMap((day) => day.starts);
  } catch (error) {
    if (isAppError(error) && (error.code === 'validation_failed' || error.code === 'not_found')) return [];
    throw error;
  }
}

/** Whether a start (local ISO with offset, as availability writes it) lies in the person's days and hours. */
export function fits(start: string, acceptable: Acceptable): boolean {
  const weekday = Temporal.PlainDate.from(start.slice(0, 10)).dayOfWeek;
  const minute = Number(start.slice(11, 13)) * 60 + Number(start.slice(14, 16));
  return acceptable.weekdays.includes(weekday) && minute >= acceptable.fromMinute && minute < acceptable.untilMinute;
}
