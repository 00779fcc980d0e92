import { AppError } from '../../../shared/app-error.ts';
import { can } from '../policy.ts';
import type { StaffActor } from '../roles.ts';
import { authorizeChange, recordChange, rethrowAs, type AdminDeps, type ChangeContext } from './change-context.ts';
import * as store from './hours-store.ts';

const datesDoNotFit = rethrowAs('23514', 'These dates or times do not fit together.');

/**
 * Team leads manage only staff who share one of their locations: allowed when the actor may
 * manage hours at any of the staff member's locations.
 */
export async function authorizeHoursOf(deps: AdminDeps, ctx: ChangeContext, staffId: string) {
  const staff = await store.findStaff(deps.db, staffId);
  if (!staff) throw new AppError('not_found', 'There is no such staff member.');
  const locationIds = await store.staffLocationIds(deps.db, staffId);
  const allowedAt = locationIds.find((id) => can(ctx.actor, 'hours.manage', { locationId: id }));
  await authorizeChange(deps, ctx, 'hours.manage', { locationId: allowedAt ?? locationIds[0] ?? null });
  return { staff, locationIds };
}

/** The staff whose hours the actor may see: everybody for an administrator, else those at the actor's locations. */
export function staffWithHours(deps: AdminDeps, actor: StaffActor) {
  return store.listStaffWithHours(deps.db, actor.role === 'admin' ? 'all' : actor.locationIds);
}

/** One staff member's weekly hours, day exceptions and coming absences, with their locations. */
export async function hoursOverview(deps: AdminDeps, ctx: ChangeContext, staffId: string) {
  const { staff, locationIds } = await authorizeHoursOf(deps, ctx, staffId);
  const [zone, template, overrides, absences, locations] = await Promise.all([
    store.staffTimeZone(deps.db, staffId),
    store.weeklyHours(deps.db, staffId),
    store.dayOverrides(deps.db, staffId),
    store.absencesOf(deps.db, staffId, deps.clock.now()),
    store.locationNames(deps.db, locationIds),
  ]);
  return { staff, zone, template, overrides, absences, locations };
}

export type HoursInput = { locationId: string; starts: string; ends: string };

/** Checks the range and the location, and authorizes by the location the hours are at. */
async function authorizeHoursAt(deps: AdminDeps, ctx: ChangeContext, staffId: string, input: HoursInput) {
  const { locationIds } = await authorizeHoursOf(deps, ctx, staffId);
  if (input.starts >= input.ends)
    throw new AppError('validation_failed', 'The end must be after the start.', { fieldErrors: [{ path: 'ends', message: 'not after start' }] });
  if (!locationIds.includes(input.locationId)) throw new AppError('validation_failed', 'The staff member does not work at this location.');
  // Not by any location the clerk shares with the actor.
  await authorizeChange(deps, ctx, 'hours.manage', { locationId: input.locationId });
}

export async function addWeeklyHours(
  deps: AdminDeps,
  ctx: ChangeContext,
  staffId: string,
  input: HoursInput & { weekday: number; validFrom?: string | undefined; validUntil?: string | undefined },
): Promise<void> {
  await authorizeHoursAt(deps, ctx, staffId, input);
  await deps.db
    .transaction()
    .execute(async (trx) => {
      const row = await store.insertWorkingHours(trx, {
        staff_id: staffId,
        location_id: input.locationId,
        weekday: input.weekday,
        starts: input.starts,
        ends: input.ends,
        valid_from: input.validFrom ?? null,
        valid_until: input.validUntil ?? null,
      });
      await recordChange(trx, deps.clock, ctx, { action: 'admin.working_hours.add', target: { type: 'working_hours', id: row.id }, after: row });
    })
    .catch(datesDoNotFit);
}

export async function addDayOverride(deps: AdminDeps, ctx: ChangeContext, staffId: string, input: HoursInput & { day: string }): Promise<void> {
  await authorizeHoursAt(deps, ctx, staffId, input);
  await deps.db
    .transaction()
    .execute(async (trx) => {
      const row = await store.insertDayOverride(trx, {
        staff_id: staffId,
        location_id: input.locationId,
        day: input.day,
        starts: input.starts,
        ends: input.ends,
      });
      await recordChange(trx, deps.clock, ctx, { action: 'admin.working_day_override.add', target: { type: 'working_day_override', id: row.id }, after: row });
    })
    .catch(datesDoNotFit);
}

export async function deleteHoursEntry(deps: AdminDeps, ctx: ChangeContext, staffId: string, table: store.HoursTable, id: string): Promise<void> {
  await authorizeHoursOf(deps, ctx, staffId);
  const entry = await store.hoursEntryLocation(deps.db, table, id, staffId);
  if (entry) await authorizeChange(deps, ctx, 'hours.manage', { locationId: entry.location_id });
  await deps.db.transaction().execute(async (trx) => {
    const before = await store.deleteHoursEntry(trx, table, id, staffId);
    if (!before) throw new AppError('not_found', 'This entry does not exist (any more).');
    await recordChange(trx, deps.clock, ctx, { action: `admin.${table}.delete`, target: { type: table, id }, before });
  });
}
