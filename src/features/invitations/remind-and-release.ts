import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import { enqueueMail } from '../../platform/mail/index.ts';
import { addDays } from '../../web/format.ts';
import { officeDay } from '../../shared/office-day.ts';
import { releaseReservation } from '../appointments/index.ts';
import type { InvitationDeps } from './invitation-deps.ts';
import { invitationContents, invitationRows } from './invitation-content.ts';
import { invitationMail } from './invitation-mail.ts';
import { loadPolicy } from './invitation-policy.ts';

/**
 * The daily care of open invitations whose letters went out: a reservation still unconfirmed
 * `reminderDaysBefore` days before its date gets a reminder (by mail where an address is known, else
 * a letter the staff print from the run's page),
 * and one still unconfirmed `releaseDaysBefore` days before is released — cancelled, its time free
 * for others. Each invitation is reminded and released at most once (marked in the same transaction).
 */
export async function remindAndRelease(deps: InvitationDeps): Promise<{ reminded: number; released: number }> {
  const now = deps.clock.now();
  const policy = await loadPolicy(deps.db);
  const open = await deps.db
    .selectFrom('invitation as i')
    .innerJoin('invitation_run as r', 'r.id', 'i.run_id')
    .select('i.id')
    .where('i.released_at', 'is', null)
    .where('r.letters_released_at', 'is not', null)
    .where('i.expires_on', '>=', sql<string>`${officeDay(now, deps.timeZone)}::date`)
    .execute();
  const contents = await invitationContents(deps, await invitationRows(deps.db, { invitationIds: open.map((o) => o.id) }));
  let reminded = 0;
  let released = 0;
  for (const c of contents) {
    if (c.appointment.status !== 'reserved') continue;
    const day = officeDay(c.appointment.starts_at, c.location.timeZone);
    const today = officeDay(now, c.location.timeZone);
    if (addDays(day, -policy.releaseDaysBefore) <= today) {
      await onlyOnce(deps, c.invitationId, 'released_at', async (trx) => {
        if (await releaseReservation(trx, c.appointment.id, now)) released++;
      });
    } else if (addDays(day, -policy.reminderDaysBefore) <= today) {
      await onlyOnce(deps, c.invitationId, 'reminded_at', async (trx) => {
        if (c.person.email) await enqueueMail(deps.jobs, invitationMail(c, 'reminder', c.person.email), { trx });
        // Without an address the reminder is a letter: listed on the run's page for the staff to print.
        else await trx.updateTable('invitation').set({ reminder_letter: true }).where('id', '=', c.invitationId).execute();
        reminded++;
      });
    }
  }
  return { reminded, released };
}

/** Marks the invitation (released or reminded) and does `then` in the same transaction, unless it was marked before. */
async function onlyOnce(deps: InvitationDeps, id: string, mark: 'released_at' | 'reminded_at', then: (trx: Transaction<DB>) => Promise<void>): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('invitation')
      .set({ [mark]: deps.clock.now() })
      .where('id', '=', id)
      .where(mark, 'is', null)
      .executeTakeFirst();
    if (marked.numUpdatedRows > 0n) await then(trx);
  });
}
