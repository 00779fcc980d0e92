import { isId } from '../../shared/id.ts';
import { sql } from 'kysely';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { permitFrontDeskAction, callableSpecialties, type StaffActor } from './actors.ts';
import type { FrontDeskSettings } from './check-in-window.ts';
import { announceQueueChange, recordCall } from './display-events.ts';
import { findLocationById, isUniqueViolation, loadSettings, type Db, type Trx } from './front-desk-store.ts';
import { officeDay } from '../../shared/office-day.ts';

export type CalledTicket = { id: string; displayNumber: string; counterName: string; eventId: number };

/**
 * Call next: takes the first waiting ticket of the clerk's specialties and calls it to the
 * clerk's counter, in one transaction. `FOR UPDATE SKIP LOCKED` lets clerks calling at the
 * same moment each take a different ticket instead of waiting on (or taking) the same one.
 * Returns null when the queue is empty.
 */
export async function callNextTicket(
  deps: { db: Db; clock: Clock },
  actor: StaffActor,
  input: { locationId: string; counterId: string; specialtyIds?: readonly string[] | undefined },
): Promise<CalledTicket | null> {
  permitFrontDeskAction(actor, 'call', input.locationId);
  const specialtyIds = callableSpecialties(actor, input.specialtyIds);
  if (specialtyIds.length === 0)
    throw new AppError('forbidden', 'You serve no specialty, so there is nobody to call.', { details: { reason: 'no_specialty' } });
  const location = await findLocationById(deps.db, input.locationId);
  const settings = await loadSettings(deps.db, location.id);
  const counter = await findCounter(deps.db, location.id, input.counterId);
  const now = deps.clock.now();
  const today = officeDay(now, location.time_zone);

  try {
    return await deps.db.transaction().execute(async (trx) => {
      const open = await trx
        .selectFrom('ticket')
        .select('display_number')
        .where('staff_id', '=', actor.staffId)
        .where('status', 'in', ['called', 'in_service'])
        .executeTakeFirst();
      if (open) throw stillServing(open.display_number ?? '');
      const next = await sql<{ id: string; display_number: string; language: string }>`
        SELECT id, display_number, language FROM ticket
        WHERE location_id = ${location.id} AND day = ${today} AND status = 'waiting'
          AND specialty_id = ANY(${sql.val(specialtyIds)}::uuid[])
        ORDER BY ${queueOrder(settings)}
        LIMIT 1
        FOR UPDATE SKIP LOCKED`.execute(trx);
      const ticket = next.rows[0];
      if (!ticket) return null;
      await trx
        .updateTable('ticket')
        .set({ status: 'called', called_at: now, counter_id: counter.id, staff_id: actor.staffId, recall_count: 0, updated_at: now })
        .where('id', '=', ticket.id)
        .execute();
      await announceQueueChange(trx, location.id, 'call');
      const event = await recordCall(trx, {
        locationId: location.id,
        ticketId: ticket.id,
        number: ticket.display_number,
        counter: counter.name,
        language: ticket.language,
        kind: 'call',
        at: now,
      });
      return { id: ticket.id, displayNumber: ticket.display_number, counterName: counter.name, eventId: event.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'ticket_one_active_per_counter')) {
      throw new AppError('conflict', `Counter ${counter.name} is serving someone else right now; choose another counter.`, {
        details: { reason: 'counter_busy' },
      });
    }
    if (isUniqueViolation(error, 'ticket_one_active_per_staff')) throw stillServing('');
    throw error;
  }
}

/** The documented queue order (docs/decisions.md): priority marks, then appointments by time, then walk-ins by arrival. */
export function queueOrder(settings: Pick<FrontDeskSettings, 'queueOrder' | 'priorityFirst'>) {
  const parts = [];
  if (settings.priorityFirst) parts.push(sql`priority DESC`);
  if (settings.queueOrder === 'appointments_first') parts.push(sql`(appointment_id IS NULL)`, sql`queued_at`);
  parts.push(sql`checked_in_at`, sql`number`);
  return sql.join(parts);
}

export async function findCounter(db: Db | Trx, locationId: string, counterId: string) {
  if (!isId(counterId)) throw new AppError('not_found', 'There is no such counter at this location.', { details: { reason: 'unknown_counter' } });
  const counter = await db
    .selectFrom('counter')
    .select(['id', 'name'])
    .where('id', '=', counterId)
    .where('location_id', '=', locationId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!counter) throw new AppError('not_found', 'There is no such counter at this location.', { details: { reason: 'unknown_counter' } });
  return counter;
}

function stillServing(number: string): AppError {
  return new AppError('conflict', `You are still serving ${number || 'a visitor'}: finish, park or transfer that ticket first.`, {
    details: { reason: 'still_serving' },
  });
}
