/**
 * npm run bench:search — server time of the case-file search (issue 13): person search as you
 * type and full-text search over documents, through the use cases (validation, authorization,
 * the query, the audit of the list shown, one transaction), each paired with its bare SQL
 * statement on the same data and connection (run right before or after it, alternating).
 *
 * A fresh embedded PostgreSQL with 50,000 persons and files at two locations, their names in
 * Latin plus a variant in Cyrillic, Arabic or another Latin spelling (≈ 150,000 name rows), and
 * 1,000,000 document records of which 200,000 have text (German words, Zipf-like frequencies).
 * All generated inside PostgreSQL (generate_series over small pools), never row by row.
 * BENCH_QUERIES (default 300) per shape; BENCH_PERSONS / BENCH_DOCUMENTS to scale down.
 */
import os from 'node:os';
import { CompiledQuery, sql } from 'kysely';
import { nameKeys } from '../src/features/case-files/name-keys.ts';
import { readPersonQuery } from '../src/features/case-files/search/person-query.ts';
import { personSearchQuery } from '../src/features/case-files/search/person-search-store.ts';
import { documentSearchQuery, findDocuments } from '../src/features/case-files/search/document-search-store.ts';
import { searchPersons } from '../src/features/case-files/search/search-persons.ts';
import { searchDocuments } from '../src/features/case-files/search/search-documents.ts';
import type { StaffActor } from '../src/features/staff/index.ts';
import { systemClock } from '../src/shared/clock.ts';
import { percentile, round, startBenchDatabase } from './bench-support.ts';
import { documentWords, familyNames, givenNames, type ScriptForms } from './search-names.ts';

const queries = Number(process.env.BENCH_QUERIES ?? 300);
const persons = Number(process.env.BENCH_PERSONS ?? 50_000);
const documents = Number(process.env.BENCH_DOCUMENTS ?? 1_000_000);
const withText = Math.round(documents / 5);
const database = await startBenchDatabase({ poolSize: 1 });
const db = database.db;
const started = performance.now();

// --- data -------------------------------------------------------------------------------------
const [wetzlar, dillenburg] = await Promise.all(
  ['wetzlar', 'dillenburg'].map(
    async (slug) => (await db.insertInto('location').values({ slug, name: slug, address: slug }).returning('id').executeTakeFirstOrThrow()).id,
  ),
);
const staff = await db.insertInto('staff').values({ display_name: 'Bench clerk' }).returning('id').executeTakeFirstOrThrow();
const actor: StaffActor = {
  kind: 'staff',
  staffId: staff.id,
  displayName: 'Bench clerk',
  username: 'bench',
  role: 'clerk',
  locationIds: [wetzlar!, dillenburg!],
  specialtyIds: [],
  via: 'session',
};

/** A pool of names in every form, with the keys nameKeys computes (as core's insertPerson stores them). */
async function namePool(table: string, forms: ScriptForms[]) {
  const column = (pick: (f: ScriptForms) => string) => forms.map(pick);
  const keys = (pick: (f: ScriptForms) => string) => forms.map((f) => nameKeys(pick(f)));
  await sql`CREATE TEMP TABLE ${sql.table(table)} AS SELECT * FROM unnest(
    ${column((f) => f.latin)}::text[], ${keys((f) => f.latin).map((k) => k.normalized)}::text[], ${keys((f) => f.latin).map((k) => k.skeleton)}::text[],
    ${column((f) => f.cyrillic)}::text[], ${keys((f) => f.cyrillic).map((k) => k.normalized)}::text[], ${keys((f) => f.cyrillic).map((k) => k.skeleton)}::text[],
    ${column((f) => f.arabic)}::text[], ${keys((f) => f.arabic).map((k) => k.normalized)}::text[], ${keys((f) => f.arabic).map((k) => k.skeleton)}::text[],
    ${column((f) => f.other)}::text[], ${keys((f) => f.other).map((k) => k.normalized)}::text[], ${keys((f) => f.other).map((k) => k.skeleton)}::text[]
  ) WITH ORDINALITY AS t(lat, lat_n, lat_s, cyr, cyr_n, cyr_s, ara, ara_n, ara_s, oth, oth_n, oth_s, i)`.execute(db);
}
const families = familyNames();
const givens = givenNames();
await namePool('pool_family', families);
await namePool('pool_given', givens);

