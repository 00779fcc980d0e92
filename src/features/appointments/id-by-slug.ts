import type { Database } from '../../db/database.ts';
import { invalid } from './get-availability.ts';
import { findIdBySlug } from './schedule-store.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id as given, or the id of the active service or location with this slug. */
export async function idBySlug(db: Database, table: 'service' | 'location', value: string): Promise<string> {
  if (uuidPattern.test(value)) return value;
  const id = await findIdBySlug(db, table, value);
  if (!id) throw invalid(table, `is not a ${table} id or slug from /api/v1/${table}s`);
  return id;
}
