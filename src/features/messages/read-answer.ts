import type { MessageDeps } from './message-deps.ts';

/** The first time the person opens an answered message, the answer counts as read (the clerk sees it). */
export async function markAnswerRead(deps: Pick<MessageDeps, 'db' | 'clock'>, messageId: string): Promise<void> {
  await deps.db
    .updateTable('portal_message_answer')
    .set({ read_at: deps.clock.now() })
    .where('message_id', '=', messageId)
    .where('read_at', 'is', null)
    .execute();
}