// Person n: family name and given name picked by a hash of n (skewed: some names are common).
await sql`
  CREATE TEMP TABLE bench_person AS
  SELECT n, gen_random_uuid() AS id,
    1 + floor(power(((hashint4(n) & 2147483647) % 100000) / 100000.0, 1.6) * ${families.length})::int AS fam,
    1 + ((hashint4(n + 7919) & 2147483647) % ${givens.length}) AS giv,
    n % 3 AS variant_script
  FROM generate_series(1, ${persons}) AS n`.execute(db);
const at = new Date('2026-12-01T09:00:00Z');
await sql`
  INSERT INTO case_person (id, family_name, given_names, birth_year, birth_month, birth_day, nationalities, email, azr_number, created_at, updated_at)
  SELECT p.id, f.lat, g.lat, 1940 + (n % 70),
    CASE WHEN n % 10 = 0 THEN NULL ELSE 1 + (n % 12) END,
    CASE WHEN n % 10 < 2 THEN NULL ELSE 1 + (n % 28) END,
    ARRAY[(ARRAY['UA','RU','SY','AF','IQ','TR'])[1 + n % 6]], 'person' || n || '@example.org', lpad((100000000000 + n)::text, 12, '0'), ${at}, ${at}
  FROM bench_person p JOIN pool_family f ON f.i = p.fam JOIN pool_given g ON g.i = p.giv`.execute(db);
await sql`
  INSERT INTO case_person_name (person_id, kind, value, normalized, skeleton)
  SELECT p.id, 'family', f.lat, f.lat_n, f.lat_s FROM bench_person p JOIN pool_family f ON f.i = p.fam
  UNION ALL SELECT p.id, 'given', g.lat, g.lat_n, g.lat_s FROM bench_person p JOIN pool_given g ON g.i = p.giv
  UNION ALL SELECT p.id, 'variant',
    CASE p.variant_script WHEN 0 THEN g.cyr || ' ' || f.cyr WHEN 1 THEN g.ara || ' ' || f.ara ELSE g.oth || ' ' || f.oth END,
    CASE p.variant_script WHEN 0 THEN g.cyr_n || ' ' || f.cyr_n WHEN 1 THEN g.ara_n || ' ' || f.ara_n ELSE g.oth_n || ' ' || f.oth_n END,
    CASE p.variant_script WHEN 0 THEN g.cyr_s || ' ' || f.cyr_s WHEN 1 THEN g.ara_s || ' ' || f.ara_s ELSE g.oth_s || ' ' || f.oth_s END
  FROM bench_person p JOIN pool_family f ON f.i = p.fam JOIN pool_given g ON g.i = p.giv`.execute(db);
await sql`
  INSERT INTO residence_title (person_id, kind, card_serial, created_at)
  SELECT id, 'residence_permit', 'L' || lpad(n::text, 8, '0'), ${at} FROM bench_person WHERE n % 2 = 0`.execute(db);
await sql`
  INSERT INTO case_file (id, person_id, reference, location_id, created_at, updated_at)
  SELECT gen_random_uuid(), id, CASE WHEN n % 2 = 0 THEN 'WZ-' ELSE 'DI-' END || (2010 + n % 15) || '/' || lpad(n::text, 6, '0'),
    CASE WHEN n % 2 = 0 THEN ${wetzlar}::uuid ELSE ${dillenburg}::uuid END, ${at}, ${at}
  FROM bench_person`.execute(db);

// Documents: paragraphs of German words whose tsvectors are computed once and concatenated.
const words = documentWords();
// The words before it are German stop words: a search for them alone finds nothing by design.
const firstContentWord = words.indexOf('Antrag');
await sql`CREATE TEMP TABLE pool_word AS SELECT * FROM unnest(${words}::text[]) WITH ORDINALITY AS t(word, i)`.execute(db);
await sql`
  CREATE TEMP TABLE pool_paragraph AS
  SELECT k AS i, string_agg(w.word, ' ' ORDER BY s) AS text
  FROM generate_series(1, 2000) AS k CROSS JOIN generate_series(1, 60) AS s
  JOIN pool_word w ON w.i = 1 + floor(power(((hashint4(k * 100 + s) & 2147483647) % 100000) / 100000.0, 2.2) * ${words.length})::int
  GROUP BY k`.execute(db);
