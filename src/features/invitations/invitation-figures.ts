import type { Database } from '../../db/database.ts';
import { appointmentsByIds } from '../appointments/index.ts';

export type InvitationFigures = { sent: number; confirmed: number; moved: number; released: number; declined: number; open: number };

/**
 * What became of the invitations sent (letters released) in [from, to) for appointments at a
 * location: confirmed as proposed, moved by the person, released unconfirmed, declined (cancelled by
 * the person), still open. Counts only.
 */
export async function invitationFigures(db: Database, query: { locationId: string; from: Date; to: Date }): Promise<InvitationFigures> {
  const rows = await db
    .selectFrom('invitation as i')
    .innerJoin('invitation_run as r', 'r.id', 'i.run_id')
    .select(['i.appointment_id', 'i.released_at'])
    .where('r.letters_released_at', '>=', query.from)
    .where('r.letters_released_at', '<', query.to)
    .execute();
  const figures: InvitationFigures = { sent: 0, confirmed: 0, moved: 0, released: 0, declined: 0, open: 0 };
  const releasedIds = new Set(rows.filter((r) => r.released_at !== null).map((r) => r.appointment_id));
  const ids = rows.map((r) => r.appointment_id);
  for (let i = 0; i < ids.length; i += 5000) {
    for (const a of await appointmentsByIds(db, ids.slice(i, i + 5000))) {
      if (a.location_id !== query.locationId) continue;
      figures.sent++;
      if (releasedIds.has(a.id)) figures.released++;
      else if (a.status === 'reserved') figures.open++;
      else if (a.status === 'cancelled') figures.declined++;
      else if (a.rescheduled_at !== null) figures.moved++;
      else figures.confirmed++;
    }
  }
  return figures;
}
