import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { officeDay } from '../../shared/office-day.ts';
import { validateInput } from '../case-files/index.ts';
import { authorize, type ChangeContext, recordAudit } from '../staff/index.ts';

export type LookupDay = { day: string; lookups: number; found: number; calls: number | null };

/**
 * Status look-ups per day (portal and API, found or not) beside the office's own count of calls
 * that day (null: not entered), for every day from `from` to `to`.
 */
export async function lookupsAndCalls(db: Database, from: string, to: string): Promise<LookupDay[]> {
  const [lookups, calls] = await Promise.all([
    db
      .selectFrom('status_lookup_day')
      .select(['day', (eb) => eb.fn.sum<string>('lookups').as('lookups'), (eb) => eb.fn.sum<string>('found').as('found')])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('day')
      .execute(),
    db.selectFrom('office_call_day').select(['day', 'calls']).where('day', '>=', from).where('day', '<=', to).execute(),
  ]);
  const key = (day: string | Date) =>
    typeof day === 'string' ? day.slice(0, 10) : Temporal.Instant.fromEpochMilliseconds(day.getTime()).toString().slice(0, 10);
  const lookupsByDay = new Map(lookups.map((l) => [key(l.day), l]));
  const callsByDay = new Map(calls.map((c) => [key(c.day), c.calls]));
  const days: LookupDay[] = [];
  for (let day = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(day, Temporal.PlainDate.from(to)) <= 0; day = day.add({ days: 1 })) {
    const d = day.toString();
    const l = lookupsByDay.get(d);
    days.push({ day: d, lookups: Number(l?.lookups ?? 0), found: Number(l?.found ?? 0), calls: callsByDay.get(d) ?? null });
  }
  return days;
}

/** How many notices went out per procedure type and status (sent ones; without address counted apart). */
export async function noticesByStatus(db: Database) {
  const { rows } = await sql<{ type_name: string; status_code: string; label: string | null; sent: number; no_address: number }>`
    SELECT t.name_de AS type_name, s.code AS status_code, x.label,
           count(*) FILTER (WHERE n.outcome = 'sent')::int AS sent,
           count(*) FILTER (WHERE n.outcome = 'no_address')::int AS no_address
      FROM procedure_notice n
      JOIN procedure_status s ON s.id = n.status_id
      JOIN procedure_type t ON t.id = s.procedure_type_id
      LEFT JOIN procedure_status_text x ON x.procedure_status_id = s.id AND x.lang = 'de'
     GROUP BY t.name_de, s.code, s.position, x.label
     ORDER BY t.name_de, s.position`.execute(db);
  return rows;
}

/** Status notices of one procedure type and status handled in a period: mailed, or not for want of an address. */
export type NoticeFigure = { typeName: string; statusCode: string; statusLabel: string; sent: number; noAddress: number };

/**
 * Notices handled by the delivery between `from` and `to` for procedures of files at the location,
 * per procedure type and status (in the type's order). A notice of a procedure erased since has no
 * location any more and is left out (the administrators' page counts it for the whole office).
 */
export async function noticesInPeriod(db: Database, input: { locationId: string; from: Date; to: Date }): Promise<NoticeFigure[]> {
  const { rows } = await sql<{ type_name: string; status_code: string; label: string | null; sent: number; no_address: number }>`
    SELECT t.name_de AS type_name, s.code AS status_code, x.label,
           count(*) FILTER (WHERE n.outcome = 'sent')::int AS sent,
           count(*) FILTER (WHERE n.outcome = 'no_address')::int AS no_address
      FROM procedure_notice n
      JOIN case_procedure p ON p.id = n.procedure_id
      JOIN case_file f ON f.id = p.file_id
      JOIN procedure_status s ON s.id = n.status_id
      JOIN procedure_type t ON t.id = s.procedure_type_id
      LEFT JOIN procedure_status_text x ON x.procedure_status_id = s.id AND x.lang = 'de'
     WHERE n.done_at >= ${input.from} AND n.done_at < ${input.to} AND n.outcome IN ('sent', 'no_address')
       AND f.location_id = ${input.locationId}
     GROUP BY t.name_de, s.code, s.position, x.label
     ORDER BY t.name_de, s.position`.execute(db);
  return rows.map((r) => ({ typeName: r.type_name, statusCode: r.status_code, statusLabel: r.label ?? r.status_code, sent: r.sent, noAddress: r.no_address }));
}

/** The first day calls can be entered for. */
export const earliestCallDay = '2000-01-01';

const callsSchema = z.object({
  day: z.iso.date('Tag als JJJJ-MM-TT / day as YYYY-MM-DD'),
  calls: z.coerce.number('Zahl der Anrufe / number of calls').int('ganze Zahl / whole number').min(0, 'nicht negativ / not negative').max(1_000_000),
});

/**
 * An administrator enters the office's count of calls on a day (entering it again replaces it, two
 * at once: the last one stays); audited. A day after today (in the office's zone) is refused: its
 * calls cannot have been counted yet; so is a day before 2000.
 */
export async function recordCallCount(deps: { db: Database; clock: Clock; timeZone: string }, ctx: ChangeContext, input: unknown): Promise<void> {
  authorize(ctx.actor, 'office.manage');
  const { day, calls } = validateInput(callsSchema, input);
  // A typo such as 0202 would otherwise reach PostgreSQL (year 0 does not exist there: a 500).
  if (day < earliestCallDay)
    throw new AppError('validation_failed', `Der Tag liegt vor dem ${earliestCallDay}. / The day is before ${earliestCallDay}.`, {
      fieldErrors: [{ path: 'day', message: 'zu früh / too early' }],
    });
  if (day > officeDay(deps.clock.now(), deps.timeZone))
    throw new AppError('validation_failed', 'Der Tag liegt in der Zukunft. / The day is in the future.', {
      fieldErrors: [{ path: 'day', message: 'in der Zukunft / in the future' }],
    });
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('office_call_day')
      .values({ day, calls, entered_by_staff_id: ctx.actor.staffId, updated_at: deps.clock.now() })
      .onConflict((oc) => oc.column('day').doUpdateSet({ calls, entered_by_staff_id: ctx.actor.staffId, updated_at: deps.clock.now() }))
      .execute();
    await recordAudit(trx, deps.clock, {
      actor: ctx.actor,
      action: 'admin.office_calls.save',
      target: { type: 'office_call_day', id: day },
      after: { calls },
      screen: ctx.screen,
      ip: ctx.ip,
    });
  });
}
