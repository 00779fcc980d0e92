import { releaseHeldAppointment } from '../appointments/index.ts';
import type { WaitingListDeps } from './waiting-list-deps.ts';
import { endEntry, endOffer, lockOffer } from './waiting-list-store.ts';

/**
 * An offer nobody answered in time: the held time is given back, the entry ends (someone who did
 * not react within the offer's time would block the next times too; they may join again), and the
 * time goes to the next person. Time is the injected clock's: a job that runs early (clocks of two
 * machines) leaves the offer to the sweep of due offers. Says what it did.
 */
export async function expireOffer(
  deps: Pick<WaitingListDeps, 'db' | 'clock'>,
  offerId: string,
): Promise<{ outcome: 'expired' | 'not_yet' | 'answered'; locationId: string | undefined }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const offer = await lockOffer(trx, offerId);
    if (offer?.status !== 'open') return { outcome: 'answered', locationId: offer?.location_id };
    if (offer.expires_at.getTime() > now.getTime()) return { outcome: 'not_yet', locationId: offer.location_id };
    await releaseHeldAppointment(trx, offer.appointment_id, now);
    await endOffer(trx, offer.id, 'expired', now);
    await endEntry(trx, offer.entry_id, 'lapsed', now);
    return { outcome: 'expired', locationId: offer.location_id };
  });
}

/** Open offers whose time is up by the clock (the sweep's work; normally each offer's own job was first). */
export async function dueOffers(deps: Pick<WaitingListDeps, 'db' | 'clock'>): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('waiting_list_offer')
    .select('id')
    .where('status', '=', 'open')
    .where('expires_at', '<=', deps.clock.now())
    .limit(500)
    .execute();
  return rows.map((r) => r.id);
}

/** Hours an entry may wait for its confirmation (the link in the first mail) before it is dropped. */
export const unconfirmedHours = 72;

/** Entries never confirmed within `unconfirmedHours`: ended with their data, so the address may join again. */
export async function dropUnconfirmedEntries(deps: Pick<WaitingListDeps, 'db' | 'clock'>): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - unconfirmedHours * 3600_000);
  const dropped = await deps.db
    .updateTable('waiting_list_entry')
    .set({ status: 'lapsed', ended_at: deps.clock.now(), person_name: null, date_of_birth: null, email: null, email_normalized: null })
    .where('status', '=', 'pending')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(dropped.numUpdatedRows);
}
