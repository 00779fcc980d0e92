import type { Clock } from '../../shared/clock.ts';
import { isId } from '../../shared/id.ts';
import type { LocationRow, Db } from './front-desk-store.ts';
import { serviceName, ticketAt, walkInServices } from './kiosk-store.ts';
import { officeClosedAt, type OfficeClosed } from './office-closed.ts';
import { officeDay } from '../../shared/office-day.ts';

/**
 * The kiosk's read models. The caller (kiosk-routes.tsx) has already checked that the device is
 * a kiosk of this location.
 */
export type Concern = { id: string; name: string };

/** The concerns a visitor without an appointment may choose now: none while the office is closed. */
export async function walkInChoice(
  deps: { db: Db; clock: Clock },
  location: LocationRow,
  lang: string,
): Promise<{ closed: OfficeClosed | null; concerns: Concern[] }> {
  const now = deps.clock.now();
  const closed = await officeClosedAt(deps.db, location, now);
  if (closed) return { closed, concerns: [] };
  const rows = await walkInServices(deps.db, location.id, officeDay(now, location.time_zone), lang);
  const concerns = rows
    .filter((row) => row.walk_in_daily_quota === null || (row.used ?? 0) < row.walk_in_daily_quota)
    .map((row) => ({ id: row.id, name: row.own_name ?? row.de_name ?? '' }));
  return { closed: null, concerns };
}

export type TicketSlip = { number: string; language: string; serviceName: string; issuedAt: Date };

/** A ticket issued at this location, for its slip; `lang` names the concern (the ticket's own language if not given). */
export async function ticketSlip(
  deps: { db: Db },
  location: LocationRow,
  ticketId: string,
  lang: (ticketLanguage: string) => string,
): Promise<TicketSlip | null> {
  const ticket = isId(ticketId) ? await ticketAt(deps.db, ticketId, location.id) : undefined;
  if (!ticket) return null;
  return {
    number: ticket.display_number ?? '',
    language: ticket.language,
    serviceName: await serviceName(deps.db, ticket.service_id, lang(ticket.language)),
    issuedAt: ticket.checked_in_at,
  };
}
