import { AppError } from '../../shared/app-error.ts';
import { attempt, violatedConstraint } from './appointment-store.ts';
import type { NotifyingDeps } from './notified-changes.ts';

/**
 * The invited person confirms the reserved time: it becomes booked, and the confirmation mail is
 * recorded with it (one transaction). Confirming twice is no change. The person may have booked
 * the same service themselves meanwhile: then the reservation stays and the answer is a 409.
 */
export async function confirmReservation(deps: NotifyingDeps, appointmentId: string): Promise<'confirmed' | 'unchanged'> {
  const now = deps.clock.now();
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const changed = await attempt(trx, () =>
        trx
          .updateTable('appointment')
          .set({ status: 'booked', updated_at: now })
          .where('id', '=', appointmentId)
          .where('status', '=', 'reserved')
          .where('starts_at', '>', now)
          .executeTakeFirst(),
      ).catch((error: unknown) => {
        if (violatedConstraint(error)?.constraint === 'appointment_one_active_per_person_and_service')
          throw new AppError('duplicate_booking', 'You already have an appointment for this service.');
        throw error;
      });
      if (changed.numUpdatedRows === 0n) return 'unchanged' as const;
      await deps.notices.changed(trx, { kind: 'booked', appointmentId, actor: { channel: 'online' }, at: now });
      return 'confirmed' as const;
    })
    .finally(() => deps.notices.committed?.());
}
