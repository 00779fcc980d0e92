import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import { closedInterval, closedPeriods, loadClosures, type ClosedPeriod } from '../../appointments/index.ts';
import { recordAudit } from '../audit.ts';
import { authorize } from '../policy.ts';
import type { StaffActor } from '../roles.ts';
import type { AffectedAppointment } from './absence-impact.ts';

/** How far ahead the closure page looks for holidays, closures and the appointments they hit. */
export const closureHorizonDays = 366;

export type ClosureLocation = { id: string; name: string; time_zone: string; federal_state: string | null };

/** Closures are written by whoever manages hours at the location: administrators, and its team leads. */
export async function closureLocation(db: Database, actor: StaffActor, locationId: string): Promise<ClosureLocation> {
  const location = await db.selectFrom('location').select(['id', 'name', 'time_zone', 'federal_state']).where('id', '=', locationId).executeTakeFirst();
  if (!location) throw new AppError('not_found', 'There is no such location.');
  authorize(actor, 'hours.manage', { locationId });
  return location;
}

export type ClosureInput = {
  locationId: string;
  day: string;
  starts: string | null;
  ends: string | null;
  reason: string;
  screen: string;
  ip?: string | undefined;
};

/** A whole day (no times), or from `starts` to `ends` ("24:00" or none: to the end of the day). */
export async function addClosure(deps: { db: Database; clock: Clock }, actor: StaffActor, input: ClosureInput): Promise<string> {
  await closureLocation(deps.db, actor, input.locationId);
  const starts = input.starts ?? (input.ends !== null ? '00:00' : null);
  const ends = starts === null ? null : (input.ends ?? '24:00');
  if (starts !== null && ends !== null && starts >= ends) {
    throw new AppError('validation_failed', 'The closure must end after it starts.', { fieldErrors: [{ path: 'ends', message: 'not after start' }] });
  }
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('location_closure')
      .values({ location_id: input.locationId, day: input.day, starts, ends, reason: input.reason, created_by: actor.staffId, created_at: deps.clock.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'admin.location_closure.add',
      target: { type: 'location_closure', id: row.id },
      after: row,
      screen: input.screen,
      ip: input.ip,
    });
    return row.id;
  });
}

export async function deleteClosure(
  deps: { db: Database; clock: Clock },
  actor: StaffActor,
  input: { locationId: string; closureId: string; screen: string; ip?: string | undefined },
): Promise<void> {
  await closureLocation(deps.db, actor, input.locationId);
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom('location_closure')
      .where('id', '=', input.closureId)
      .where('location_id', '=', input.locationId)
      .returningAll()
      .executeTakeFirst();
    if (!before) throw new AppError('not_found', 'This closure does not exist (any more).');
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'admin.location_closure.delete',
      target: { type: 'location_closure', id: before.id },
      before,
      screen: input.screen,
      ip: input.ip,
    });
  });
}

/** The location's local date today. */
export function todayAt(clock: Clock, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(clock.now().getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Holidays and closures from today on, within the horizon. */
export async function upcomingClosedPeriods(db: Database, clock: Clock, location: ClosureLocation, days = closureHorizonDays): Promise<ClosedPeriod[]> {
  const today = todayAt(clock, location.time_zone);
  const until = Temporal.PlainDate.from(today).add({ days }).toString();
  return closedPeriods(location.federal_state, await loadClosures(db, location.id, today), today, until);
}

export type ClosureImpact = { period: ClosedPeriod; appointments: AffectedAppointment[] };

/**
 * Booked appointments at the location that fall into an upcoming holiday or closure: booked
 * before the closure was entered, or before the location got its federal state.
 */
export async function closureImpact(db: Database, clock: Clock, location: ClosureLocation): Promise<ClosureImpact[]> {
  const periods = await upcomingClosedPeriods(db, clock, location);
  if (periods.length === 0) return [];
  const spans = periods.map((period) => ({ period, ...closedInterval(location.time_zone, period) }));
  const booked = await db
    .selectFrom('appointment')
    .innerJoin('location', 'location.id', 'appointment.location_id')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
    .select([
      'appointment.id',
      'appointment.code',
      'appointment.starts_at',
      'appointment.ends_at',
      'appointment.person_name',
      'appointment.service_id',
      'appointment.location_id',
      'location.time_zone',
      'service_text.name as service_name',
    ])
    .where('appointment.location_id', '=', location.id)
    .where('appointment.status', '=', 'booked')
    .where('appointment.personal_data_erased_at', 'is', null)
    .where('appointment.ends_at', '>', new Date(Math.max(clock.now().getTime(), spans[0]!.start)))
    .where('appointment.starts_at', '<', new Date(Math.max(...spans.map((s) => s.end))))
    .orderBy('appointment.starts_at')
    .execute();
  const impact: ClosureImpact[] = [];
  for (const span of spans) {
    const appointments = booked
      .filter((a) => a.starts_at.getTime() < span.end && a.ends_at.getTime() > span.start)
      .map((a) => ({ ...a, service_name: a.service_name ?? '' }));
    if (appointments.length > 0) impact.push({ period: span.period, appointments });
  }
  return impact;
}

/** Whether the appointment is (still) booked into one of the location's upcoming closed times. */
export async function isHitByClosure(db: Database, clock: Clock, location: ClosureLocation, appointmentId: string): Promise<boolean> {
  return (await closureImpact(db, clock, location)).some((i) => i.appointments.some((a) => a.id === appointmentId));
}
