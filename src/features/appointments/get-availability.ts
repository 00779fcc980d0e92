import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import type { EngineDeps } from './engine-deps.ts';
import { ScheduleCache } from './schedule-cache.ts';
import type { ScheduledService } from './schedule-store.ts';
import { AppError } from '../../shared/app-error.ts';
import { isId } from '../../shared/id.ts';
import type { Requester } from './requester.ts';
import { findOfferedService, type OfferedService } from './appointment-store.ts';
import { BookingsCache, type Bookings } from './bookings-cache.ts';
import { bookingWindow, datesBetween, freeStartsByDay, zoneDay, type AvailabilityInput, type DayAvailability } from './availability.ts';
import { availabilityComputations } from '../../platform/metrics/metrics.ts';

export const maxRangeDays = 92;

export type AvailabilityQuery = { serviceId: string; locationId: string; from: string; to: string; actor: Requester; staffId?: string | undefined };

export type Availability = { serviceId: string; locationId: string; timeZone: string; slotMinutes: number; durationMinutes: number; days: DayAvailability[] };

/** Free start times per local day for a service at a location. */
export async function getAvailability(deps: EngineDeps, query: AvailabilityQuery): Promise<Availability> {
  availabilityComputations.inc();
  const from = parseDate(query.from, 'from');
  const to = parseDate(query.to, 'to');
  if (Temporal.PlainDate.compare(to, from) < 0) throw invalid('to', '`to` must not be before `from`.');
  const days = from.until(to, { largestUnit: 'days' }).days + 1;
  if (days > maxRangeDays) throw invalid('to', `The range covers ${days} days; at most ${maxRangeDays} days can be asked for at once.`);
  if (query.staffId !== undefined && query.actor.channel !== 'staff') throw invalid('staffId', 'Only staff can ask for a particular clerk.');
  const now = deps.clock.now().getTime();
  const schedules = deps.schedules ?? new ScheduleCache(deps.clock);
  const delay = query.actor.channel === 'online' ? (deps.releaseDelayMinutes ?? 0) : 0;

  try {
    return await schedules.use<ScheduledService, Availability>(
      deps.db,
      query.locationId,
      (schedule) => {
        const offered = schedule?.services.get(query.serviceId);
        if (!offered) throw notOffered;
        if (query.actor.channel === 'online' && !offered.onlineBookable) {
          throw invalid('serviceId', 'This service cannot be booked online; the office arranges these appointments.');
        }
        const window = bookingWindow(offered.timeZone, offered.rules, now, query.actor.channel);
        if (from.toString() < window.today) throw invalid('from', `\`from\` is in the past; today is ${window.today} at this location.`);
        if (to.toString() > window.lastDate) throw invalid('to', `Appointments can be booked up to ${window.lastDate}; choose an earlier \`to\`.`);
        return offered;
      },
      async (offered, schedule) => {
        const clerkIds = query.staffId === undefined ? offered.clerkIds : offered.clerkIds.filter((id) => id === query.staffId);
        const resourceIds = offered.requiredResourceKind ? (schedule.resourcesByKind.get(offered.requiredResourceKind) ?? []) : [];
        const first = zoneDay(offered.timeZone, from.toString());
        const last = zoneDay(offered.timeZone, to.toString());
        const cache = deps.bookings ?? new BookingsCache();
        const bookings = await cache.load(
          deps.db,
          {
            locationId: offered.locationId,
            clerkIds,
            resourceIds,
            from: new Date(first.pieces[0]!.start),
            to: new Date(last.pieces.at(-1)!.end),
            heldSince: delay > 0 ? new Date(now - delay * 60_000) : null,
          },
          now,
        );
        if (bookings.version !== schedule.version) return { stale: bookings.version };
        const clerks = clerkIds.flatMap((id) => {
          const clerk = schedule.clerks.get(id);
          return clerk ? [{ ...clerk, busy: [...clerk.busy, ...schedule.closed, ...(bookings.clerks.get(id) ?? [])] }] : [];
        });
        const resources = resourceIds.map((resourceId) => ({ resourceId, busy: bookings.resources.get(resourceId) ?? [] }));
        return {
          done: {
            serviceId: offered.serviceId,
            locationId: offered.locationId,
            timeZone: offered.timeZone,
            slotMinutes: offered.rules.slotMinutes,
            durationMinutes: offered.rules.durationMinutes,
            days: daysWithStarts(cache, bookings, {
              key: `${schedule.version}|${offered.serviceId}|${query.actor.channel}|${query.staffId ?? ''}`,
              input: {
                timeZone: offered.timeZone,
                rules: offered.rules,
                from: from.toString(),
                to: to.toString(),
                now,
                channel: query.actor.channel,
                clerks,
                resources,
              },
            }),
          },
        };
      },
    );
  } catch (error) {
    throw await explainNotOffered(deps.db, query, error);
  }
}

