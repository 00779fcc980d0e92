import { enqueueMail } from '../../platform/mail/index.ts';
import type { InvitationDeps } from './invitation-deps.ts';
import { invitationContents, invitationRows } from './invitation-content.ts';
import { invitationMail } from './invitation-mail.ts';

/**
 * Releases a run's letters after its review: from now on they may be printed, and every invited
 * person with an e-mail address gets the invitation by mail (queued in the same transaction, marked
 * mailed). Releasing twice changes nothing. Returns the number of mails queued.
 */
export async function releaseRunLetters(deps: InvitationDeps, runId: string, staffId: string | null): Promise<number> {
  const now = deps.clock.now();
  const rows = await invitationRows(deps.db, { runId });
  const contents = (await invitationContents(deps, rows)).filter((c) => c.person.email && c.appointment.status === 'reserved' && !c.mailedAt);
  return deps.db.transaction().execute(async (trx) => {
    const released = await trx
      .updateTable('invitation_run')
      .set({ letters_released_at: now, released_by_staff_id: staffId })
      .where('id', '=', runId)
      .where('letters_released_at', 'is', null)
      .executeTakeFirst();
    if (released.numUpdatedRows === 0n) return 0;
    await deps.jobs.batched(trx, async () => {
      for (const c of contents) await enqueueMail(deps.jobs, invitationMail(c, 'invitation', c.person.email!), { trx });
    });
    const ids = contents.map((c) => c.invitationId);
    for (let i = 0; i < ids.length; i += 5000) {
      await trx
        .updateTable('invitation')
        .set({ mailed_at: now })
        .where('id', 'in', ids.slice(i, i + 5000))
        .execute();
    }
    return contents.length;
  });
}
