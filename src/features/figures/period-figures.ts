import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { officeDay, officeDayBounds } from '../../shared/office-day.ts';
import { applicationsPerFormAndWeek, type ApplicationWeek } from '../applications/index.ts';
import { missedAppointmentsBetween } from '../appointments/index.ts';
import { decisionTimes, openProceduresByStatus, procedureFlow, type DecisionTime, type OpenProcedures, type ProcedureFlow } from '../case-files/index.ts';
import { feesByItemAndMethod } from '../fees/index.ts';
import { invitationFigures, type InvitationFigures } from '../invitations/index.ts';
import { noShowTicketAppointmentsBetween, permitFrontDeskAction, ticketsByDay, waitsByQueueAndHour, type QueueHourWait } from '../front-desk/index.ts';
import { messageFigures, type MessageWeek } from '../messages/index.ts';
import { findLocationById } from '../office/index.ts';
import type { StaffActor } from '../staff/index.ts';
import { waitingListFigures, type WaitingListFigures } from '../waiting-list/index.ts';
import { lookupsAndCalls, noticesInPeriod, type LookupDay, type NoticeFigure } from '../status-lookup/index.ts';

export type FiguresDeps = { db: Database; clock: Clock };

export type VisitDay = { day: string; withAppointment: number; withoutAppointment: number; share: number | null; noShows: number; finished: number };
export type FeeFigure = { itemCode: string; itemName: string; method: string; count: number; cents: number };

export type PeriodFigures = {
  location: { id: string; name: string; timeZone: string };
  from: string;
  to: string;
  days: VisitDay[];
  waits: QueueHourWait[];
  fees: FeeFigure[];
  /** Per service: who waits now, offers made in the period and how they ended. */
  waitingList: WaitingListFigures[];
  /** Messages from the portal per week of receipt, with the time to their answer. */
  messages: MessageWeek[];
  /** Invitations whose letters went out in the period, and what became of them. */
  invitations: InvitationFigures;
  /** Status look-ups of the whole office per day beside the office's own count of calls (the evidence that calls went down). */
  lookups: LookupDay[];
  /** Online applications submitted in the period per form and ISO week. */
  applications: ApplicationWeek[];
  /** Per procedure type: procedures decided in the period and the days from submission to decision. */
  decisions: DecisionTime[];
  /** Procedures open now per type and status, and per type those opened and closed in the period. */
  procedures: { open: OpenProcedures[]; flow: ProcedureFlow[] };
  /** Status notices handled in the period per procedure type and status (mailed; no address). */
  notices: NoticeFigure[];
  totals: { withAppointment: number; withoutAppointment: number; share: number | null; noShows: number; finished: number; feesCents: number };
};

/** The longest period one page shows (a year: the figures an office reports yearly). */
export const longestPeriodDays = 366;
/** Without a choice: the last four weeks up to today. */
export const defaultPeriodDays = 28;

/**
 * The office's figures over a period of days at one location: visits by appointment and walk-in
 * per day with the share by appointment, no-shows (tickets marked so, and booked appointments
 * nobody came to), waiting times per queue and hour of check-in, and fees by item and method.
 * Counts only, no personal data: every staff member of the location may see them.
 */
export async function periodFigures(
  deps: FiguresDeps,
  actor: StaffActor,
  input: { locationId: string; from?: string | undefined; to?: string | undefined },
): Promise<PeriodFigures> {
  const location = await findLocationById(deps, input.locationId);
  if (!location) throw new AppError('not_found', 'There is no such location.');
  permitFrontDeskAction(actor, 'figures', location.id);
  const now = deps.clock.now();
  const to = input.to ?? officeDay(now, location.timeZone);
  const from =
    input.from ??
    Temporal.PlainDate.from(to)
      .subtract({ days: defaultPeriodDays - 1 })
      .toString();
  const length = Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days + 1;
  if (length < 1)
    throw new AppError('validation_failed', 'The period must end on or after its first day.', { fieldErrors: [{ path: 'to', message: 'before from' }] });
  if (length > longestPeriodDays)
    throw new AppError('validation_failed', `A period is at most ${longestPeriodDays} days long.`, { fieldErrors: [{ path: 'from', message: 'too long' }] });

  const start = officeDayBounds(from, location.timeZone).start;
  const end = officeDayBounds(to, location.timeZone).end;
  const period = { locationId: location.id, from: start, to: end };
  const [tickets, waits, fees, missed, counted, waitingList, messages, invitations, lookups, applications, decisions, open, flow, notices] = await Promise.all([
    ticketsByDay(deps.db, location.id, from, to),
    waitsByQueueAndHour(deps.db, location.id, from, to, location.timeZone),
    feesByItemAndMethod(deps.db, location.id, start, end),
    missedAppointmentsBetween(deps.db, { locationId: location.id, from: start, to: end, now, timeZone: location.timeZone }),
    noShowTicketAppointmentsBetween(deps.db, location.id, from, to),
    waitingListFigures(deps.db, location.id, { start, end }),
    messageFigures(deps.db, { locationId: location.id, from: start, to: end, timeZone: location.timeZone }),
    invitationFigures(deps.db, { locationId: location.id, from: start, to: end }),
    lookupsAndCalls(deps.db, from, to),
    applicationsPerFormAndWeek(deps.db, { ...period, timeZone: location.timeZone }),
    decisionTimes(deps.db, period),
    openProceduresByStatus(deps.db, location.id),
    procedureFlow(deps.db, period),
    noticesInPeriod(deps.db, period),
  ]);
  const missedByDay = new Map<string, number>();
  for (const appointment of missed) if (!counted.has(appointment.id)) missedByDay.set(appointment.day, (missedByDay.get(appointment.day) ?? 0) + 1);
  const byDay = new Map(tickets.map((t) => [t.day, t]));
  const days: VisitDay[] = [];
  for (let day = Temporal.PlainDate.from(from), i = 0; i < length; i++, day = day.add({ days: 1 })) {
    const key = day.toString();
    const t = byDay.get(key) ?? { withAppointment: 0, withoutAppointment: 0, noShows: 0, finished: 0 };
    const visits = t.withAppointment + t.withoutAppointment;
    days.push({
      day: key,
      withAppointment: t.withAppointment,
      withoutAppointment: t.withoutAppointment,
      share: visits === 0 ? null : t.withAppointment / visits,
      noShows: t.noShows + (missedByDay.get(key) ?? 0),
      finished: t.finished,
    });
  }
  const sum = (pick: (d: VisitDay) => number) => days.reduce((total, d) => total + pick(d), 0);
  const withAppointment = sum((d) => d.withAppointment);
  const withoutAppointment = sum((d) => d.withoutAppointment);
  return {
    location: { id: location.id, name: location.name, timeZone: location.timeZone },
    from,
    to,
    days,
    waits,
    fees,
    waitingList,
    messages,
    invitations,
    lookups,
    applications,
    decisions,
    procedures: { open, flow },
    notices,
    totals: {
      withAppointment,
      withoutAppointment,
      share: withAppointment + withoutAppointment === 0 ? null : withAppointment / (withAppointment + withoutAppointment),
      noShows: sum((d) => d.noShows),
      finished: sum((d) => d.finished),
      feesCents: fees.reduce((total, f) => total + f.cents, 0),
    },
  };
}