await sql`ALTER TABLE pool_paragraph ADD COLUMN vector tsvector; UPDATE pool_paragraph SET vector = to_tsvector('german', text)`.execute(db);
const titles = [
  'Antrag auf Verlängerung',
  'Reisepass',
  'Bescheid',
  'Meldebescheinigung',
  'Arbeitsvertrag',
  'Mietvertrag',
  'Verpflichtungserklärung',
  'Schreiben der Krankenkasse',
  'Geburtsurkunde',
  'Ladung zur Vorsprache',
];
await sql`CREATE TEMP TABLE pool_title AS SELECT t.title, t.i, to_tsvector('german', t.title) AS vector FROM unnest(${titles}::text[]) WITH ORDINALITY AS t(title, i)`.execute(
  db,
);
await db
  .insertInto('blob')
  .values({ sha256: 'a'.repeat(64), size: 1000, media_type: 'application/pdf', created_at: at })
  .execute();
await sql`
  CREATE TEMP TABLE bench_file AS SELECT row_number() OVER (ORDER BY id) AS k, id FROM case_file`.execute(db);
await sql`
  INSERT INTO case_document (id, file_id, title, category, text_state, search_vector, created_at, updated_at)
  SELECT gen_random_uuid(), f.id, t.title, 'application',
    CASE WHEN n <= ${withText} THEN 'extracted' ELSE 'no_text' END,
    setweight(t.vector, 'A') || CASE WHEN n <= ${withText} THEN setweight(p1.vector || p2.vector, 'B') ELSE ''::tsvector END,
    ${at}::timestamptz - n * interval '1 minute', ${at}
  FROM generate_series(1, ${documents}) AS n
  JOIN bench_file f ON f.k = 1 + (n % ${persons})
  JOIN pool_title t ON t.i = 1 + (hashint4(n) & 2147483647) % ${titles.length}
  JOIN pool_paragraph p1 ON p1.i = 1 + (hashint4(n + 1) & 2147483647) % 2000
  JOIN pool_paragraph p2 ON p2.i = 1 + (hashint4(n + 2) & 2147483647) % 2000`.execute(db);
await sql`
  INSERT INTO case_document_version (document_id, number, blob_sha256, media_type, size, file_name, extracted_text, created_by, created_at)
  SELECT d.id, 1, ${'a'.repeat(64)}, 'application/pdf', 1000, 'scan.pdf', p1.text || ' ' || p2.text, 'bench', ${at}
  FROM case_document d
  JOIN LATERAL (SELECT hashint4(abs(hashtext(d.id::text))) AS h) x ON true
  JOIN pool_paragraph p1 ON p1.i = 1 + (x.h & 2147483647) % 2000
  JOIN pool_paragraph p2 ON p2.i = 1 + ((x.h >> 3) & 2147483647) % 2000
  WHERE d.text_state = 'extracted'`.execute(db);
await sql`VACUUM ANALYZE`.execute(db);
const generatedSeconds = round((performance.now() - started) / 1000, 1);

// --- queries ----------------------------------------------------------------------------------
// Whole names of persons that exist (a family and a given name picked together).
const { rows: existing } = await sql<{ fam: number; giv: number }>`SELECT fam, giv FROM bench_person ORDER BY random() LIMIT 2000`.execute(db);
const random = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(list: readonly T[]): T => list[random(list.length)]!;
const prefix = (name: string) => [...name].slice(0, 3 + random(4)).join('');
const personShapes: Record<string, () => string> = {
  'prefix 3–6 letters, Latin': () => prefix(pick(families).latin),
  'prefix 3–6 letters, Cyrillic': () => prefix(pick(families).cyrillic),
  'prefix 3–6 letters, Arabic': () => prefix(pick(families).arabic),
  'other spelling, whole name': () => {
    const person = pick(existing);
    return `${givens[person.giv - 1]!.other} ${families[person.fam - 1]!.other}`;
  },
  'name and year': () => `${prefix(pick(families).latin)} ${1940 + random(70)}`,
  'date of birth alone': () =>
    pick([
      `${1940 + random(70)}`,
      `${String(1 + random(12)).padStart(2, '0')}.${1940 + random(70)}`,
      `${1 + random(28)}.${1 + random(12)}.${1940 + random(70)}`,
    ]),
  'file reference prefix': () => `WZ-${2010 + random(15)}/${String(random(persons)).padStart(6, '0').slice(0, 4)}`,
};
const documentShapes: Record<string, () => string> = {
  'one frequent word': () => pick(words.slice(firstContentWord, firstContentWord + 20)),
  'one rare word': () => pick(words.slice(-200)),
  'two words': () => `${pick(words.slice(0, 200))} ${pick(words.slice(0, 400))}`,
  'inflected form (stemming)': () => pick(['Anträge', 'Bescheide', 'Verlängerungen', 'Aufenthaltserlaubnisse', 'Arbeitgebers']),
};

