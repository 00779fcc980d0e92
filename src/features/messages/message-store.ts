import type { Database } from '../../db/database.ts';

/** A message as staff and the person see it (the person: only their own, after the date of birth). */
export async function messageById(db: Database, id: string) {
  return db
    .selectFrom('portal_message')
    .leftJoin('portal_message_answer', 'portal_message_answer.message_id', 'portal_message.id')
    .leftJoin('case_procedure', 'case_procedure.id', 'portal_message.procedure_id')
    .select([
      'portal_message.id',
      'portal_message.reference',
      'portal_message.location_id',
      'portal_message.file_id',
      'portal_message.procedure_id',
      'case_procedure.number as procedure_number',
      'portal_message.sender_name',
      'portal_message.date_of_birth',
      'portal_message.email',
      'portal_message.language',
      'portal_message.body',
      'portal_message.received_at',
      'portal_message_answer.body as answer_body',
      'portal_message_answer.by_label as answer_by',
      'portal_message_answer.answered_at',
      'portal_message_answer.read_at',
    ])
    .where('portal_message.id', '=', id)
    .executeTakeFirst();
}
export type MessageRow = NonNullable<Awaited<ReturnType<typeof messageById>>>;

export async function messageIdByReference(db: Database, reference: string): Promise<string | undefined> {
  return (await db.selectFrom('portal_message').select('id').where('reference', '=', reference).executeTakeFirst())?.id;
}

export async function attachmentsOf(db: Database, messageId: string) {
  return db
    .selectFrom('portal_message_attachment')
    .select(['position', 'blob_sha256', 'media_type', 'size', 'file_name', 'document_id'])
    .where('message_id', '=', messageId)
    .orderBy('position')
    .execute();
}

/** How many messages of these locations wait for an answer (the inbox's rows, without its limit). */
export async function countUnansweredMessages(db: Database, locationIds: readonly string[]): Promise<number> {
  if (locationIds.length === 0) return 0;
  const row = await db
    .selectFrom('portal_message')
    .leftJoin('portal_message_answer', 'portal_message_answer.message_id', 'portal_message.id')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('portal_message.location_id', 'in', locationIds)
    .where('portal_message_answer.message_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Unanswered messages of these locations, oldest first (the inbox). */
export async function unansweredMessages(db: Database, locationIds: readonly string[]) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('portal_message')
    .leftJoin('portal_message_answer', 'portal_message_answer.message_id', 'portal_message.id')
    .leftJoin('case_procedure', 'case_procedure.id', 'portal_message.procedure_id')
    .select([
      'portal_message.id',
      'portal_message.reference',
      'portal_message.location_id',
      'portal_message.file_id',
      'case_procedure.number as procedure_number',
      'portal_message.language',
      'portal_message.received_at',
    ])
    .where('portal_message.location_id', 'in', locationIds)
    .where('portal_message_answer.message_id', 'is', null)
    .orderBy('portal_message.received_at')
    .limit(500)
    .execute();
}
