import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Procedures of one type decided in a period and the days from opening (the submission) to the decision. */
export type DecisionTime = { typeName: string; decided: number; medianDays: number | null; p90Days: number | null };
/** Procedures open now per type and current status. */
export type OpenProcedures = { typeName: string; statusCode: string; statusLabel: string; open: number };
/** Procedures of one type opened and closed in a period. */
export type ProcedureFlow = { typeName: string; opened: number; closed: number };

type Period = { locationId: string; from: Date; to: Date };

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/**
 * The time from submission to decision per procedure type, for procedures of files at the location
 * decided between `from` and `to`: decided is the first change into the type's status `decided`
 * (a procedure decided again after being reopened counts once, at its first decision); submission is
 * the opening of the procedure (an online application opens it when it is submitted). Median and 90th
 * percentile in days. A type without a `decided` status has no row.
 */
export async function decisionTimes(db: Database, input: Period): Promise<DecisionTime[]> {
  const { rows } = await sql<{ type_name: string; decided: number; median: number | null; p90: number | null }>`
    SELECT t.name_de AS type_name, count(*)::int AS decided,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.at - p.opened_at) / 86400) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.at - p.opened_at) / 86400) AS p90
      FROM procedure_status s
      JOIN case_procedure_status_change c ON c.status_id = s.id AND c.at >= ${input.from} AND c.at < ${input.to}
      JOIN case_procedure p ON p.id = c.procedure_id
      JOIN case_file f ON f.id = p.file_id
      JOIN procedure_type t ON t.id = s.procedure_type_id
     WHERE s.code = 'decided'
       AND f.location_id = ${input.locationId}
       AND NOT EXISTS (
         SELECT 1 FROM case_procedure_status_change e
          WHERE e.procedure_id = c.procedure_id AND e.status_id = c.status_id AND (e.at, e.id) < (c.at, c.id))
     GROUP BY t.id, t.name_de
     ORDER BY t.name_de`.execute(db);
  return rows.map((r) => ({ typeName: r.type_name, decided: r.decided, medianDays: oneDecimal(r.median), p90Days: oneDecimal(r.p90) }));
}

/** Procedures of files at the location that are open now, per type and current status (in the type's order). */
export async function openProceduresByStatus(db: Database, locationId: string): Promise<OpenProcedures[]> {
  const { rows } = await sql<{ type_name: string; status_code: string; label: string | null; open: number }>`
    SELECT t.name_de AS type_name, s.code AS status_code, x.label, count(*)::int AS open
      FROM case_procedure p
      JOIN case_file f ON f.id = p.file_id
      JOIN procedure_status s ON s.id = p.status_id
      JOIN procedure_type t ON t.id = p.procedure_type_id
      LEFT JOIN procedure_status_text x ON x.procedure_status_id = s.id AND x.lang = 'de'
     WHERE p.closed_at IS NULL AND f.location_id = ${locationId}
     GROUP BY t.name_de, s.code, s.position, x.label
     ORDER BY t.name_de, s.position`.execute(db);
  return rows.map((r) => ({ typeName: r.type_name, statusCode: r.status_code, statusLabel: r.label ?? r.status_code, open: r.open }));
}

/** Procedures of files at the location opened and closed between `from` and `to`, per type. */
export async function procedureFlow(db: Database, input: Period): Promise<ProcedureFlow[]> {
  const { rows } = await sql<{ type_name: string; opened: number; closed: number }>`
    WITH moved AS (
      SELECT p.procedure_type_id, 1 AS opened, 0 AS closed FROM case_procedure p JOIN case_file f ON f.id = p.file_id
       WHERE p.opened_at >= ${input.from} AND p.opened_at < ${input.to} AND f.location_id = ${input.locationId}
      UNION ALL
      SELECT p.procedure_type_id, 0, 1 FROM case_procedure p JOIN case_file f ON f.id = p.file_id
       WHERE p.closed_at >= ${input.from} AND p.closed_at < ${input.to} AND f.location_id = ${input.locationId}
    )
    SELECT t.name_de AS type_name, sum(opened)::int AS opened, sum(closed)::int AS closed
      FROM moved JOIN procedure_type t ON t.id = moved.procedure_type_id
     GROUP BY t.name_de
     ORDER BY t.name_de`.execute(db);
  return rows.map((r) => ({ typeName: r.type_name, opened: r.opened, closed: r.closed }));
}
