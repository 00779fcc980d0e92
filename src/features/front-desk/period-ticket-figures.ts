import { sql } from 'kysely';
import type { Db } from './front-desk-store.ts';

export type TicketDay = { day: string; withAppointment: number; withoutAppointment: number; noShows: number; finished: number };
export type QueueHourWait = { queue: string; prefix: string; hour: number; called: number; medianMinutes: number; p90Minutes: number };

/** Visits (tickets) per office day of a location between two days (both included). */
export async function ticketsByDay(db: Db, locationId: string, from: string, to: string): Promise<TicketDay[]> {
  const rows = await sql<{ day: string; with_appointment: number; without_appointment: number; no_shows: number; finished: number }>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day,
           count(*) FILTER (WHERE appointment_id IS NOT NULL)::int AS with_appointment,
           count(*) FILTER (WHERE appointment_id IS NULL)::int AS without_appointment,
           count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
           count(*) FILTER (WHERE status = 'finished')::int AS finished
    FROM ticket WHERE location_id = ${locationId} AND day BETWEEN ${from}::date AND ${to}::date
    GROUP BY day ORDER BY day`.execute(db);
  return rows.rows.map((r) => ({
    day: r.day,
    withAppointment: r.with_appointment,
    withoutAppointment: r.without_appointment,
    noShows: r.no_shows,
    finished: r.finished,
  }));
}

/** Minutes from check-in to the first call (median, 90th percentile) per queue and local hour of check-in. */
export async function waitsByQueueAndHour(db: Db, locationId: string, from: string, to: string, timeZone: string): Promise<QueueHourWait[]> {
  const rows = await sql<{ queue: string; prefix: string; hour: number; called: number; median: number; p90: number }>`
    SELECT s.name AS queue, s.queue_prefix AS prefix,
           extract(hour FROM t.checked_in_at AT TIME ZONE ${timeZone})::int AS hour,
           count(*)::int AS called,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.called_at - t.checked_in_at) / 60) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.called_at - t.checked_in_at) / 60) AS p90
    FROM ticket t JOIN specialty s ON s.id = t.specialty_id
    WHERE t.location_id = ${locationId} AND t.day BETWEEN ${from}::date AND ${to}::date AND t.called_at IS NOT NULL
    GROUP BY s.name, s.queue_prefix, s.sort_order, hour ORDER BY s.sort_order, s.name, hour`.execute(db);
  const round = (value: number) => Math.round(Number(value) * 10) / 10;
  return rows.rows.map((r) => ({ queue: r.queue, prefix: r.prefix, hour: r.hour, called: r.called, medianMinutes: round(r.median), p90Minutes: round(r.p90) }));
}

/** Appointments whose ticket was marked no-show between two days: counted with the tickets already. */
export async function noShowTicketAppointmentsBetween(db: Db, locationId: string, from: string, to: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('ticket')
    .select('appointment_id')
    .where('location_id', '=', locationId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('status', '=', 'no_show')
    .where('appointment_id', 'is not', null)
    .execute();
  return new Set(rows.flatMap((row) => (row.appointment_id ? [row.appointment_id] : [])));
}
