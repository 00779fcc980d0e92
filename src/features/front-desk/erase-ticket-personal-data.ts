import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * What a ticket holds about its person: the surname and nationality reception noted for
 * routing, and the free-text notes clerks wrote when passing the ticket on. The ticket
 * itself (queue, service, times, status, language) stays for the statistics.
 */

/** Clears the tickets of appointments whose personal data was just erased (same transaction). */
export async function eraseTicketsOfAppointments(db: Database, appointmentIds: readonly string[]): Promise<void> {
  if (appointmentIds.length === 0) return;
  const ids = [...appointmentIds];
  await sql`
    UPDATE ticket_transfer SET note = ''
    WHERE note <> '' AND ticket_id IN (SELECT id FROM ticket WHERE appointment_id = ANY(${ids}::uuid[]))
  `.execute(db);
  await sql`
    UPDATE ticket SET routing_surname = NULL, routing_nationality = NULL
    WHERE appointment_id = ANY(${ids}::uuid[]) AND (routing_surname IS NOT NULL OR routing_nationality IS NOT NULL)
  `.execute(db);
}

/**
 * Clears up to `limit` tickets of office days before `before` (walk-ins have no appointment
 * that would take them along), in each location's own zone. Returns how many were cleared.
 */
export async function eraseOldTicketPersonalData(db: Database, input: { before: Date; limit: number }): Promise<number> {
  const result = await sql<{ id: string }>`
    WITH due AS (
      SELECT t.id FROM ticket t
      JOIN location l ON l.id = t.location_id
      WHERE (t.routing_surname IS NOT NULL OR t.routing_nationality IS NOT NULL)
        AND t.day < (${input.before}::timestamptz AT TIME ZONE l.time_zone)::date
      ORDER BY t.day
      LIMIT ${input.limit}
      FOR UPDATE OF t SKIP LOCKED
    )
    UPDATE ticket SET routing_surname = NULL, routing_nationality = NULL
    FROM due WHERE ticket.id = due.id
    RETURNING ticket.id
  `.execute(db);
  return result.rows.length;
}

/** Empties up to `limit` transfer notes written before `before`. Returns how many. */
export async function eraseOldTransferNotes(db: Database, input: { before: Date; limit: number }): Promise<number> {
  const result = await sql<{ id: string }>`
    WITH due AS (
      SELECT id FROM ticket_transfer
      WHERE note <> '' AND created_at < ${input.before}
      ORDER BY created_at
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE ticket_transfer SET note = '' FROM due WHERE ticket_transfer.id = due.id
    RETURNING ticket_transfer.id
  `.execute(db);
  return result.rows.length;
}
