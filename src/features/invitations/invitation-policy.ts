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

/** Each setting's column in `invitation_policy`: the one place the names are paired (reads and the admin page's writes). */
export const policyColumnOf = {
  windowFromDays: 'window_from_days',
  windowToDays: 'window_to_days',
  earliestDays: 'earliest_days',
  daysBeforeExpiry: 'days_before_expiry',
  keepFreePercent: 'keep_free_percent',
  releaseDaysBefore: 'release_days_before',
  reminderDaysBefore: 'reminder_days_before',
  reviewBeforeRelease: 'review_before_release',
} as const satisfies Record<keyof InvitationPolicy, string>;

export const policySelection = Object.entries(policyColumnOf).map(
  ([setting, column]) => `${column} as ${setting}` as `${(typeof policyColumnOf)[keyof InvitationPolicy]} as ${keyof InvitationPolicy}`,
);

/** The office's invitation settings (one row, created by the migration with its defaults). */
export function loadPolicy(db: Database): Promise<InvitationPolicy> {
  return db.selectFrom('invitation_policy').select(policySelection).executeTakeFirstOrThrow() as Promise<InvitationPolicy>;
}

/** Which service a kind of title is extended in (invitation_service). */
export async function servicesByTitleKind(db: Database): Promise<Map<string, string>> {
  const rows = await db.selectFrom('invitation_service').select(['title_kind', 'service_id']).execute();
  return new Map(rows.map((r) => [r.title_kind, r.service_id]));
}
