import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { type Availability, bookAppointment, getAvailability, type NotifyingDeps, todayAt } from '../appointments/index.ts';
import { auditFileChange, auditFileRead, linkAppointmentToProcedure, validateInput } from '../case-files/index.ts';
import type { ChangeContext } from '../staff/index.ts';
import { deliverNoticesJobType } from '../status-lookup/index.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { applicationOfClerk } from './clerk-application.ts';
import { activeAppointmentOfProcedure, lockApplication, servicesAtLocation } from './inbox-store.ts';

export type BookingForApplicantDeps = NotifyingDeps & { jobs: Jobs };

/** Days of free times the booking page shows at once. */
export const bookingPageDays = 7;

const choiceSchema = z.object({
  serviceId: z.uuid('Terminart wählen / choose a service').optional(),
  from: z.iso.date('Datum als JJJJ-MM-TT / date as YYYY-MM-DD').optional(),
});

/**
 * What the clerk chooses from: the services at the application's location (the procedure type's own
 * service first chosen), and a week of its free times from the engine, as staff see them. Showing
 * the applicant's name and date of birth is a read of the file, audited.
 */
export async function applicantBookingChoices(deps: BookingForApplicantDeps, ctx: ChangeContext, applicationId: string, query: unknown) {
  const application = await applicationOfClerk(deps, ctx, applicationId);
  const request = validateInput(choiceSchema, query);
  const services = await servicesAtLocation(deps.db, application.location_id);
  const serviceId = request.serviceId ?? services.find((s) => s.id === application.type_service_id)?.id;
  const today = todayAt(deps.clock, application.time_zone);
  const from = request.from && request.from > today ? request.from : today;
  const to = Temporal.PlainDate.from(from)
    .add({ days: bookingPageDays - 1 })
    .toString();
  let availability: Availability | undefined;
  if (serviceId) {
    if (!services.some((s) => s.id === serviceId))
      throw new AppError('validation_failed', 'Diese Terminart gibt es an diesem Standort nicht. / This service is not offered at this location.');
    availability = await getAvailability(deps, {
      serviceId,
      locationId: application.location_id,
      from,
      to,
      actor: { channel: 'staff', staffId: ctx.actor.staffId },
    });
  }
  await auditFileRead(deps.db, deps.clock, ctx.actor, { fileId: application.file_id, what: 'application.booking_choices', screen: ctx.screen, ip: ctx.ip });
  const booked = await activeAppointmentOfProcedure(deps.db, application.procedure_id);
  return { application, services, serviceId, from, today, next: Temporal.PlainDate.from(from).add({ days: bookingPageDays }).toString(), availability, booked };
}

const bookingSchema = z.object({
  applicationId: z.uuid(),
  serviceId: z.uuid('Terminart wählen / choose a service'),
  start: z.string('Zeit wählen / choose a time').min(16, 'Zeit wählen / choose a time').max(40),
});

/**
 * Books an appointment for the applicant in one step: the engine books the chosen free time for
 * the person in the file (name, date of birth, the application's address and language, so the
 * usual confirmation goes out in their language), the appointment is linked to the procedure, and
 * the procedure moves to "appointment booked" where that is a step forward. One transaction under
 * the application's row lock: a second booking for the same application is a 409, and so is a time
 * another clerk took a moment earlier (the engine's exclusion constraints decide).
 */
export async function bookForApplicant(deps: BookingForApplicantDeps, ctx: ChangeContext, input: unknown): Promise<{ appointmentId: string }> {
  const request = validateInput(bookingSchema, input);
  const application = await applicationOfClerk(deps, ctx, request.applicationId);
  const { birth_year: year, birth_month: month, birth_day: day } = application;
  if (year === null || month === null || day === null) {
    throw new AppError(
      'validation_failed',
      'Das Geburtsdatum ist in der Akte nur teilweise bekannt; ein Termin braucht das volle Datum. Bitte den Termin im Kalender buchen. / The date of birth is only partly known; book the appointment in the calendar.',
    );
  }
  const dateOfBirth = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const now = deps.clock.now();
  try {
    const appointmentId = await deps.db.transaction().execute(async (trx) => {
      const locked = await lockApplication(trx, application.id);
      if (!locked?.person_id || locked.procedure_id !== application.procedure_id)
        throw new AppError('not_found', 'Diesen Antrag gibt es nicht. / No such application.');
      if (await activeAppointmentOfProcedure(trx, application.procedure_id)) {
        throw new AppError('conflict', 'Für diesen Antrag ist schon ein Termin gebucht. / An appointment is booked for this application already.');
      }
      const booked = await bookAppointment(
        { ...deps, db: trx },
        {
          serviceId: request.serviceId,
          locationId: application.location_id,
          start: request.start,
          person: {
            name: `${application.given_names} ${application.family_name}`.trim(),
            dateOfBirth,
            email: application.email ?? application.person_email ?? '',
            language: application.lang,
          },
          actor: { channel: 'staff', staffId: ctx.actor.staffId },
          notify: true,
        },
      );
      const id = booked.appointment.id;
      await linkAppointmentToProcedure(trx, { appointmentId: id, procedureId: application.procedure_id, staffId: ctx.actor.staffId }, now);
      await auditFileChange(trx, deps.clock, ctx, {
        // As it is now: a clerk confirming the match meanwhile moved the application to another person.
        personId: locked.person_id,
        action: 'application.book_appointment',
        target: { type: 'appointment', id },
      });
      await deps.jobs.send(deliverNoticesJobType, {}, { trx });
      return id;
    });
    deps.notices.committed?.();
    return { appointmentId };
  } catch (error) {
    if (isAppError(error) && error.code === 'slot_taken')
      throw new AppError('slot_taken', 'Diese Zeit ist inzwischen vergeben; bitte eine andere wählen. / This time was taken meanwhile; choose another.');
    if (isAppError(error) && error.code === 'duplicate_booking')
      throw new AppError(
        'duplicate_booking',
        'Die Person hat für diese Terminart schon einen Termin; bitte diesen verschieben. / The person has an appointment for this service already.',
      );
    throw error;
  }
}
