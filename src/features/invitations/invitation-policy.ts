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
export function loadPolicy(db: Database): Promise<InvitationPolicy> {
  return db
    .selectFrom('invitation_policy')
    .select([
      'window_from_days as windowFromDays',
      'window_to_days as windowToDays',
      'earliest_days as earliestDays',
      'days_before_expiry as daysBeforeExpiry',
      'keep_free_percent as keepFreePercent',
      'release_days_before as releaseDaysBefore',
      'reminder_days_before as reminderDaysBefore',
      'review_before_release as reviewBeforeRelease',
    ])
    .executeTakeFirstOrThrow();
}

/** Which service a kind of title is extended in (invitation_service). */
export async function servicesByTitleKind(db: Database): Promise<Map<string, string>> {
  const rows = await db.selectFrom('invitation_service').select(['title_kind', 'service_id']).execute();
  return new Map(rows.map((r) => [r.title_kind, r.service_id]));
}
