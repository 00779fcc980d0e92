import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';

/** Closed or handed-over files whose last day of keeping lies before `today`, locked for this run. */
export async function expiredFiles(trx: Database, today: string, limit: number) {
  return trx
    .selectFrom('case_file')
    .select(['id', 'person_id', 'reference'])
    .where('state', '<>', 'active')
    .where('retention_until', '<', today)
    .orderBy('retention_until')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Deleting the person deletes their file with everything in it (documents, versions, notes, procedures). */
export async function deletePersons(trx: Database, personIds: string[]): Promise<void> {
  if (personIds.length) await trx.deleteFrom('case_person').where('id', 'in', personIds).execute();
}

/** Blobs no version names any more (after a deleted document, a deleted file, a failed upload). */
export async function unreferencedBlobs(db: Database, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('blob')
    .select('sha256')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('case_document_version').select(sql`1`.as('one')).whereRef('blob_sha256', '=', 'blob.sha256'))),
    )
    // An online application's upload names its blob until the application is submitted (or erased).
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('application_upload').select(sql`1`.as('one')).whereRef('blob_sha256', '=', 'blob.sha256'))))
    // So does a portal message's attachment, until the message's own retention erases it.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('portal_message_attachment').select(sql`1`.as('one')).whereRef('blob_sha256', '=', 'blob.sha256'))),
    )
    .limit(limit)
    .execute();
  return rows.map((row) => row.sha256);
}

/**
 * Deletes the blob row if still unreferenced. The row lock makes a concurrent upload of the same
 * bytes wait (its ON CONFLICT DO NOTHING) until this transaction ends; a version committed
 * meanwhile makes the foreign key refuse the delete (23503: the blob is in use again).
 */
export async function deleteBlobRow(trx: Database, sha256: string): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('blob')
    .where('sha256', '=', sha256)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('case_document_version').select(sql`1`.as('one')).where('blob_sha256', '=', sha256))))
    .returning('sha256')
    .executeTakeFirst();
  return deleted !== undefined;
}
