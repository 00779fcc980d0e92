import type { PortalDeps } from '../../portal/index.ts';
import type { NoticedAppointment } from '../appointment-notifier.ts';
import type { Person } from '../book-appointment.ts';

/**
 * The seam between the portal and the appointment engine (implemented in engine-adapter.ts). The
 * portal's pages only call these operations; each change records its notice for the person's
 * mails with it, like every other change (appointment-notices.ts).
 */
export type FreeDay = { date: string; starts: Date[] };
export type BookedAppointment = { id: string; code: string; manageSecret: string };
/** An appointment as the portal reads it: what its messages are written from (engine's type). */
export type AppointmentRow = NoticedAppointment;

/** The portal shell's dependencies and the engine, for the booking and manage pages. */
export type AppointmentPortalDeps = PortalDeps & { engine: PortalEngine };

export type PortalEngine = {
  freeDays(input: { serviceId: string; locationId: string; from: string; to: string; releaseDelayMinutes: number }): Promise<FreeDay[]>;
  book(input: { serviceId: string; locationId: string; start: Date; person: Person; releaseDelayMinutes: number }): Promise<BookedAppointment>;
  cancel(input: { appointmentId: string }): Promise<void>;
  /** A reserved appointment (an invitation) confirmed by its person. */
  confirm(input: { appointmentId: string }): Promise<void>;
  reschedule(input: { appointmentId: string; start: Date; releaseDelayMinutes: number }): Promise<void>;
};
