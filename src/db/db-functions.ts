import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * The current source of every function Lotse keeps in PostgreSQL, one `<name>.sql` per function
 * (docs/decisions.md, "SQL functions as SQL"). Each file holds what `pg_get_functiondef` prints,
 * after optional `--` comment lines: a test holds the migrated database to these files.
 */
export const functionsFolder = fileURLToPath(new URL('./functions', import.meta.url));

/** The definition without leading comments, trailing blanks and the closing semicolon, for comparison. */
export function normalizeFunctionSource(source: string): string {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 0 && (lines[0]!.trim() === '' || lines[0]!.trimStart().startsWith('--'))) lines.shift();
  return lines
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()
    .replace(/;$/, '')
    .trimEnd();
}

/** The files in src/db/functions, by function name. */
export async function readFunctionFiles(): Promise<Map<string, string>> {
  const files = (await fs.readdir(functionsFolder)).filter((file) => file.endsWith('.sql')).sort();
  const sources = new Map<string, string>();
  for (const file of files) sources.set(file.slice(0, -'.sql'.length), await fs.readFile(path.join(functionsFolder, file), 'utf8'));
  return sources;
}

/** Lotse's own functions in the public schema (not those of extensions such as btree_gist), as PostgreSQL prints them. */
export async function databaseFunctions(db: QueryExecutorProvider): Promise<{ name: string; definition: string }[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public'
      AND p.prokind IN ('f', 'p')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    ORDER BY p.proname, p.oid`.execute(db);
  return rows;
}

/**
 * Applies the current version of a function from its file; for a migration that brings a new
 * version (the file is `CREATE OR REPLACE`, so a changed signature needs a `DROP FUNCTION` first).
 */
export async function applyFunctionFile(db: QueryExecutorProvider, name: string): Promise<void> {
  const source = await fs.readFile(path.join(functionsFolder, `${name}.sql`), 'utf8');
  await sql.raw(normalizeFunctionSource(source)).execute(db);
}
