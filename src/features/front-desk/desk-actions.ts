import type { Updateable } from 'kysely';
import type { Ticket } from '../../db/schema.generated.ts';
import { isId } from '../../shared/id.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { completeAppointment, markAppointmentNoShow } from '../appointments/index.ts';
import { completePickUpOfAppointment } from '../case-files/index.ts';
import { permitFrontDeskAction, callableSpecialties, type StaffActor } from './actors.ts';
import { findCounter } from './call-next.ts';
import { announceQueueChange, recordCall } from './display-events.ts';
import { isUniqueViolation, loadSettings, type Db, type Trx } from './front-desk-store.ts';

/**
 * What a clerk does with the ticket at the counter. Each action locks the ticket row, checks
 * that it is still in the state the clerk saw (a stale page gets a clear "already …" message
 * and nothing changes), and announces the change to desks, reception and displays.
 */
type Deps = { db: Db; clock: Clock };
type Status = 'waiting' | 'called' | 'in_service' | 'parked' | 'transferred' | 'finished' | 'no_show';

const statusWords: Record<Status, string> = {
  waiting: 'is waiting again',
  called: 'has been called',
  in_service: 'is being served',
  parked: 'is parked',
  transferred: 'was handed over',
  finished: 'is already finished',
  no_show: 'was marked as not present',
};

async function lockTicket(trx: Trx, actor: StaffActor, ticketId: string, allowed: readonly Status[], options: { ownOnly: boolean }) {
  if (!isId(ticketId)) throw new AppError('not_found', 'There is no such ticket.');
  const ticket = await trx.selectFrom('ticket').selectAll().where('id', '=', ticketId).forUpdate().executeTakeFirst();
  if (!ticket) throw new AppError('not_found', 'There is no such ticket.');
  permitFrontDeskAction(actor, 'call', ticket.location_id);
  const status = ticket.status as Status;
  if (!allowed.includes(status)) {
    throw new AppError('conflict', `Ticket ${ticket.display_number} ${statusWords[status]}; nothing was changed.`, {
      details: { reason: 'stale', status },
    });
  }
  if (options.ownOnly && ticket.staff_id !== actor.staffId) {
    throw new AppError('conflict', `Ticket ${ticket.display_number} is being handled by another clerk; nothing was changed.`, {
      details: { reason: 'not_your_ticket' },
    });
  }
  return ticket;
}

export async function recallTicket(deps: Deps, actor: StaffActor, ticketId: string): Promise<{ recallCount: number; eventId: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await lockTicket(trx, actor, ticketId, ['called'], { ownOnly: true });
    const settings = await loadSettings(trx, ticket.location_id);
    if (ticket.recall_count >= settings.maxRecalls) {
      throw new AppError('conflict', `Ticket ${ticket.display_number} was called ${settings.maxRecalls + 1} times; mark it as not present.`, {
        details: { reason: 'recalls_used_up' },
      });
    }
    const counter = await findCounter(trx, ticket.location_id, ticket.counter_id ?? '');
    await trx
      .updateTable('ticket')
      .set({ recall_count: ticket.recall_count + 1, updated_at: now })
      .where('id', '=', ticket.id)
      .execute();
    const event = await recordCall(trx, {
      locationId: ticket.location_id,
      ticketId: ticket.id,
      number: ticket.display_number ?? '',
      counter: counter.name,
      language: ticket.language,
      kind: 'recall',
      at: now,
    });
    return { recallCount: ticket.recall_count + 1, eventId: event.id };
  });
}

/** The visitor arrived at the counter. */
export async function startService(deps: Deps, actor: StaffActor, ticketId: string): Promise<void> {
  await stepOwnTicket(deps, actor, ticketId, { from: ['called'], set: (now) => ({ status: 'in_service', started_at: now }), reason: 'start' });
}

/** Nobody came after the calls: the visit ends as a no-show, and so does the appointment. */
export async function markNoShow(deps: Deps, actor: StaffActor, ticketId: string): Promise<void> {
  await stepOwnTicket(deps, actor, ticketId, {
    from: ['called'],
    set: (now) => ({ status: 'no_show', finished_at: now }),
    reason: 'no_show',
    appointment: markAppointmentNoShow,
  });
}

/** The visitor steps aside (e.g. fetches a document); the clerk can call the next one meanwhile. */
export async function parkTicket(deps: Deps, actor: StaffActor, ticketId: string): Promise<void> {
  await stepOwnTicket(deps, actor, ticketId, { from: ['called', 'in_service'], set: () => ({ status: 'parked', counter_id: null }), reason: 'park' });
}

/**
 * One step of the clerk's own visit, in one transaction: lock the ticket in one of the `from`
 * states, change it, end its appointment the same way when there is one, tell the screens.
 */
async function stepOwnTicket(
  deps: Deps,
  actor: StaffActor,
  ticketId: string,
  step: {
    from: readonly Status[];
    set: (now: Date) => Updateable<Ticket>;
    reason: string;
    appointment?: (trx: Trx, appointmentId: string, now: Date) => Promise<boolean>;
  },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const ticket = await lockTicket(trx, actor, ticketId, step.from, { ownOnly: true });
    await trx
      .updateTable('ticket')
      .set({ ...step.set(now), updated_at: now })
      .where('id', '=', ticket.id)
      .execute();
    if (ticket.appointment_id && step.appointment) await step.appointment(trx, ticket.appointment_id, now);
    await announceQueueChange(trx, ticket.location_id, step.reason);
  });
}

