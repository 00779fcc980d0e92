import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../../shared/app-error.ts';
import { authorizeChange, recordChange, type AdminDeps, type ChangeContext } from './change-context.ts';
import * as store from './hours-store.ts';
import { authorizeHoursOf } from './manage-working-hours.ts';

/** Local date and times as typed ("2026-11-23T10:00"), meant in the staff member's zone. */
export type AbsenceInput = { from: string; until: string; note: string };

async function instantsOf(deps: AdminDeps, staffId: string, input: AbsenceInput) {
  const zone = await store.staffTimeZone(deps.db, staffId);
  const toInstant = (value: string) => new Date(Temporal.PlainDateTime.from(value).toZonedDateTime(zone).epochMilliseconds);
  const from = toInstant(input.from);
  const until = toInstant(input.until);
  if (from >= until) throw new AppError('validation_failed', 'The end must be after the start.', { fieldErrors: [{ path: 'until', message: 'before start' }] });
  return { from, until };
}

/** A team lead or administrator enters a staff member's absence; what it hits is shown next (absence impact). */
export async function addAbsence(deps: AdminDeps, ctx: ChangeContext, staffId: string, input: AbsenceInput): Promise<string> {
  await authorizeHoursOf(deps, ctx, staffId);
  const { from, until } = await instantsOf(deps, staffId, input);
  return deps.db.transaction().execute(async (trx) => {
    const id = await store.insertAbsence(trx, { staffId, from, until, reason: 'absence', note: input.note });
    await recordChange(trx, deps.clock, ctx, {
      action: 'admin.absence.add',
      target: { type: 'absence', id },
      after: { staff_id: staffId, from, until, note: input.note },
    });
    return id;
  });
}

/** A clerk blocks time in the own calendar. Booked appointments in it stay booked. */
export async function blockOwnTime(deps: AdminDeps, ctx: ChangeContext, input: AbsenceInput): Promise<string> {
  const staffId = ctx.actor.staffId;
  await authorizeChange(deps, ctx, 'calendar.block_own', { staffId });
  const { from, until } = await instantsOf(deps, staffId, input);
  return deps.db.transaction().execute(async (trx) => {
    const id = await store.insertAbsence(trx, { staffId, from, until, reason: 'blocked', note: input.note });
    await recordChange(trx, deps.clock, ctx, { action: 'calendar.block', target: { type: 'absence', id }, after: { from, until, note: input.note } });
    return id;
  });
}

/** An absence with its staff member, for someone who manages that staff member's hours. */
export async function absenceForManager(deps: AdminDeps, ctx: ChangeContext, absenceId: string) {
  const absence = await store.findAbsence(deps.db, absenceId);
  if (!absence) throw new AppError('not_found', 'There is no such absence.');
  const { staff } = await authorizeHoursOf(deps, ctx, absence.staff_id);
  return { absence, staff };
}

/** A staff member's absences and blocked times overlapping [from, until), for the calendar. */
export function absencesBetween(deps: AdminDeps, staffId: string, from: Date, until: Date) {
  return store.absencesOf(deps.db, staffId, from, until);
}

export { staffTimeZone } from './hours-store.ts';
