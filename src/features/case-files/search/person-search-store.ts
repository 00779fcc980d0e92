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
  const ctes = terms.map((term, index) => sql`${sql.raw(`t${index}`)} AS (${termQuery(term)})`);
  const joins = terms.map((_, index) => sql.raw(`JOIN t${index} ON t${index}.person_id = p.id`));
  const score = sql.raw(terms.map((_, index) => `t${index}.score`).join(' + '));
  const result = await sql<PersonHit>`
    WITH ${sql.join(ctes, sql`, `)}
    SELECT p.id AS person_id, f.id AS file_id, p.family_name, p.given_names, p.birth_year, p.birth_month, p.birth_day,
      p.nationalities, f.reference, l.name AS location_name
    FROM case_person p
    ${sql.join(joins, sql` `)}
    JOIN case_file f ON f.person_id = p.id
    JOIN location l ON l.id = f.location_id
    WHERE f.location_id = ANY(${[...locationIds]}::uuid[])
    ORDER BY ${score} DESC, p.family_name, p.given_names, p.id
    LIMIT ${limit}
  `.execute(db);
  return result.rows;
}

function termQuery(term: PersonTerm): RawBuilder<unknown> {
  switch (term.kind) {
    case 'name':
      return sql`SELECT person_id, max(score) AS score FROM (${sql.join(term.variants.map(nameQuery), sql` UNION ALL `)}) m GROUP BY person_id`;
    case 'birth':
      return sql`SELECT id AS person_id, CASE WHEN birth_day IS NOT NULL AND birth_month IS NOT NULL THEN 2 ELSE 1 END AS score
        FROM case_person WHERE birth_year = ${term.year}
        ${term.month === undefined ? sql`` : sql`AND (birth_month IS NULL OR birth_month = ${term.month})`}
        ${term.day === undefined ? sql`` : sql`AND (birth_day IS NULL OR birth_day = ${term.day})`}`;
    case 'azr':
      return sql`SELECT id AS person_id, 3 AS score FROM case_person WHERE azr_number = ${term.value}`;
    case 'email':
      return sql`SELECT id AS person_id, 3 AS score FROM case_person WHERE lower(email) = ${term.value}`;
    case 'identifier': {
      const prefix = `${escapeLike(term.value.toLowerCase())}%`;
      return sql`SELECT person_id, max(score) AS score FROM (
          SELECT person_id, CASE WHEN lower(reference) = ${term.value.toLowerCase()} THEN 3 ELSE 2 END AS score FROM case_file WHERE lower(reference) LIKE ${prefix}
          UNION ALL SELECT person_id, 3 FROM residence_title WHERE card_serial = ${term.value.toUpperCase()}
          ${/^\d+$/.test(term.value) ? sql`UNION ALL SELECT id, 2 FROM case_person WHERE azr_number LIKE ${prefix}` : sql``}
        ) i GROUP BY person_id`;
    }
  }
}

/**
 * One reading of a name word: the start of a name or of a word inside it (score 3 on the
 * normalized key, 2 on the skeleton), else a name that resembles it (typos, score 1).
 */
function nameQuery(keys: NameKeys): RawBuilder<unknown> {
  const normalized = escapeLike(keys.normalized);
  const skeleton = escapeLike(keys.skeleton);
  const skeletonMatch =
    keys.skeleton.length >= 2
      ? sql`skeleton LIKE ${`${skeleton}%`} OR skeleton LIKE ${`% ${skeleton}%`}`
      : keys.skeleton.length === 1
        ? sql`skeleton = ${keys.skeleton}`
        : sql`false`;
  const fuzzy = keys.normalized.length >= 4 ? sql`OR ${keys.normalized} <% normalized` : sql``;
  return sql`SELECT person_id,
      CASE WHEN normalized LIKE ${`${normalized}%`} OR normalized LIKE ${`% ${normalized}%`} THEN 3
        WHEN ${skeletonMatch} THEN 2 ELSE 1 END AS score
    FROM case_person_name
    WHERE normalized LIKE ${`${normalized}%`} OR normalized LIKE ${`% ${normalized}%`} OR ${skeletonMatch} ${fuzzy}`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
