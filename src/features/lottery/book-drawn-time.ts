import { AppError } from '../../shared/app-error.ts';
import { bookHeldTime, releaseHeldTime } from '../appointments/index.ts';
import type { LotteryDeps } from './lottery-deps.ts';
import { linkHash } from './lottery-link.ts';
import { entryByLink, markOutcome } from './lottery-store.ts';

/** Why a booking link did not book; the portal shows each in the reader's language. */
export type LinkRefusal = 'unknown' | 'booked' | 'expired' | 'not_won';

function linkRefused(reason: LinkRefusal): AppError {
  const message = {
    unknown: 'This link is not known.',
    booked: 'This time has been booked with this link already.',
    expired: 'The time was held until a certain time; that has passed and it is free for others again.',
    not_won: 'This entry has not won a time.',
  }[reason];
  return new AppError(reason === 'unknown' ? 'not_found' : reason === 'expired' ? 'gone' : 'conflict', message, { details: { reason } });
}

/**
 * A winner books the time held for them through their link: the held appointment becomes booked
 * with its confirmation mail, the entry 'booked', in one transaction on the locked entry. A link
 * used a second time, or after the hold ran out, books nothing and says why.
 */
export async function bookDrawnTime(deps: Pick<LotteryDeps, 'db' | 'clock'>, token: string): Promise<{ code: string }> {
  const now = deps.clock.now();
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const entry = await entryByLink(trx, linkHash(token), true);
      if (!entry) throw linkRefused('unknown');
      if (entry.outcome === 'booked') throw linkRefused('booked');
      if (entry.outcome === 'expired') throw linkRefused('expired');
      if (entry.outcome !== 'won' || !entry.appointment_id || !entry.hold_until) throw linkRefused('not_won');
      if (entry.hold_until <= now) {
        // The sweep has not come by yet: the hold ends here, as it would there.
        await releaseHeldTime(trx, { appointmentId: entry.appointment_id, now });
        await markOutcome(trx, entry.id, 'expired', now);
        return { expired: true } as const;
      }
      const booked = await bookHeldTime(trx, { appointmentId: entry.appointment_id, now });
      if (!booked) throw linkRefused('expired');
      await markOutcome(trx, entry.id, 'booked', now);
      return booked;
    })
    .then((result) => {
      if ('expired' in result) throw linkRefused('expired');
      return result;
    });
}
