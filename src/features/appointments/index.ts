/** The appointment engine's import surface for other features (portal, staff calendar, front desk). */
export { onlineActor, type Actor } from './appointment-actor.ts';
export { codeAlphabet, normalizeCode } from './appointment-code.ts';
export type { AppointmentView } from './appointment-view.ts';
export { getAvailability, maxRangeDays, type Availability, type AvailabilityQuery } from './get-availability.ts';
export { bookAppointment, type BookingRequest, type BookingResult, type Person } from './book-appointment.ts';
export { cancelAppointment } from './cancel-appointment.ts';
export { rescheduleAppointment } from './reschedule-appointment.ts';
export { findAppointment } from './find-appointment.ts';
export type { AppointmentLocator } from './manage-appointment.ts';
export { freeStartsByDay, checkSlot, type DayAvailability } from './availability.ts';
export { allowEveryBooking, type BookingGuard } from './booking-guard.ts';
export { appointmentRoutes } from './appointment-routes.ts';
export { ScheduleCache } from './schedule-cache.ts';
export type { EngineDeps } from './find-slot.ts';
export { notifyNobody, type AppointmentChange, type AppointmentNotifier } from './appointment-notifier.ts';
export { bookAndNotify, cancelAndNotify, rescheduleAndNotify, type NotifyingDeps } from './notified-changes.ts';
export { eraseAppointmentPersonalData } from './erase-personal-data.ts';
export { createAppointmentNotices, startNoticeSweep, type AppointmentNotices } from './appointment-notices.ts';
