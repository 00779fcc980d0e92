import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/database.ts';

export type DocumentHit = {
  document_id: string;
  file_id: string;
  person_id: string;
  title: string;
  category: string;
  received_on: string | null;
  reference: string;
  family_name: string;
  given_names: string;
  birth_year: number | null;
  birth_month: number | null;
  birth_day: number | null;
  snippet: string;
};

/** Marks around the matched words in a snippet: control characters never found in stored text. */
export const highlightStart = '\u0002';
export const highlightStop = '\u0003';

/**
 * Ranking reads every candidate's search vector; a word found in tens of thousands of documents
 * ("Antrag") would read them all. Beyond this many matches only the newest are ranked.
 */
export const rankedAtMost = 200;

/**
 * How far back the walk over the newest documents goes before the matches count as sparse: it
 * reads at most this many index entries and rows (newest first, so mostly the same few pages).
 */
export const walkedAtMost = 10_000;

/**
 * Documents of files in the locations whose title or text matches (German stemming, web search
 * syntax: "quoted phrase", -not, or), best first. A cheap probe first counts the matches up to
 * rankedAtMost + 1: up to that, all are ranked. Beyond, only the newest are ranked: the newest
 * walkedAtMost documents are walked (index case_document_newest) until rankedAtMost matches are
 * found. Should the walk find less than a page, the matches are sparse among many documents (two
 * frequent words seldom found together): then they are taken from the index's bitmap instead
 * and the newest rankedAtMost of them ranked. The snippet is cut only for the page of hits.
 */
export async function findDocuments(db: Database, query: string, locationIds: readonly string[], limit: number): Promise<DocumentHit[]> {
  if (locationIds.length === 0) return [];
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM case_document d JOIN case_file f ON f.id = d.file_id
      WHERE d.search_vector @@ websearch_to_tsquery('german', ${query}) AND f.location_id = ANY(${[...locationIds]}::uuid[])
      LIMIT ${rankedAtMost + 1}) m`.execute(db);
  if ((rows[0]?.n ?? 0) <= rankedAtMost) return (await documentSearchQuery(query, locationIds, limit, 'all').execute(db)).rows;
  const walked = (await documentSearchQuery(query, locationIds, limit, 'newest').execute(db)).rows;
  if (walked.length >= limit) return walked;
  return (await documentSearchQuery(query, locationIds, limit, 'sparse').execute(db)).rows;
}

/** The statement that ranks and cuts snippets (the benchmark runs it bare, too). */
export function documentSearchQuery(
  query: string,
  locationIds: readonly string[],
  limit: number,
  candidates: 'all' | 'newest' | 'sparse',
): RawBuilder<DocumentHit> {
  const options = `StartSel=${highlightStart}, StopSel=${highlightStop}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;
  const newest = sql`ORDER BY d.created_at DESC, d.id DESC LIMIT ${rankedAtMost}`;
  // The walk: the newest documents first, the filter after the LIMIT so it never reads further.
  const documents =
    candidates === 'newest' ? sql`(SELECT * FROM case_document ORDER BY created_at DESC, id DESC LIMIT ${walkedAtMost}) d` : sql`case_document d`;
  // Sparse: from the bitmap of all matches; the sort key is an expression so that the planner
  // cannot choose the walk over case_document_newest again.
  const order = { all: sql``, newest, sparse: sql`ORDER BY d.created_at + interval '0 seconds' DESC, d.id DESC LIMIT ${rankedAtMost}` }[candidates];
  return sql<DocumentHit>`
    WITH q AS (SELECT websearch_to_tsquery('german', ${query}) AS query),
    candidates AS (
      -- The query spelled out (not q.query): the planner then estimates with the words' statistics.
      SELECT d.id, d.file_id, d.title, d.category, d.received_on, d.current_version, d.search_vector
      FROM ${documents}
      JOIN case_file f ON f.id = d.file_id
      WHERE d.search_vector @@ websearch_to_tsquery('german', ${query}) AND f.location_id = ANY(${[...locationIds]}::uuid[])
      ${order}
    ),
    hits AS (
      SELECT c.*, ts_rank_cd(c.search_vector, q.query) AS rank FROM candidates c CROSS JOIN q
      ORDER BY rank DESC, c.id
      LIMIT ${limit}
    )
    SELECT h.id AS document_id, h.file_id, f.person_id, h.title, h.category, h.received_on::text AS received_on, f.reference,
      p.family_name, p.given_names, p.birth_year, p.birth_month, p.birth_day,
      ts_headline('german', coalesce(v.extracted_text, h.title), q.query, ${options}) AS snippet
    FROM hits h CROSS JOIN q
    JOIN case_file f ON f.id = h.file_id
    JOIN case_person p ON p.id = f.person_id
    LEFT JOIN case_document_version v ON v.document_id = h.id AND v.number = h.current_version
    ORDER BY h.rank DESC, h.id
  `;
}
