import { isAppError } from '../../shared/app-error.ts';
import { hashManageSecret, newAppointmentCode, newManageSecret } from './appointment-code.ts';
import { attempt, isDeadlock, violatedConstraint } from './appointment-store.ts';
import type { EngineDeps } from './engine-deps.ts';
import { withCurrentSchedule } from './find-slot.ts';
import type { BirthDatePrecision } from './birth-date-match.ts';
import { bookFreeCandidate } from './slot-store.ts';

export type Reservation = {
  serviceId: string;
  locationId: string;
  /** Epoch milliseconds of the start; the clerk must work then (staff rules: no lead time, a year ahead). */
  start: number;
  staffId: string;
  person: {
    name: string;
    dateOfBirth: string;
    /** Which parts of `dateOfBirth` are known ('year': only the year, the rest filled with 1s); whole when left out. */
    dateOfBirthPrecision?: BirthDatePrecision | undefined;
    email: string | null;
    language: string;
  };
  /** Who started the run; null for the daily job. */
  createdByStaffId: string | null;
};

export type ReservedAppointment = { id: string; code: string; staffId: string; startsAt: Date; endsAt: Date };

/**
 * Reserves a time for an invited person: a real appointment with status 'reserved', so the
 * exclusion constraints keep everyone else off it until the person confirms (it becomes 'booked')
 * or the reservation is released. It is inserted by the booking statement and marked reserved in
 * the same transaction — `deps.db` must be the caller's transaction — so nobody ever sees it booked.
 * 'taken' when the clerk is no longer free then, 'duplicate' when the person already holds an
 * appointment for the service.
 */
export async function reserveAppointment(deps: EngineDeps, r: Reservation): Promise<ReservedAppointment | 'taken' | 'duplicate'> {
  if (!deps.db.isTransaction) throw new Error('reserveAppointment runs inside the caller’s transaction.');
  const now = deps.clock.now();
  const email = r.person.email?.normalize('NFC').trim() ?? '';
  try {
    return await withCurrentSchedule<ReservedAppointment | 'taken' | 'duplicate'>(
      deps,
      { serviceId: r.serviceId, locationId: r.locationId, start: r.start, actor: { channel: 'staff', staffId: r.staffId }, staffId: r.staffId },
      async ({ probe }) => {
        try {
          const result = await attempt(deps.db, async () => {
            const booked = await bookFreeCandidate(
              deps.db,
              probe,
              {
                code: newAppointmentCode(),
                // Nobody knows this secret: the letter's link carries the portal's token (manage-token.ts).
                manage_secret_hash: hashManageSecret(newManageSecret()),
                manage_secret_sealed: null,
                service_id: r.serviceId,
                person_name: r.person.name,
                date_of_birth: r.person.dateOfBirth,
                email,
                email_normalized: email.toLowerCase(),
                phone: null,
                language: r.person.language,
                created_by: 'staff',
                created_by_staff_id: r.createdByStaffId,
                idempotency_key: null,
              },
              false,
              now,
            );
            if (booked.row)
              await deps.db
                .updateTable('appointment')
                .set({ status: 'reserved', date_of_birth_precision: r.person.dateOfBirthPrecision ?? 'day' })
                .where('id', '=', booked.row.id)
                .execute();
            return booked;
          });
          if (result.version !== probe.version) return { stale: result.version };
          if (!result.row) return { done: 'taken' };
          const { id, code, staff_id, starts_at, ends_at } = result.row;
          return { done: { id, code, staffId: staff_id, startsAt: new Date(starts_at), endsAt: new Date(ends_at) } };
        } catch (error) {
          const violated = violatedConstraint(error)?.constraint;
          if (violated === 'appointment_one_active_per_person_and_service') return { done: 'duplicate' };
          if (violated === 'appointment_no_clerk_overlap' || violated === 'appointment_no_resource_overlap' || violated === 'appointment_code_key')
            return { done: 'taken' };
          if (isDeadlock(error)) return { done: 'taken' };
          throw error;
        }
      },
    );
  } catch (error) {
    // The clerk is absent or the office closed meanwhile: that time is simply not to be had.
    if (isAppError(error) && error.code === 'slot_taken') return 'taken';
    throw error;
  }
}
