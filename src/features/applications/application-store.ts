import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { Answers } from './answers.ts';

/** The secret of an applicant's link: 32 random bytes; only its SHA-256 is stored. */
export function newApplicationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const isApplicationToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof applicationByToken>>>;

export async function applicationByToken(db: Database, token: string, options: { forUpdate?: boolean } = {}) {
  if (!isApplicationToken(token)) return undefined;
  let query = db
    .selectFrom('application')
    .select([
      'id',
      'form_version_id',
      'lang',
      'email',
      'answers',
      'revision',
      'state',
      'submitted_at',
      'procedure_id',
      'person_id',
      'person_match',
      'receipt_document_id',
      'created_at',
    ])
    .where('token_hash', '=', tokenHash(token));
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && { ...row, answers: row.answers as Answers };
}

export async function uploadsOf(db: Database, applicationId: string) {
  return db
    .selectFrom('application_upload')
    .select(['id', 'field_key', 'blob_sha256', 'media_type', 'size', 'file_name', 'page_count', 'created_at'])
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export type ApplicationUpload = Awaited<ReturnType<typeof uploadsOf>>[number];

export function uploadCounts(uploads: readonly { field_key: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const upload of uploads) counts.set(upload.field_key, (counts.get(upload.field_key) ?? 0) + 1);
  return counts;
}

/**
 * Deletes up to `limit` drafts untouched since `cutoff`: no step saved and no file uploaded after
 * it (their uploads go with them). A draft being saved at this moment holds its row lock; the
 * delete waits and then sees the new `updated_at`, so it is kept.
 */
export async function deleteAbandonedDrafts(db: Database, cutoff: Date, limit: number): Promise<number> {
  const rows = await db
    .deleteFrom('application')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('application as a')
        .select('a.id')
        .where('a.state', '=', 'draft')
        .where('a.updated_at', '<', cutoff)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('application_upload as u').select('u.id').whereRef('u.application_id', '=', 'a.id').where('u.created_at', '>=', cutoff))),
        )
        .limit(limit),
    )
    .where('state', '=', 'draft')
    .where('updated_at', '<', cutoff)
    .returning('id')
    .execute();
  return rows.length;
}
