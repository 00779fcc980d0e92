import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { seedDemoForms } from '../src/demo/demo-forms.ts';
import { seedStandardCatalogue } from '../src/features/case-files/index.ts';
import { fixedClock } from '../src/shared/clock.ts';

/**
 * An office of realistic size for the figures of case work (bench/figures.bench.ts): three
 * locations; `procedures` procedures opened over five years up to `now` (received, in review after
 * two days, decided after 5 to 120 days, completed ten days later — each step only when it lies
 * before `now`), with their status history and notices (handled a minute after each change);
 * `applications` online applications on the demo forms
 * of the first location, submitted over two years, nine in ten accepted. Generated in PostgreSQL.
 */
export async function generateFigureData(db: Database, options: { now: Date; procedures: number; applications: number }) {
  const { now } = options;
  const clock = fixedClock(now);
  const locations: string[] = [];
  for (const slug of ['wetzlar', 'dillenburg', 'herborn'])
    locations.push((await db.insertInto('location').values({ slug, name: slug, address: slug }).returning('id').executeTakeFirstOrThrow()).id);
  await db.transaction().execute((trx) => seedStandardCatalogue(trx, now));
  await seedDemoForms(db, clock, locations[0]!);
  const fiveYears = 5 * 365 * 86_400;
  await db.transaction().execute(async (trx) => {
    await sql`
      CREATE TEMP TABLE gen ON COMMIT DROP AS
      SELECT i, ${now}::timestamptz - make_interval(secs => (i * 7919 % ${fiveYears})) AS opened,
             5 + (i * 31 % 116) AS decide_after, 1 + i % 6 AS type_index, 1 + i % 3 AS location_index
        FROM generate_series(1, ${options.procedures}) AS i`.execute(trx);
    await sql`
      WITH p AS (
        INSERT INTO case_person (family_name, given_names, birth_year, created_at, updated_at)
        SELECT 'Person ' || i, 'Bench', 1950 + i % 60, opened, opened FROM gen
        RETURNING id, family_name
      )
      INSERT INTO case_file (person_id, reference, location_id, created_at, updated_at)
      SELECT p.id, 'F-' || substr(p.family_name, 8), (${locations}::uuid[])[g.location_index], g.opened, g.opened
        FROM p JOIN gen g ON g.i = substr(p.family_name, 8)::int`.execute(trx);
    await sql`
      CREATE TEMP TABLE steps ON COMMIT DROP AS
      SELECT g.i, f.id AS file_id, t.id AS type_id, g.opened, s.code, g.opened + make_interval(days => d.after) AS at
        FROM gen g
        JOIN case_file f ON f.reference = 'F-' || g.i
        JOIN (SELECT id, row_number() OVER (ORDER BY code) AS n FROM procedure_type) t ON t.n = g.type_index
        CROSS JOIN LATERAL (VALUES ('received', 0), ('in_review', 2), ('decided', g.decide_after), ('completed', g.decide_after + 10)) AS d(code, after)
        JOIN procedure_status s ON s.procedure_type_id = t.id AND s.code = d.code
       WHERE g.opened + make_interval(days => d.after) < ${now}`.execute(trx);
    await sql`
      INSERT INTO case_procedure (file_id, procedure_type_id, status_id, number, opened_at, closed_at, updated_at)
      SELECT DISTINCT ON (st.i) st.file_id, st.type_id, s.id, translate(upper(substr(md5(st.i::text), 1, 12)), '01', 'GH'), st.opened,
             CASE WHEN st.code = 'completed' THEN st.at END, st.at
        FROM steps st JOIN procedure_status s ON s.procedure_type_id = st.type_id AND s.code = st.code
       ORDER BY st.i, st.at DESC`.execute(trx);
    await sql`
      INSERT INTO case_procedure_status_change (procedure_id, status_id, at, by_label)
      SELECT p.id, s.id, st.at, 'Bench'
        FROM steps st
        JOIN case_procedure p ON p.file_id = st.file_id
        JOIN procedure_status s ON s.procedure_type_id = st.type_id AND s.code = st.code`.execute(trx);
    // The delivery handled each notice a minute after its change; one in twenty had no address.
    await sql`
      UPDATE procedure_notice SET outcome = CASE WHEN status_change_id % 20 = 0 THEN 'no_address' ELSE 'sent' END,
             done_at = created_at + interval '1 minute'`.execute(trx);
    const twoYears = 2 * 365 * 86_400;
    await sql`
      INSERT INTO application (form_version_id, lang, token_hash, state, submitted_at, accepted_at, person_match, created_at, updated_at)
      SELECT v.id, 'de', md5(i::text) || md5((-i)::text), CASE WHEN i % 10 = 0 THEN 'submitted' ELSE 'accepted' END, x.at,
             CASE WHEN i % 10 = 0 THEN NULL ELSE x.at END, 'new', x.at, x.at
        FROM generate_series(1, ${options.applications}) AS i
        CROSS JOIN LATERAL (SELECT ${now}::timestamptz - make_interval(secs => (i * 4099 % ${twoYears})) AS at) x
        JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM application_form_version WHERE state = 'published') v ON v.n = 1 + i % 4`.execute(trx);
  });
  await sql`VACUUM ANALYZE`.execute(db);
  return { locations };
}