/** Thrown by a check on the cached schedule when the location does not offer the service. */
export const notOffered = new Error('not offered');

/** `notOffered` as the 4xx that names what is wrong (unknown service or location, not offered there); other errors as they are. */
export async function explainNotOffered(db: Database, request: { serviceId: string; locationId: string; actor: Requester }, error: unknown): Promise<unknown> {
  if (error !== notOffered) return error;
  await requireOfferedService(db, request.serviceId, request.locationId, request.actor);
  return notOfferedAnyMore();
}

/**
 * Free starts per day, each day taken from memory when nothing it depends on has changed: the
 * schedule version, the service and channel (in `key`), the versions of the bookings of that day,
 * and — only for days the clock cannot affect (all of the day after the earliest bookable
 * instant) — nothing else. The other days are computed, in contiguous spans.
 */
function daysWithStarts(cache: BookingsCache, bookings: Bookings, query: { key: string; input: AvailabilityInput }): DayAvailability[] {
  const { input } = query;
  const window = bookingWindow(input.timeZone, input.rules, input.now, input.channel);
  const dates = datesBetween(input.from, input.to);
  const keys = dates.map((date) => {
    const day = zoneDay(input.timeZone, date);
    const start = day.pieces[0]!.start;
    if (start < window.earliest) return null;
    const signature = bookings.signature(start, day.pieces.at(-1)!.end);
    return signature === null ? null : `${query.key}|${date}|${signature}`;
  });
  const cached = keys.map((key) => (key === null ? undefined : cache.startsOf(key)));
  const days: DayAvailability[] = [];
  for (let i = 0; i < dates.length; ) {
    const known = cached[i];
    if (known) {
      days.push({ date: dates[i]!, starts: known });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < dates.length && !cached[j + 1]) j++;
    for (const [k, day] of freeStartsByDay({ ...input, from: dates[i]!, to: dates[j]! }).entries()) {
      days.push(day);
      const key = keys[i + k];
      if (key) cache.rememberStarts(key, day.starts);
    }
    i = j + 1;
  }
  return days;
}

/** The service was offered a moment ago and is not any more (changed while asking). */
function notOfferedAnyMore(): AppError {
  return invalid('serviceId', 'This service is not offered here at the moment.');
}

/** The service at the location, or a 4xx naming what is wrong. */
export async function requireOfferedService(db: Database, serviceId: string, locationId: string, actor: Requester): Promise<OfferedService> {
  const offered = isId(serviceId) && isId(locationId) ? await findOfferedService(db, serviceId, locationId) : undefined;
  if (!offered) {
    const [service, location] = await Promise.all([
      isId(serviceId) ? db.selectFrom('service').select('id').where('id', '=', serviceId).where('active', '=', true).executeTakeFirst() : undefined,
      isId(locationId) ? db.selectFrom('location').select('id').where('id', '=', locationId).where('active', '=', true).executeTakeFirst() : undefined,
    ]);
    const fieldErrors = [];
    if (!service) fieldErrors.push({ path: 'serviceId', message: 'There is no such service.' });
    if (!location) fieldErrors.push({ path: 'locationId', message: 'There is no such location.' });
    if (fieldErrors.length === 0) fieldErrors.push({ path: 'locationId', message: 'This service is not offered at this location.' });
    throw new AppError('validation_failed', fieldErrors.map((e) => e.message).join(' '), { fieldErrors });
  }
  if (actor.channel === 'online' && !offered.onlineBookable) {
    throw invalid('serviceId', 'This service cannot be booked online; the office arranges these appointments.');
  }
  return offered;
}

/** A real calendar date written YYYY-MM-DD, checked without building a Temporal object. */
export function calendarDate(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw invalid(field, `\`${field}\` must be a date like 2026-12-01.`);
  const t = Date.parse(value);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== value) throw invalid(field, `\`${field}\` is not a real calendar date.`);
  return value;
}

export function parseDate(value: string, field: string): Temporal.PlainDate {
  return Temporal.PlainDate.from(calendarDate(value, field));
}

export function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, { fieldErrors: [{ path, message }] });
}
