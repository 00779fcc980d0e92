import type { Database } from '../../db/database.ts';
import { feeItemsOfService, itemsOnDay } from './fee-store.ts';

export type ExpectedFee = { name: string; legalBasis: string; amountCents: number };

/**
 * The fee a person should expect for a service on a day (an invitation names it): the service's
 * first item with an amount valid that day; undefined when the service has none. The clerk still
 * decides at the counter (reductions, exemptions: propose-fee.ts).
 */
export async function expectedFee(deps: { db: Database }, serviceId: string, day: string): Promise<ExpectedFee | undefined> {
  const [items, ofService] = await Promise.all([itemsOnDay(deps.db, day), feeItemsOfService(deps.db, serviceId)]);
  const wanted = new Set(ofService.map((row) => row.fee_item_id));
  const item = items.find((i) => wanted.has(i.id) && i.active && i.amount_cents !== null);
  return item ? { name: item.name_de, legalBasis: item.legal_basis, amountCents: item.amount_cents ?? 0 } : undefined;
}
