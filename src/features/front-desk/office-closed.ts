import { AppError } from '../../shared/app-error.ts';
import { closedInterval, closedPeriods, loadClosures } from '../appointments/index.ts';
import type { Db } from './front-desk-store.ts';
import { officeDay } from '../../shared/office-day.ts';

/** Why the office is closed right now: a public holiday (named), or a closure until a time or for the day. */
export type OfficeClosed = { holiday: { key: string | null; germanName: string } | null; until: string | null };

/**
 * Whether the location is closed at `now`: a public holiday of its federal state or a closure
 * the office entered, read with the same functions that keep the engine from booking then.
 */
export async function officeClosedAt(
  db: Db,
  location: { id: string; time_zone: string; federal_state: string | null },
  now: Date,
): Promise<OfficeClosed | null> {
  const today = officeDay(now, location.time_zone);
  const periods = closedPeriods(location.federal_state, await loadClosures(db, location.id, today), today, today);
  const current = periods.find((period) => {
    const { start, end } = closedInterval(location.time_zone, period);
    return start <= now.getTime() && now.getTime() < end;
  });
  if (!current) return null;
  return {
    holiday: current.kind === 'holiday' ? { key: current.holiday.key, germanName: current.holiday.germanName } : null,
    until: current.ends === null || current.ends.startsWith('24:') ? null : current.ends,
  };
}

/** The kiosk issues no ticket while the office is closed. */
export async function refuseWhenClosed(db: Db, location: { id: string; time_zone: string; federal_state: string | null }, now: Date): Promise<void> {
  const closed = await officeClosedAt(db, location, now);
  if (!closed) return;
  throw new AppError('conflict', 'The office is closed now; no tickets are issued.', {
    details: { reason: 'office_closed', until: closed.until, holiday: closed.holiday?.key ?? closed.holiday?.germanName ?? null },
  });
}
