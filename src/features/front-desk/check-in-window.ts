/** Settings of a location's front desk; a location without a row gets these defaults. */
export type FrontDeskSettings = {
  checkInOpensMinutes: number;
  checkInClosesMinutes: number;
  queueOrder: 'appointments_first' | 'arrival';
  priorityFirst: boolean;
  maxRecalls: number;
};

export const defaultFrontDeskSettings: FrontDeskSettings = {
  checkInOpensMinutes: 30,
  checkInClosesMinutes: 15,
  queueOrder: 'appointments_first',
  priorityFirst: true,
  maxRecalls: 2,
};

export type WindowVerdict = { ok: true } | { ok: false; reason: 'too_early' | 'too_late'; opensAt: Date; closesAt: Date };

/** Whether a visitor with an appointment at `startsAt` may check in at `now`. */
export function checkInWindow(startsAt: Date, now: Date, settings: Pick<FrontDeskSettings, 'checkInOpensMinutes' | 'checkInClosesMinutes'>): WindowVerdict {
  const opensAt = new Date(startsAt.getTime() - settings.checkInOpensMinutes * 60_000);
  const closesAt = new Date(startsAt.getTime() + settings.checkInClosesMinutes * 60_000);
  if (now < opensAt) return { ok: false, reason: 'too_early', opensAt, closesAt };
  if (now > closesAt) return { ok: false, reason: 'too_late', opensAt, closesAt };
  return { ok: true };
}
