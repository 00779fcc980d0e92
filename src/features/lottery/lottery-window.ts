import { Temporal } from 'temporal-polyfill';

/**
 * When a service's lottery is open on a day: from its release time for `windowMinutes` (wall-clock
 * minutes in the location's zone, as the engine compares its release time). The engine releases
 * what the draw left over `drawMarginMinutes` after the window (schedule-store.ts adds the same 5).
 */
export const drawMarginMinutes = 5;

export type LotteryRules = { release: string; windowMinutes: number; holdMinutes: number; minLeadMinutes: number; timeZone: string };

export type LotteryWindow = { day: string; opens: Date; closes: Date };

export function lotteryWindow(rules: LotteryRules, day: string): LotteryWindow {
  const opening = Temporal.PlainDate.from(day).toPlainDateTime(Temporal.PlainTime.from(rules.release));
  const at = (local: Temporal.PlainDateTime) => new Date(local.toZonedDateTime(rules.timeZone).epochMilliseconds);
  return { day, opens: at(opening), closes: at(opening.add({ minutes: rules.windowMinutes })) };
}

export type WindowState = 'before' | 'open' | 'closed';

export function windowState(window: LotteryWindow, now: Date): WindowState {
  if (now < window.opens) return 'before';
  return now < window.closes ? 'open' : 'closed';
}

/** Until when a drawn time is held: the hold period, but never past the time's own start. */
export function holdUntil(rules: Pick<LotteryRules, 'holdMinutes'>, drawnAt: Date, start: Date): Date {
  return new Date(Math.min(drawnAt.getTime() + rules.holdMinutes * 60_000, start.getTime()));
}
