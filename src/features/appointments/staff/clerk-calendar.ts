import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../../shared/app-error.ts';
import { isId } from '../../../shared/id.ts';
import {
  absencesBetween,
  auditPersonForAppointment,
  authorizeChange,
  blockOwnTime,
  recordAudit,
  staffTimeZone,
  type AbsenceInput,
  type ChangeContext,
  type StaffActor,
} from '../../staff/index.ts';
import { affectedAppointments } from '../absence-impact.ts';
import { closedPeriods, loadClosures, type ClosedPeriod } from '../closures.ts';
import { bookAndNotify, type NotifyingDeps } from '../notified-changes.ts';
import * as store from '../staff-calendar-store.ts';

type Deps = Pick<NotifyingDeps, 'db' | 'clock'>;

export type CalendarView = 'day' | 'week';
export type LocationClosure = { locationName: string; period: ClosedPeriod };

/**
 * A clerk's own day or week: appointments (time, service and code, no person), own absences and
 * blocked times, and the closures and public holidays of the clerk's locations.
 */
export async function clerkCalendar(deps: Deps, actor: StaffActor, request: { date?: string | undefined; view: CalendarView }) {
  const zone = await staffTimeZone(deps.db, actor.staffId);
  const today = Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const date = request.date ? Temporal.PlainDate.from(request.date) : today;
  const first = request.view === 'week' ? date.subtract({ days: date.dayOfWeek - 1 }) : date;
  const days = Array.from({ length: request.view === 'week' ? 7 : 1 }, (_, i) => first.add({ days: i }));
  const last = days.at(-1) ?? first;
  const from = new Date(first.toZonedDateTime({ timeZone: zone }).epochMilliseconds);
  const to = new Date(first.add({ days: days.length }).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
  const [appointments, blocks, locations] = await Promise.all([
    store.clerkAppointments(deps.db, actor.staffId, from, to),
    absencesBetween(deps, actor.staffId, from, to),
    store.locationsByIds(deps.db, actor.locationIds),
  ]);
  const closures: LocationClosure[] = [];
  for (const location of locations) {
    const rows = await loadClosures(deps.db, location.id, first.toString());
    for (const period of closedPeriods(location.federal_state, rows, first.toString(), last.toString())) closures.push({ locationName: location.name, period });
  }
  return { zone, date, days, appointments, blocks, closures };
}

/** Blocks time in the own calendar; answers how many booked appointments lie in it (they stay booked). */
export async function blockTimeInCalendar(deps: Deps, ctx: ChangeContext, input: AbsenceInput): Promise<number> {
  const absenceId = await blockOwnTime(deps, ctx, input);
  return (await affectedAppointments(deps.db, absenceId)).length;
}

/**
 * Opens one appointment with the person's data: only the clerk's own, at a location where they
 * may read persons. Every opening, and every attempt at an unknown one, is audited.
 */
export async function openOwnAppointment(deps: Deps, ctx: ChangeContext, id: string) {
  const row = isId(id) ? await store.appointmentWithPerson(deps.db, id) : undefined;
  if (!row) {
    await recordAudit(deps.db, deps.clock, {
      actor: ctx.actor,
      action: 'person.open',
      outcome: 'failed',
      screen: 'calendar appointment',
      ip: ctx.ip,
      note: `unknown id ${id.slice(0, 60)}`,
    });
    throw new AppError('not_found', 'There is no such appointment.');
  }
  // Another clerk's record is refused and audited.
  await authorizeChange(deps, ctx, 'calendar.read_own', { staffId: row.staff_id });
  await authorizeChange(deps, ctx, 'person.read', { locationId: row.location_id });
  const personId = await auditPersonForAppointment(deps.db, row);
  await recordAudit(deps.db, deps.clock, {
    actor: ctx.actor,
    action: 'person.open',
    target: { type: 'appointment', id: row.id },
    personId,
    screen: 'calendar appointment',
    ip: ctx.ip,
  });
  return row;
}

/** What the booking form offers: services the clerk is qualified for, at the clerk's locations. */
export async function ownBookingChoices(deps: Deps, actor: StaffActor) {
  const [services, locations] = await Promise.all([store.bookableServices(deps.db, actor.staffId), store.locationsByIds(deps.db, actor.locationIds)]);
  return { services, locations };
}

export type OwnBooking = {
  serviceId: string;
  locationId: string;
  /** Local date and time at the location ("2026-11-23T10:00"). */
  start: string;
  name: string;
  dateOfBirth: string;
  email: string;
  phone?: string | undefined;
  language: string;
};

/**
 * A clerk books a person into own hours (e.g. someone on the phone). The person gets the same
 * confirmation (with the change/cancel link) as after booking online.
 */
export async function bookIntoOwnHours(deps: NotifyingDeps, ctx: ChangeContext, booking: OwnBooking): Promise<string> {
  const staffId = ctx.actor.staffId;
  await authorizeChange(deps, ctx, 'calendar.book_own', { locationId: booking.locationId, staffId });
  const [location] = await store.locationsByIds(deps.db, [booking.locationId]);
  if (!location) throw new AppError('not_found', 'There is no such location.');
  const start = Temporal.PlainDateTime.from(booking.start).toZonedDateTime(location.time_zone).toString({ timeZoneName: 'never' });
  const result = await bookAndNotify(deps, {
    serviceId: booking.serviceId,
    locationId: booking.locationId,
    start,
    person: { name: booking.name, dateOfBirth: booking.dateOfBirth, email: booking.email, phone: booking.phone || null, language: booking.language },
    actor: { channel: 'staff', staffId },
    staffId,
  });
  const personId = await auditPersonForAppointment(deps.db, { id: result.appointment.id, person_name: booking.name, date_of_birth: booking.dateOfBirth });
  await recordAudit(deps.db, deps.clock, {
    actor: ctx.actor,
    action: 'appointment.book_own_hours',
    target: { type: 'appointment', id: result.appointment.id },
    personId,
    screen: 'calendar book',
    ip: ctx.ip,
  });
  return result.appointment.id;
}