/** Calls a parked visitor back to this clerk's counter (shown on the displays again). */
export async function resumeTicket(deps: Deps, actor: StaffActor, input: { ticketId: string; counterId: string }): Promise<{ eventId: number }> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const ticket = await lockTicket(trx, actor, input.ticketId, ['parked'], { ownOnly: false });
      callableSpecialties(actor, [ticket.specialty_id]);
      const counter = await findCounter(trx, ticket.location_id, input.counterId);
      await trx
        .updateTable('ticket')
        .set({ status: 'called', counter_id: counter.id, staff_id: actor.staffId, called_at: now, recall_count: 0, updated_at: now })
        .where('id', '=', ticket.id)
        .execute();
      await announceQueueChange(trx, ticket.location_id, 'resume');
      const event = await recordCall(trx, {
        locationId: ticket.location_id,
        ticketId: ticket.id,
        number: ticket.display_number ?? '',
        counter: counter.name,
        language: ticket.language,
        kind: 'call',
        at: now,
      });
      return { eventId: event.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'You or this counter are still serving someone: finish, park or transfer that ticket first.', {
        details: { reason: 'still_serving' },
      });
    }
    throw error;
  }
}

/**
 * Hands the visit to another queue (e.g. the back office) with a note for the next clerk.
 * With `visitorWaits` the visitor queues there keeping their place in time; without it the
 * case is handed over for processing and the visit ends here (status `transferred`).
 */
export async function transferTicket(
  deps: Deps,
  actor: StaffActor,
  input: { ticketId: string; toSpecialtyId: string; note: string; visitorWaits: boolean },
): Promise<void> {
  const now = deps.clock.now();
  if (!isId(input.toSpecialtyId)) throw new AppError('not_found', 'There is no such queue.');
  await deps.db.transaction().execute(async (trx) => {
    const ticket = await lockTicket(trx, actor, input.ticketId, ['called', 'in_service', 'parked'], { ownOnly: true });
    const anyTarget = await trx.selectFrom('specialty').select('id').where('id', '=', input.toSpecialtyId).executeTakeFirst();
    if (!anyTarget) throw new AppError('not_found', 'There is no such queue.');
    await trx
      .insertInto('ticket_transfer')
      .values({
        ticket_id: ticket.id,
        from_specialty_id: ticket.specialty_id,
        to_specialty_id: anyTarget.id,
        staff_id: actor.staffId,
        note: input.note,
        created_at: now,
      })
      .execute();
    await trx
      .updateTable('ticket')
      .set(
        input.visitorWaits
          ? { status: 'waiting', specialty_id: anyTarget.id, counter_id: null, staff_id: null, updated_at: now }
          : { status: 'transferred', specialty_id: anyTarget.id, counter_id: null, finished_at: now, updated_at: now },
      )
      .where('id', '=', ticket.id)
      .execute();
    await announceQueueChange(trx, ticket.location_id, 'transfer');
  });
}

export type Outcome = {
  result: 'done' | 'documents_missing';
  /** Documents missing: the clerk offers a follow-up appointment (reception books it). */
  followUpWanted?: boolean;
};

export async function finishTicket(deps: Deps, actor: StaffActor, input: { ticketId: string; outcome: Outcome }): Promise<void> {
  const now = deps.clock.now();
  // The fee is a payment of the fees feature (/staff/payments, receipt, cash report), not a field of the ticket.
  await deps.db.transaction().execute(async (trx) => {
    const ticket = await lockTicket(trx, actor, input.ticketId, ['called', 'in_service'], { ownOnly: true });
    await trx
      .updateTable('ticket')
      .set({
        status: 'finished',
        outcome: input.outcome.result,
        follow_up_wanted: input.outcome.result === 'documents_missing' && (input.outcome.followUpWanted ?? false),
        started_at: ticket.started_at ?? now,
        finished_at: now,
        counter_id: null,
        updated_at: now,
      })
      .where('id', '=', ticket.id)
      .execute();
    if (ticket.appointment_id) {
      const completed = await completeAppointment(trx, ticket.appointment_id, now);
      // A visit done for a procedure whose eAT was ready is its pick-up: Lotse closes the procedure
      // (its notice goes out with the next delivery run).
      if (completed && input.outcome.result === 'done') await completePickUpOfAppointment(trx, ticket.appointment_id, now);
    }
    await announceQueueChange(trx, ticket.location_id, 'finish');
  });
}

/** Reception marks (or unmarks) a waiting visitor as priority (disability, pregnancy, small children …). */
export async function markPriority(
  deps: Deps,
  actor: StaffActor,
  input: { ticketId: string; priority: boolean; reason?: 'disability' | 'pregnancy' | 'children' | 'other' | undefined },
): Promise<void> {
  const now = deps.clock.now();
  if (!isId(input.ticketId)) throw new AppError('not_found', 'There is no such ticket.');
  await deps.db.transaction().execute(async (trx) => {
    const ticket = await trx
      .selectFrom('ticket')
      .select(['id', 'location_id', 'status', 'display_number'])
      .where('id', '=', input.ticketId)
      .forUpdate()
      .executeTakeFirst();
    if (!ticket) throw new AppError('not_found', 'There is no such ticket.');
    permitFrontDeskAction(actor, 'reception', ticket.location_id);
    if (ticket.status !== 'waiting') {
      throw new AppError('conflict', `Ticket ${ticket.display_number} is no longer waiting; nothing was changed.`, { details: { reason: 'stale' } });
    }
    await trx
      .updateTable('ticket')
      .set({ priority: input.priority, priority_reason: input.priority ? (input.reason ?? 'other') : null, updated_at: now })
      .where('id', '=', ticket.id)
      .execute();
    await announceQueueChange(trx, ticket.location_id, 'priority');
  });
}
