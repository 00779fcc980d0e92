import type { Database } from '../../db/database.ts';

export type InvitationPolicy = {
  windowFromDays: number;
  windowToDays: number;
  earliestDays: number;
  daysBeforeExpiry: number;
  keepFreePercent: number;
  releaseDaysBefore: number;
  reminderDaysBefore: number;
  reviewBeforeRelease: boolean;
};

/** The office's invitation settings (one row, created by the migration with its defaults). */
export async function loadPolicy(db: Database): Promise<InvitationPolicy> {
  const row = await db.selectFrom('invitation_policy').selectAll().executeTakeFirstOrThrow();
  return {
    windowFromDays: row.window_from_days,
    windowToDays: row.window_to_days,
    earliestDays: row.earliest_days,
    daysBeforeExpiry: row.days_before_expiry,
    keepFreePercent: row.keep_free_percent,
    releaseDaysBefore: row.release_days_before,
    reminderDaysBefore: row.reminder_days_before,
    reviewBeforeRelease: row.review_before_release,
  };
}

/** Which service a kind of title is extended in (invitation_service). */
export async function servicesByTitleKind(db: Database): Promise<Map<string, string>> {
  const rows = await db.selectFrom('invitation_service').select(['title_kind', 'service_id']).execute();
  return new Map(rows.map((r) => [r.title_kind, r.service_id]));
}
