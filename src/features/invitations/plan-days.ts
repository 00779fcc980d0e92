/**
 * How many invitations a day may take for one service, and which day an invitation goes to. Pure:
 * the run feeds it the free appointments per day and the invitations already placed.
 */
export type DayBudget = {
  date: string;
  /** Appointments free now plus those already taken by invitations: what the day offers at all. */
  capacity: number;
  /** Invitations placed on the day (earlier runs and this one). */
  invited: number;
};

/**
 * Invitations may take the day's capacity less the share kept free for walk-in and online
 * (rounded so that at least that share stays free).
 */
export function allowance(day: DayBudget, keepFreePercent: number): number {
  return Math.max(0, Math.floor((day.capacity * (100 - keepFreePercent)) / 100) - day.invited);
}

/**
 * The day for the next invitation among `days` (sorted by date) up to `latest`: the one with the
 * most allowance left, the earliest among equals — so a run spreads its invitations over the days
 * instead of filling the first ones.
 */
export function chooseDay(days: readonly DayBudget[], latest: string, keepFreePercent: number): DayBudget | undefined {
  let best: DayBudget | undefined;
  let bestLeft = 0;
  for (const day of days) {
    if (day.date > latest) break;
    const left = allowance(day, keepFreePercent);
    if (left > bestLeft) {
      best = day;
      bestLeft = left;
    }
  }
  return best;
}
