import { sql } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { permitFrontDeskAction, type StaffActor } from './actors.ts';
import { findLocationById, type Db } from './front-desk-store.ts';
import { officeDay, officeDayBounds } from '../../shared/office-day.ts';

export type DayFigures = {
  day: string;
  waitingNow: { queue: string; prefix: string; count: number }[];
  /** Minutes from check-in to the first call, over tickets called today. */
  waitMedianMinutes: number | null;
  waitP90Minutes: number | null;
  visitsWithAppointment: number;
  visitsWithoutAppointment: number;
  /** Share of visits by appointment, 0–1 (the seed office aims at 0.85). */
  appointmentShare: number | null;
  noShows: number;
  finished: number;
};

export const appointmentShareGoal = 0.85;

export async function dayFigures(deps: { db: Db; clock: Clock }, actor: StaffActor, locationId: string): Promise<DayFigures> {
  permitFrontDeskAction(actor, 'figures', locationId);
  const location = await findLocationById(deps.db, locationId);
  const day = officeDay(deps.clock.now(), location.time_zone);
  const waiting = await sql<{ queue: string; prefix: string; count: number }>`
    SELECT s.name AS queue, s.queue_prefix AS prefix, count(*)::int AS count
    FROM ticket t JOIN specialty s ON s.id = t.specialty_id
    WHERE t.location_id = ${location.id} AND t.day = ${day} AND t.status = 'waiting'
    GROUP BY s.name, s.queue_prefix, s.sort_order ORDER BY s.sort_order, s.name`.execute(deps.db);
  const waits = await sql<{ median: number | null; p90: number | null }>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - checked_in_at) / 60) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - checked_in_at) / 60) AS p90
    FROM ticket WHERE location_id = ${location.id} AND day = ${day} AND called_at IS NOT NULL`.execute(deps.db);
  const visits = await sql<{ with_appointment: number; without_appointment: number; ticket_no_shows: number; finished: number }>`
    SELECT count(*) FILTER (WHERE appointment_id IS NOT NULL)::int AS with_appointment,
           count(*) FILTER (WHERE appointment_id IS NULL)::int AS without_appointment,
           count(*) FILTER (WHERE status = 'no_show')::int AS ticket_no_shows,
           count(*) FILTER (WHERE status = 'finished')::int AS finished
    FROM ticket WHERE location_id = ${location.id} AND day = ${day}`.execute(deps.db);
  // Booked appointments whose check-in window has long passed without a check-in also count as no-shows.
  const { start, end } = officeDayBounds(day, location.time_zone);
  const missed = await deps.db
    .selectFrom('appointment')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('location_id', '=', location.id)
    .where('starts_at', '>=', start)
    .where('starts_at', '<', end)
    .where((eb) => eb.or([eb('status', '=', 'no_show'), eb.and([eb('status', '=', 'booked'), eb('ends_at', '<', deps.clock.now())])]))
    .where(
      'id',
      'not in',
      deps.db
        .selectFrom('ticket')
        .select('appointment_id')
        .where('appointment_id', 'is not', null)
        .where('status', '=', 'no_show')
        .$narrowType<{ appointment_id: string }>(),
    )
    .executeTakeFirstOrThrow();
  const v = visits.rows[0] ?? { with_appointment: 0, without_appointment: 0, ticket_no_shows: 0, finished: 0 };
  const total = v.with_appointment + v.without_appointment;
  const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
  return {
    day,
    waitingNow: waiting.rows,
    waitMedianMinutes: round(waits.rows[0]?.median),
    waitP90Minutes: round(waits.rows[0]?.p90),
    visitsWithAppointment: v.with_appointment,
    visitsWithoutAppointment: v.without_appointment,
    appointmentShare: total === 0 ? null : v.with_appointment / total,
    noShows: v.ticket_no_shows + Number(missed.count),
    finished: v.finished,
  };
}
