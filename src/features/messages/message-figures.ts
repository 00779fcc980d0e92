import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export type MessageWeek = { week: string; received: number; answered: number; medianHours: number | null; p90Hours: number | null };

/**
 * Messages per ISO week (received at the location between `from` and `to`) and, of those answered,
 * the time to the answer: median and 90th percentile in hours. Counts only, no personal data.
 */
export async function messageFigures(db: Database, input: { locationId: string; from: Date; to: Date; timeZone: string }): Promise<MessageWeek[]> {
  const rows = await db
    .selectFrom('portal_message')
    .leftJoin('portal_message_answer', 'portal_message_answer.message_id', 'portal_message.id')
    .select([
      sql<string>`to_char(date_trunc('week', portal_message.received_at AT TIME ZONE ${input.timeZone}), 'IYYY-"W"IW')`.as('week'),
      sql<number>`count(*)::int`.as('received'),
      sql<number>`count(portal_message_answer.message_id)::int`.as('answered'),
      sql<
        number | null
      >`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM portal_message_answer.answered_at - portal_message.received_at) / 3600)`.as('median'),
      sql<
        number | null
      >`percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM portal_message_answer.answered_at - portal_message.received_at) / 3600)`.as('p90'),
    ])
    .where('portal_message.location_id', '=', input.locationId)
    .where('portal_message.received_at', '>=', input.from)
    .where('portal_message.received_at', '<', input.to)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  const hours = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);
  return rows.map((r) => ({ week: r.week, received: r.received, answered: r.answered, medianHours: hours(r.median), p90Hours: hours(r.p90) }));
}
