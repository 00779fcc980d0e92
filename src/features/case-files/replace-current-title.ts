import type { Database } from '../../db/database.ts';

/**
 * Makes `title` the person's current residence title unless the current one already has this kind
 * and expiry (then nothing changes). The person's row is locked first, as set-residence-title.ts
 * does; pass the transaction. For imports of titles from another system (invitations).
 */
export async function replaceCurrentTitle(
  trx: Database,
  personId: string,
  title: { kind: string; validUntil: string },
  now: Date,
): Promise<'unchanged' | 'replaced'> {
  await trx.selectFrom('case_person').select('id').where('id', '=', personId).forUpdate().executeTakeFirstOrThrow();
  const current = await trx
    .selectFrom('residence_title')
    .select(['kind', (eb) => eb.cast<string>('valid_until', 'text').as('valid_until')])
    .where('person_id', '=', personId)
    .where('is_current', '=', true)
    .executeTakeFirst();
  if (current?.kind === title.kind && current.valid_until === title.validUntil) return 'unchanged';
  await trx.updateTable('residence_title').set({ is_current: false }).where('person_id', '=', personId).where('is_current', '=', true).execute();
  await trx
    .insertInto('residence_title')
    .values({ person_id: personId, kind: title.kind, valid_until: title.validUntil, is_current: true, created_at: now })
    .execute();
  return 'replaced';
}
