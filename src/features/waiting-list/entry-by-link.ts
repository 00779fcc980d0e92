import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import { hashLinkToken, isLinkToken } from './link-token.ts';
import { findEntryByToken, openOfferOfEntry, positionOf, type EntryRow } from './waiting-list-store.ts';

export type EntryView = {
  status: EntryRow['status'];
  serviceId: string;
  locationId: string;
  language: string;
  weekdays: number[];
  fromMinute: number;
  untilMinute: number;
  /** Place in line among those confirmed for this service and location (waiting or offered). */
  position: number | null;
  /** The open offer: its time and until when it is held. */
  offer: { startsAt: Date; expiresAt: Date } | null;
};

/** The entry behind a link; a tampered or unknown link is `not_found` (the page says so). */
export async function entryByLink(db: Database, token: string | undefined): Promise<EntryView> {
  const entry = isLinkToken(token) ? await findEntryByToken(db, hashLinkToken(token)) : undefined;
  if (!entry) throw unknownLink();
  const open = entry.status === 'waiting' || entry.status === 'offered';
  const offer = entry.status === 'offered' ? await openOfferOfEntry(db, entry.id) : undefined;
  return {
    status: entry.status,
    serviceId: entry.service_id,
    locationId: entry.location_id,
    language: entry.language,
    weekdays: entry.weekdays,
    fromMinute: entry.from_minute,
    untilMinute: entry.until_minute,
    position: open && entry.place ? await positionOf(db, { ...entry, place: entry.place }) : null,
    offer: offer ? { startsAt: offer.starts_at, expiresAt: offer.expires_at } : null,
  };
}

/** The entry behind a link, locked for a change in `trx` (two clicks take turns). */
export async function lockEntryByLink(trx: Transaction<DB>, token: string | undefined): Promise<EntryRow> {
  const entry = isLinkToken(token) ? await findEntryByToken(trx, hashLinkToken(token), { lock: true }) : undefined;
  if (!entry) throw unknownLink();
  return entry;
}

export function unknownLink(): AppError {
  return new AppError('not_found', 'This link is not valid.', { details: { reason: 'unknown_link' } });
}
