import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import type { Requester } from './requester.ts';

/**
 * What happened to an appointment, told to whoever informs the person (the citizen portal's
 * e-mails and reminder). `actor` says who made the change: a staff actor means the office did.
 */
export type AppointmentChange = {
  /** 'existing': a booking was refused as a duplicate; the person is told about the one they hold. */
  kind: 'booked' | 'cancelled' | 'moved' | 'existing';
  appointmentId: string;
  actor: Requester;
  /** When the change was made (the injected clock's now): the notice's created_at. */
  at: Date;
  /** A line from the office for the person (e.g. why it had to cancel). */
  note?: string | undefined;
  /** The appointment as it is now, when the caller has just read it (a delivery of notices does). */
  appointment?: NoticedAppointment | undefined;
};

/** What a message about an appointment is written from. */
export type NoticedAppointment = {
  id: string;
  code: string;
  service_id: string;
  location_id: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  person_name: string;
  date_of_birth: string;
  /** Which parts of the date of birth are known (birth-date-match.ts); whole when left out. */
  date_of_birth_precision?: string;
  email: string | null;
  language: string;
  manage_secret_hash: string;
};

/**
 * The seam between the appointment engine and the messages to the person. `changed` runs inside
 * the transaction of the change, so a change and its message commit together or not at all;
 * `committed` is called after that transaction committed. The engine does not know how people
 * are told: the app records notices (appointment-notices.ts) that the portal's deliverer turns
 * into mails (see docs/decisions.md).
 */
export type AppointmentNotifier = {
  changed(trx: Transaction<DB>, change: AppointmentChange): Promise<void>;
  committed?(): void;
};
