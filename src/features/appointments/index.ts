/** The appointment engine's import surface for other features (portal, staff calendar, front desk). */
export { onlineRequester, type Requester } from './requester.ts';
export { codeAlphabet, canonicalCode } from './appointment-code.ts';
export type { AppointmentView } from './appointment-view.ts';
export { getAvailability, maxRangeDays, type Availability, type AvailabilityQuery } from './get-availability.ts';
export { bookAppointment, type BookingRequest, type BookingResult, type Person } from './book-appointment.ts';
export { isAcceptablePersonName, isPortalPersonName, normalizePersonName } from './person-name.ts';
export { cancelAppointment } from './cancel-appointment.ts';
export { confirmHeldAppointment, holdAppointment, releaseHeldAppointment } from './held-appointment.ts';
export { rescheduleAppointment } from './reschedule-appointment.ts';
export { findAppointment } from './find-appointment.ts';
export { appointmentForPayment, auditAppointmentsViewed } from './appointment-person.ts';
export {
  appointmentCodeOf,
  appointmentsStartingBetween,
  bookingPersonData,
  countMissedAppointments,
  dayAppointmentOverview,
  missedAppointmentsBetween,
  type BookingPersonData,
  type DayAppointment,
} from './day-appointment-store.ts';
export { findBookingAt } from './find-booking-at.ts';
export type { AppointmentLocator } from './manage-appointment.ts';
export { freeStartsByDay, checkSlot, type DayAvailability } from './availability.ts';
export { allowEveryBooking, type BookingGuard } from './booking-guard.ts';
export { appointmentRoutes } from './http/appointment-routes.ts';
export { ScheduleCache } from './schedule-cache.ts';
export { BookingsCache } from './bookings-cache.ts';
export type { EngineDeps } from './engine-deps.ts';
export type { AppointmentChange, AppointmentNotifier, NoticedAppointment } from './appointment-notifier.ts';
export { bookAndNotify, cancelAndNotify, rescheduleAndNotify, type NotifyingDeps } from './notified-changes.ts';
export { eraseAppointmentPersonalData } from './erase-personal-data.ts';
export { checkInAppointment, lockAppointmentForCheckIn, type AppointmentForCheckIn } from './check-in-appointment.ts';
export { markAppointmentNoShow } from './mark-no-show.ts';
export { completeAppointment } from './complete-appointment.ts';
export { qualifiedColleagues, reassignAppointment, type AppointmentBefore } from './reassign-appointment.ts';
export { cancelByOffice } from './cancel-by-office.ts';
export { findAppointmentLocationId } from './appointment-store.ts';
export { bookedAppointmentsDuring, type AffectedAppointment } from './affected-appointments.ts';
export { closureHorizonDays, closureImpact, isHitByClosure, todayAt, upcomingClosedPeriods, type ClosureImpact } from './closure-impact.ts';
export { createAppointmentNotices, startNoticeSweep, type AppointmentNotices } from './appointment-notices.ts';
export { closedInterval, closedPeriods, hhmm, loadClosures, type ClosedPeriod, type ClosureRow } from './closures.ts';
export { federalStates, isFederalState, publicHolidaysBetween, type FederalState, type PublicHoliday } from './public-holidays.ts';
// The portal's pages, mails and reminder read office's catalogue: their surface is portal/index.ts (see there).
// Audited appointment changes because of an absence or closure, for the absence and closure pages.
export { affectedAppointments, cancelAppointmentForAbsence, moveAppointmentToColleague } from './absence-impact.ts';
// Times held for a person before they book (lottery winners): hold, book, release.
export { holdTime, releasableStarts, type HeldTime } from './hold-time.ts';
// The person's details from a portal form, checked as for a booking (the lottery's entry form too).
export { validateDetails } from './portal/validate-details.ts';
export { bookHeldTime, releaseHeldTime } from './held-time.ts';
// Invitations (issue 15): reservations an invited person confirms, moves or declines in the portal.
export { reserveAppointment, type Reservation, type ReservedAppointment } from './reserve-appointment.ts';
export { confirmReservation } from './confirm-reservation.ts';
export { releaseReservation } from './release-reservation.ts';
export { findPortalAppointment } from './open-portal-appointment.ts';
export { appointmentsByIds, freeClerkSlots, type AppointmentOfInvitation, type ClerkSlot, type FreeClerkSlots } from './free-clerk-slots.ts';
export { problemContent } from './http/appointment-schemas.ts';
