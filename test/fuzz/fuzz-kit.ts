import fc from 'fast-check';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';

/**
 * Shared parts of the fuzzers: hostile values, a fingerprint of what a refused request must not
 * change, and the run settings (a fixed seed and number of runs, overridable to explore:
 * LOTSE_FUZZ_SEED, LOTSE_FUZZ_RUNS).
 */
export function fuzzSettings(defaultRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.LOTSE_FUZZ_SEED ?? 20261205);
  const numRuns = Number(process.env.LOTSE_FUZZ_RUNS ?? defaultRuns);
  // No shrinking: the application has state, and a bounded run matters more than a minimal case.
  return { seed, numRuns, endOnFailure: true, verbose: fc.VerbosityLevel.Verbose };
}

/** Strings no input should turn into a 500: NUL, lone surrogates, control and bidi characters, huge, SQL, dates out of range. */
export const hostileStrings = [
  '',
  ' ',
  '\0',
  'Olena\0Kovalenko',
  '\ud800',
  'x\udc00y',
  '%00',
  '\u202eevil',
  '\u200c\u200d\u0301',
  '\t\r\n',
  '\x7f\x1b[31m',
  '😀'.repeat(300),
  'A'.repeat(20_000),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"); DROP TABLE appointment; --',
  '../../../etc/passwd',
  '9'.repeat(400),
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[object Object]',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '2026-12-02T08:00:00+99:99',
  '10000-01-01T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  '__proto__',
  'constructor',
];

/** Any string: the fixed hostile ones, arbitrary Unicode (also lone surrogates), numbers as text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
);

/** Any JSON value of the wrong kind, for a field of any kind. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, [], {}, [null], JSON.parse('{"__proto__": {"admin": true}}')),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * One digest of every table a refused request must leave alone. Left out: what is written on
 * purpose for refused requests (audit trail, rate limits, sign-in throttle, spent proofs of work,
 * sessions' last use) and what background delivery changes (notices).
 */
const bookkeeping = new Set([
  'audit_entry',
  'audit_person',
  'rate_limit_counter',
  'sign_in_throttle',
  'proof_of_work_used',
  'portal_secret',
  'staff_session',
  'appointment_notice',
  'appointment_reminder_sent',
  'kysely_migration',
  'kysely_migration_lock',
]);
const bookkeepingColumns = new Set(['api_token.last_used_at', 'device.last_seen_at']);

export async function fingerprintQuery(db: Database): Promise<() => Promise<string>> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`.execute(db);
  const tables = new Map<string, string[]>();
  for (const { table_name: table, column_name: column } of columns.rows) {
    if (bookkeeping.has(table) || bookkeepingColumns.has(`${table}.${column}`)) continue;
    tables.set(table, [...(tables.get(table) ?? []), column]);
  }
  const parts = [...tables].map(([table, cols]) => {
    const row = cols.map((c) => `t.${quote(c)}`).join(', ');
    return `(SELECT count(*) || ':' || coalesce(md5(string_agg(md5(row(${row})::text), '' ORDER BY md5(row(${row})::text))), '') FROM ${quote(table)} t)`;
  });
  const query = sql.raw(`SELECT ${parts.map((p, i) => `${p} AS t${i}`).join(', ')}`);
  const names = [...tables.keys()];
  return async () => {
    const { rows } = await query.execute(db);
    const row = rows[0] as Record<string, string>;
    return names.map((name, i) => `${name}=${row[`t${i}`]}`).join(' ');
  };
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Which tables differ between two fingerprints (for a readable failure). */
export function changedTables(before: string, after: string): string[] {
  const a = new Map(before.split(' ').map((p) => p.split('=') as [string, string]));
  return after
    .split(' ')
    .map((p) => p.split('=') as [string, string])
    .filter(([name, digest]) => a.get(name) !== digest)
    .map(([name]) => name);
}

/** Percent-encoding that also sends a lone surrogate, as the three bytes a careless client would (WTF-8). */
export function percentEncode(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\s\S]/gu, (part) => {
    if (part.length === 1 && part.charCodeAt(0) >= 0xd800 && part.charCodeAt(0) <= 0xdfff) {
      const code = part.charCodeAt(0);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(part);
  });
}
