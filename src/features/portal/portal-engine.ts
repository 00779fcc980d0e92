import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';

/**
 * The seam between the portal and the appointment engine (implemented in engine-adapter.ts). The portal's pages only
 * call these operations; `onChange` runs inside the engine's transaction so the portal can
 * queue its e-mails and reminder exactly when the booking commits.
 */
export type FreeDay = { date: string; starts: Date[] };
export type Person = { name: string; dateOfBirth: string; email: string; phone: string | null; language: string };
export type BookedAppointment = { id: string; code: string; manageSecret: string };
export type AppointmentRow = {
  id: string;
  code: string;
  service_id: string;
  location_id: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  person_name: string;
  date_of_birth: string;
  email: string;
  language: string;
  manage_secret_hash: string;
};
export type OnChange = (trx: Transaction<DB>, appointment: AppointmentRow) => Promise<void>;

export type PortalEngine = {
  freeDays(input: { serviceId: string; locationId: string; from: string; to: string; releaseDelayMinutes: number }): Promise<FreeDay[]>;
  book(input: { serviceId: string; locationId: string; start: Date; person: Person; releaseDelayMinutes: number; onChange: OnChange }): Promise<BookedAppointment>;
  cancel(input: { appointmentId: string; onChange: OnChange }): Promise<void>;
  reschedule(input: { appointmentId: string; start: Date; releaseDelayMinutes: number; onChange: OnChange }): Promise<void>;
};

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
