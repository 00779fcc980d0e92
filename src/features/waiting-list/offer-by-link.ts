import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import { unknownLink } from './entry-by-link.ts';
import { hashLinkToken, isLinkToken } from './link-token.ts';
import { findOfferByToken, type OfferRow } from './waiting-list-store.ts';

/** The offer behind a link; `lock` inside a transaction that acts on it (two clicks take turns). */
export async function offerByLink(db: Database | Transaction<DB>, token: string | undefined, options: { lock?: boolean } = {}): Promise<OfferRow> {
  const offer = isLinkToken(token) ? await findOfferByToken(db, hashLinkToken(token), options) : undefined;
  if (!offer) throw unknownLink();
  return offer;
}

/** An offer that can still be answered now; otherwise the reason, for a page in the reader's language. */
export function checkOfferOpen(offer: OfferRow, now: Date): void {
  if (offer.status === 'accepted') throw new AppError('conflict', 'This offer was already accepted.', { details: { reason: 'offer_used' } });
  if (offer.status === 'declined') throw new AppError('conflict', 'This offer was declined.', { details: { reason: 'offer_declined' } });
  if (offer.status === 'expired' || offer.expires_at.getTime() <= now.getTime())
    throw new AppError('gone', 'This offer has expired.', { details: { reason: 'offer_expired' } });
}