/** BENCH_EXPLAIN=1: the plan of one query per shape, on stderr (how docs/performance.md's analysis was made). */
async function explain(name: string, query: CompiledQuery) {
  const plan = await db.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]));
  console.error(`--- ${name}: ${JSON.stringify(query.parameters).slice(0, 200)}`);
  for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.error(row['QUERY PLAN']);
}

type Shape = { ms: number[]; sqlMs: number[]; results: number };
async function measure(make: () => string, viaUseCase: (q: string) => Promise<number>, bare: (q: string) => Promise<unknown>): Promise<Shape> {
  const shape: Shape = { ms: [], sqlMs: [], results: 0 };
  for (let i = 0; i < queries + 20; i++) {
    const q = make();
    const timed = async (work: () => Promise<unknown>) => {
      const t0 = performance.now();
      const value = await work();
      return { ms: performance.now() - t0, value };
    };
    const sqlFirst = i % 2 === 1;
    const before = sqlFirst ? await timed(() => bare(q)) : undefined;
    const answer = await timed(() => viaUseCase(q));
    const baseline = before ?? (await timed(() => bare(q)));
    if (i < 20) continue;
    shape.ms.push(answer.ms);
    shape.sqlMs.push(baseline.ms);
    shape.results += answer.value as number;
  }
  shape.ms.sort((a, b) => a - b);
  shape.sqlMs.sort((a, b) => a - b);
  return shape;
}

const stats = (ms: number[]) => ({ p50: round(percentile(ms, 50), 2), p95: round(percentile(ms, 95), 2), p99: round(percentile(ms, 99), 2) });
const report = (shape: Shape) => ({
  resultsPerQuery: round(shape.results / queries, 1),
  serverMs: stats(shape.ms),
  bareSqlMs: stats(shape.sqlMs),
  ratioP95: round(percentile(shape.ms, 95) / percentile(shape.sqlMs, 95), 2),
});
// The use cases switch parallel workers off for their transaction (see withoutParallelWorkers);
// the bare statements run with the same setting, on the one connection of the pool.
await sql`SET max_parallel_workers_per_gather = 0`.execute(db);
const deps = { db, clock: systemClock };
const results: Record<string, unknown> = {};
const all: number[] = [];
for (const [name, make] of Object.entries(personShapes)) {
  const shape = await measure(
    make,
    async (q) => (await searchPersons(deps, actor, { query: q })).results.length,
    (q) => personSearchQuery(readPersonQuery(q), actor.locationIds, 20).execute(db),
  );
  all.push(...shape.ms);
  if (process.env.BENCH_EXPLAIN === '1') await explain(name, personSearchQuery(readPersonQuery(make()), actor.locationIds, 20).compile(db));
  results[`persons: ${name}`] = report(shape);
}
const allDocuments: number[] = [];
// BENCH_DOCUMENTS=0 measures the person search alone (its data is generated in a minute).
for (const [name, make] of documents > 0 ? Object.entries(documentShapes) : []) {
  const shape = await measure(
    make,
    async (q) => (await searchDocuments(deps, actor, { query: q })).length,
    (q) => findDocuments(db, q, actor.locationIds, 20),
  );
  allDocuments.push(...shape.ms);
  if (process.env.BENCH_EXPLAIN === '1')
    await explain(name, documentSearchQuery(make(), actor.locationIds, 20, name === 'one frequent word' ? 'newest' : 'all').compile(db));
  results[`documents: ${name}`] = report(shape);
}
all.sort((a, b) => a - b);
allDocuments.sort((a, b) => a - b);

const counts = await sql<{ persons: number; names: number; documents: number; with_text: number }>`
  SELECT (SELECT count(*)::int FROM case_person) AS persons, (SELECT count(*)::int FROM case_person_name) AS names,
    (SELECT count(*)::int FROM case_document) AS documents, (SELECT count(*)::int FROM case_document WHERE text_state = 'extracted') AS with_text`.execute(db);
console.log(
  JSON.stringify(
    {
      benchmark: 'case-file search',
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg().map((n) => round(n, 2)) },
      data: { ...counts.rows[0], generatedSeconds },
      queriesPerShape: queries,
      target: 'p95 < 50 ms server time',
      personsAllShapes: { serverMs: stats(all), met: percentile(all, 95) < 50 },
      documentsAllShapes: { serverMs: stats(allDocuments), met: percentile(allDocuments, 95) < 50 },
      shapes: results,
    },
    null,
    2,
  ),
);
await database.stop();
