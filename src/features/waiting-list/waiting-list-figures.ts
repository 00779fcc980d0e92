import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Per service at a location: who waits now, and the offers made in a period and how they ended. Counts only. */
export type WaitingListFigures = {
  serviceId: string;
  serviceName: string;
  waiting: number;
  offered: number;
  accepted: number;
  expired: number;
  declined: number;
};

export async function waitingListFigures(db: Database, locationId: string, period: { start: Date; end: Date }): Promise<WaitingListFigures[]> {
  const { rows } = await sql<WaitingListFigures>`
    WITH waiting AS (
      SELECT service_id, count(*)::int AS n FROM waiting_list_entry
       WHERE location_id = ${locationId} AND status IN ('waiting', 'offered') GROUP BY service_id
    ), offers AS (
      SELECT service_id, count(*)::int AS offered,
             count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE status = 'expired')::int AS expired,
             count(*) FILTER (WHERE status = 'declined')::int AS declined
        FROM waiting_list_offer
       WHERE location_id = ${locationId} AND created_at >= ${period.start} AND created_at < ${period.end} GROUP BY service_id
    )
    SELECT s.id AS "serviceId", coalesce(t.name, s.id::text) AS "serviceName", coalesce(w.n, 0) AS waiting,
           coalesce(o.offered, 0) AS offered, coalesce(o.accepted, 0) AS accepted, coalesce(o.expired, 0) AS expired, coalesce(o.declined, 0) AS declined
      FROM service s
      LEFT JOIN service_text t ON t.service_id = s.id AND t.lang = 'de'
      LEFT JOIN waiting w ON w.service_id = s.id
      LEFT JOIN offers o ON o.service_id = s.id
     WHERE w.n IS NOT NULL OR o.offered IS NOT NULL
     ORDER BY "serviceName"`.execute(db);
  return rows;
}
