import { isAppError } from '../../shared/app-error.ts';
import { isId } from '../../shared/id.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import type { Requester } from './requester.ts';
import { canonicalCode } from './appointment-code.ts';
import type { AppointmentNotifier } from './appointment-notifier.ts';
import type { AppointmentView } from './appointment-view.ts';
import { bookAppointment, type BookingRequest, type BookingResult } from './book-appointment.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import type { EngineDeps } from './engine-deps.ts';
import type { AppointmentLocator } from './manage-appointment.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';

/**
 * The engine's changes with the person told about them: the change and its notice commit
 * together (booking: in one statement; cancel and move: in one transaction, the use cases then
 * writing under savepoints), so an appointment never changes without its message, and a failed
 * change leaves none.
 */
export type NotifyingDeps = EngineDeps & { notices: AppointmentNotifier };

export async function bookAndNotify(deps: NotifyingDeps, request: BookingRequest): Promise<BookingResult> {
  // The booking statement records the notice itself (one statement, no transaction around it);
  // a replayed Idempotency-Key answers with the earlier booking, which was confirmed then.
  try {
    const result = await bookAppointment(deps, { ...request, notify: true });
    if (!result.replayed) deps.notices.committed?.();
    return result;
  } catch (error) {
    // A refused duplicate recorded a notice telling the person about the appointment they hold.
    if (isAppError(error) && error.code === 'duplicate_booking') deps.notices.committed?.();
    throw error;
  }
}

export async function cancelAndNotify(deps: NotifyingDeps, locator: AppointmentLocator, actor: Requester, note?: string): Promise<AppointmentView> {
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const before = await lockAppointment(trx, locator);
      const view = await cancelAppointment({ ...deps, db: trx }, locator, actor);
      // Cancelling twice answers with the cancelled appointment; only the first one tells the person.
      if ((before?.status === 'booked' || before?.status === 'reserved') && view.status === 'cancelled')
        await deps.notices.changed(trx, { kind: 'cancelled', appointmentId: view.id, actor, at: deps.clock.now(), note });
      return view;
    })
    .finally(() => deps.notices.committed?.());
}

export async function rescheduleAndNotify(
  deps: NotifyingDeps,
  locator: AppointmentLocator,
  change: { start: string; staffId?: string | undefined },
  actor: Requester,
): Promise<AppointmentView> {
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const before = await lockAppointment(trx, locator);
      const view = await rescheduleAppointment({ ...deps, db: trx }, locator, change, actor);
      // A "move" to the same start (only the clerk may differ) changes nothing for the person.
      if (before && new Date(view.startsAt).getTime() !== before.starts_at.getTime())
        await deps.notices.changed(trx, { kind: 'moved', appointmentId: view.id, actor, at: deps.clock.now() });
      return view;
    })
    .finally(() => deps.notices.committed?.());
}

/**
 * Locks the row before the use case reads it, so what it was before is certain: a second,
 * concurrent cancel waits here and then sees the appointment already cancelled. Taking the lock
 * does not reveal anything; the use case still checks the manage secret.
 */
async function lockAppointment(trx: Transaction<DB>, locator: AppointmentLocator) {
  const query = trx.selectFrom('appointment').select(['id', 'status', 'starts_at']).forUpdate();
  if ('appointmentId' in locator) {
    return isId(locator.appointmentId) ? query.where('id', '=', locator.appointmentId).executeTakeFirst() : undefined;
  }
  const code = canonicalCode(locator.code);
  return /^[A-Z0-9]{6,12}$/.test(code) ? query.where('code', '=', code).executeTakeFirst() : undefined;
}
