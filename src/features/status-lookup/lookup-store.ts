import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** What a look-up needs to decide: the procedure's current status and the stored (partial) date of birth. */
export type LookupCandidate = {
  procedure_id: string;
  status_id: string;
  birth_year: number | null;
  birth_month: number | null;
  birth_day: number | null;
  time_zone: string;
};

const candidate = (db: Database) =>
  db
    .selectFrom('case_procedure')
    .innerJoin('case_file', 'case_file.id', 'case_procedure.file_id')
    .innerJoin('case_person', 'case_person.id', 'case_file.person_id')
    .innerJoin('location', 'location.id', 'case_file.location_id')
    .select([
      'case_procedure.id as procedure_id',
      'case_procedure.status_id',
      'case_person.birth_year',
      'case_person.birth_month',
      'case_person.birth_day',
      'location.time_zone',
    ]);

export function procedureByNumber(db: Database, number: string): Promise<LookupCandidate | undefined> {
  return candidate(db).where('case_procedure.number', '=', number).executeTakeFirst();
}

export function procedureByCardSerial(db: Database, serial: string): Promise<LookupCandidate | undefined> {
  return candidate(db).where('case_procedure.card_serial', '=', serial).executeTakeFirst();
}

export type StatusDetails = {
  code: string;
  texts: { lang: string; label: string; next_step: string }[];
  since: Date;
  missing: { kind: string; note: string | null }[];
};

/**
 * The current status's texts (the reader's language and German), since when it holds (the first
 * change of the latest run of changes to it: a note on the same status does not move "since"),
 * and the documents still asked for. One round trip.
 */
export async function statusDetails(db: Database, procedureId: string, statusId: string, lang: string): Promise<StatusDetails | undefined> {
  const { rows } = await sql<{
    code: string;
    texts: StatusDetails['texts'];
    since: Date;
    missing: StatusDetails['missing'];
  }>`
    SELECT s.code,
      (SELECT coalesce(json_agg(json_build_object('lang', t.lang, 'label', t.label, 'next_step', t.next_step)), '[]')
         FROM procedure_status_text t WHERE t.procedure_status_id = s.id AND t.lang IN (${lang}, 'de')) AS texts,
      (SELECT min(c.at) FROM case_procedure_status_change c
        WHERE c.procedure_id = ${procedureId} AND c.status_id = s.id
          AND c.id > coalesce((SELECT max(o.id) FROM case_procedure_status_change o
                                WHERE o.procedure_id = ${procedureId} AND o.status_id <> s.id), 0)) AS since,
      (SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'note', r.note) ORDER BY r.requested_at, r.id), '[]')
         FROM procedure_document_request r WHERE r.procedure_id = ${procedureId} AND r.received_at IS NULL) AS missing
    FROM procedure_status s WHERE s.id = ${statusId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return { ...row, since: new Date(row.since) };
}
