import type { Database } from '../../db/database.ts';
import { isAppError } from '../../shared/app-error.ts';
import type { EngineDeps } from './engine-deps.ts';
import { getAvailability } from './get-availability.ts';
import { ScheduleCache } from './schedule-cache.ts';

export type ClerkSlot = { staffId: string; start: number };
export type FreeClerkSlots = { timeZone: string; durationMinutes: number; days: Map<string, ClerkSlot[]> };

/**
 * The appointments still to be had per day for a service at a location, counted as a planner
 * counts them: for each qualified clerk, the free starts of that clerk taken one after the other
 * without overlap (a start inside an earlier one's duration is the same appointment, not another).
 * Staff rules (no lead time). Undefined when the location does not offer the service.
 */
export async function freeClerkSlots(
  deps: EngineDeps,
  query: { serviceId: string; locationId: string; from: string; to: string },
): Promise<FreeClerkSlots | undefined> {
  const schedules = deps.schedules ?? new ScheduleCache(deps.clock);
  const offered = (await schedules.get(deps.db, query.locationId))?.services.get(query.serviceId);
  if (!offered) return undefined;
  const durationMs = offered.rules.durationMinutes * 60_000;
  const days = new Map<string, ClerkSlot[]>();
  for (const staffId of offered.clerkIds) {
    let availability: Awaited<ReturnType<typeof getAvailability>>;
    try {
      availability = await getAvailability({ ...deps, schedules }, { ...query, actor: { channel: 'staff', staffId }, staffId });
    } catch (error) {
      if (isAppError(error) && error.code === 'validation_failed') continue;
      throw error;
    }
    for (const day of availability.days) {
      const slots = days.get(day.date) ?? [];
      let freeFrom = Number.NEGATIVE_INFINITY;
      for (const iso of day.starts) {
        const start = Date.parse(iso);
        if (start < freeFrom) continue;
        slots.push({ staffId, start });
        freeFrom = start + durationMs;
      }
      days.set(day.date, slots);
    }
  }
  for (const slots of days.values()) slots.sort((a, b) => a.start - b.start);
  return { timeZone: offered.timeZone, durationMinutes: offered.rules.durationMinutes, days };
}

export type AppointmentOfInvitation = {
  id: string;
  code: string;
  starts_at: Date;
  status: string;
  service_id: string;
  location_id: string;
  language: string;
  rescheduled_at: Date | null;
};

/** Appointments by id as features that keep appointment ids see them (invitations: letters, reminders, figures). */
export async function appointmentsByIds(db: Database, ids: readonly string[]): Promise<AppointmentOfInvitation[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('appointment')
    .select(['id', 'code', 'starts_at', 'status', 'service_id', 'location_id', 'language', 'rescheduled_at'])
    .where('id', 'in', ids)
    .execute();
}
