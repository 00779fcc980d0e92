import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { NameKeys } from '../name-keys.ts';
import type { PersonTerm } from './person-query.ts';

export type PersonHit = {
  person_id: string;
  file_id: string;
  family_name: string;
  given_names: string;
  birth_year: number | null;
  birth_month: number | null;
  birth_day: number | null;
  nationalities: string[];
  reference: string;
  location_name: string;
};

/**
 * Persons whose file lies in one of the locations and who match every term, best first. Each
 * term is a set of (person, score) found through an index of its own (names: text_pattern_ops
 * prefix on normalized and skeleton, trigram for words inside a name and for typos; dates,
 * AZR, e-mail, file reference, card serial: their indexes); the sets are intersected.
 */
export async function findPersons(db: Database, terms: readonly PersonTerm[], locationIds: readonly string[], limit: number): Promise<PersonHit[]> {
  if (terms.length === 0 || locationIds.length === 0) return [];
  return (await personSearchQuery(terms, locationIds, limit).execute(db)).rows;
}

/**
 * The one statement of a person search (the benchmark runs it bare, too). The candidates are
 * ranked and cut to the page before the person rows are read: three letters typed can match
 * thousands of persons, and reading each of them only to sort by name cost most of the time.
 * Within a score, the name that matched orders the list (sort_key); without a name term the
 * page is cut by person id and ordered by name.
 */
export function personSearchQuery(terms: readonly PersonTerm[], locationIds: readonly string[], limit: number): RawBuilder<PersonHit> {
  const ctes = terms.map((term, index) => sql`${sql.raw(`t${index}`)} AS (${termQuery(term)})`);
  const joins = terms.slice(1).map((_, index) => sql.raw(`JOIN t${index + 1} ON t${index + 1}.person_id = t0.person_id`));
  const score = sql.raw(terms.map((_, index) => `t${index}.score`).join(' + '));
  const sortKey = sql.raw(`least(${terms.map((_, index) => `t${index}.sort_key`).join(', ')})`);
  return sql<PersonHit>`
    WITH ${sql.join(ctes, sql`, `)},
    page AS (
      SELECT t0.person_id, f.id AS file_id, f.reference, f.location_id, ${score} AS score, ${sortKey} AS sort_key
      FROM t0 ${sql.join(joins, sql` `)}
      JOIN case_file f ON f.person_id = t0.person_id
      WHERE f.location_id = ANY(${[...locationIds]}::uuid[])
      ORDER BY score DESC, sort_key NULLS LAST, t0.person_id
      LIMIT ${limit}
    )
    SELECT p.id AS person_id, page.file_id, p.family_name, p.given_names, p.birth_year, p.birth_month, p.birth_day,
      p.nationalities, page.reference, l.name AS location_name
    FROM page
    JOIN case_person p ON p.id = page.person_id
    JOIN location l ON l.id = page.location_id
    ORDER BY page.score DESC, page.sort_key NULLS LAST, p.family_name, p.given_names, p.id
  `;
}

function termQuery(term: PersonTerm): RawBuilder<unknown> {
  switch (term.kind) {
    case 'name':
      return sql`SELECT person_id, max(score) AS score, min(normalized) AS sort_key FROM (${nameQuery(term.variants)}) m GROUP BY person_id`;
    case 'birth':
      return sql`SELECT id AS person_id, CASE WHEN birth_day IS NOT NULL AND birth_month IS NOT NULL THEN 2 ELSE 1 END AS score, NULL::text AS sort_key
        FROM case_person WHERE birth_year = ${term.year}
        ${term.month === undefined ? sql`` : sql`AND (birth_month IS NULL OR birth_month = ${term.month})`}
        ${term.day === undefined ? sql`` : sql`AND (birth_day IS NULL OR birth_day = ${term.day})`}`;
    case 'azr':
      return sql`SELECT id AS person_id, 3 AS score, NULL::text AS sort_key FROM case_person WHERE azr_number = ${term.value}`;
    case 'email':
      return sql`SELECT id AS person_id, 3 AS score, NULL::text AS sort_key FROM case_person WHERE lower(email) = ${term.value}`;
    case 'identifier': {
      const prefix = `${escapeLike(term.value.toLowerCase())}%`;
      return sql`SELECT person_id, max(score) AS score, NULL::text AS sort_key FROM (
          SELECT person_id, CASE WHEN lower(reference) = ${term.value.toLowerCase()} THEN 3 ELSE 2 END AS score FROM case_file WHERE lower(reference) LIKE ${prefix}
          UNION ALL SELECT person_id, 3 FROM residence_title WHERE card_serial = ${term.value.toUpperCase()}
          ${/^\d+$/.test(term.value) ? sql`UNION ALL SELECT id, 2 FROM case_person WHERE azr_number LIKE ${prefix}` : sql``}
        ) i GROUP BY person_id`;
    }
  }
}

/**
 * A name word in all its readings: the start of a name or of a word inside it (score 3 on the
 * normalized key, 2 on the skeleton), else a name that resembles it (typos, score 1). Every arm
 * of the OR has an index (text_pattern_ops for the start, trigram for a word inside and for
 * resemblance), so PostgreSQL combines bitmaps instead of reading all names.
 */
function nameQuery(variants: readonly NameKeys[]): RawBuilder<unknown> {
  const normalizedKeys = [...new Set(variants.map((keys) => keys.normalized))];
  const skeletonKeys = [...new Set(variants.map((keys) => keys.skeleton))];
  const startsOrContainsWord = (column: 'normalized' | 'skeleton', key: string) =>
    sql`${sql.ref(column)} LIKE ${`${escapeLike(key)}%`} OR ${sql.ref(column)} LIKE ${`% ${escapeLike(key)}%`}`;
  const normalizedMatch = sql.join(
    normalizedKeys.map((key) => startsOrContainsWord('normalized', key)),
    sql` OR `,
  );
  const skeletonArms = skeletonKeys.map((key) =>
    // A one-letter skeleton (Ali → "l") says little: only a name that is exactly it.
    key.length >= 2 ? startsOrContainsWord('skeleton', key) : key.length === 1 ? sql`skeleton = ${key}` : sql`false`,
  );
  const skeletonMatch = sql.join(skeletonArms, sql` OR `);
  // Resemblance is for whole words typed with a mistake; for the first letters of a name the prefix arms are enough.
  const fuzzyArms = normalizedKeys.filter((key) => key.length >= 6).map((key) => sql`OR ${key} <% normalized`);
  return sql`SELECT person_id, normalized,
      CASE WHEN ${normalizedMatch} THEN 3 WHEN ${skeletonMatch} THEN 2 ELSE 1 END AS score
    FROM case_person_name
    WHERE ${normalizedMatch} OR ${skeletonMatch} ${sql.join(fuzzyArms, sql` `)}`;
}

/**
 * A search while typing is short work on a busy server: starting parallel workers for it costs
 * more than it saves (measured: 100 ms and more of a 20 ms query on a loaded 2-core machine).
 * For the rest of the transaction only.
 */
export async function withoutParallelWorkers(trx: Database): Promise<void> {
  await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
