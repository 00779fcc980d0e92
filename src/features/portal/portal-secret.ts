import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';

/**
 * The portal's HMAC key: from the setting, or generated once and stored in PostgreSQL so
 * that every instance signs and verifies with the same key. The insert races safely:
 * whoever inserts first wins and everyone reads that row.
 */
export async function loadPortalKey(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('portal_secret')
    .values({ name: 'hmac_key', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('portal_secret').select('value').where('name', '=', 'hmac_key').executeTakeFirstOrThrow();
  return row.value;
}

/** Lazily loaded key shared by the portal's handlers. */
export function portalKeyLoader(db: Database, configured: string | undefined): () => Promise<string> {
  let loading: Promise<string> | undefined;
  return () =>
    (loading ??= loadPortalKey(db, configured).catch((error) => {
      loading = undefined;
      throw error;
    }));
}
