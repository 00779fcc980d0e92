import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { officeDay } from '../../shared/office-day.ts';
import { withoutWaitingForDisk } from './guard-lookup.ts';

export type LookupChannel = 'portal' | 'api';
export type LookupKind = 'procedure' | 'card';

/**
 * Counts a look-up on the office's day: one row per day, channel and kind, nothing about who
 * asked or for what. One upsert, so two look-ups at the same moment both count; like the rate-limit
 * counters, it does not wait for the disk.
 */
export async function countLookup(
  deps: { db: Database; clock: Clock; timeZone: string },
  lookup: { channel: LookupChannel; kind: LookupKind; found: boolean },
): Promise<void> {
  const day = officeDay(deps.clock.now(), deps.timeZone);
  const found = lookup.found ? 1 : 0;
  await withoutWaitingForDisk(deps.db, (trx) =>
    trx
      .insertInto('status_lookup_day')
      .values({ day, channel: lookup.channel, kind: lookup.kind, lookups: 1, found })
      .onConflict((oc) =>
        oc.columns(['day', 'channel', 'kind']).doUpdateSet({
          lookups: sql`status_lookup_day.lookups + 1`,
          found: sql`status_lookup_day.found + ${found}`,
        }),
      )
      .execute(),
  );
}
