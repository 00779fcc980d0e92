import { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languages } from '../../../web/i18n.ts';
import { changeContext, currentStaff, parseForm, requireStaff } from '../../staff/index.ts';
import type { NotifyingDeps } from '../notified-changes.ts';
import { appointmentLetter } from './appointment-letter.ts';
import { BookOwnPage, CalendarPage, OwnAppointmentPage } from './calendar-pages.tsx';
import { blockTimeInCalendar, bookIntoOwnHours, clerkCalendar, openOwnAppointment, ownBookingChoices } from './clerk-calendar.ts';

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a date and time');

/**
 * A clerk's own calendar: day and week view (time, service and code only; a person's data is
 * shown, and audited, only when one appointment is opened), booking a person into own hours
 * (e.g. someone on the phone; they get the confirmation e-mail), and blocking time.
 */
export function calendarRoutes(deps: NotifyingDeps & { publicUrl: string }) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/calendar', requireStaff(deps, 'calendar.read_own'));
  routes.use('/staff/calendar/*', requireStaff(deps, 'calendar.read_own'));

  routes.get('/staff/calendar', async (c) => {
    const parsedDate = z.iso.date().safeParse(c.req.query('date'));
    const view = c.req.query('view') === 'week' ? 'week' : 'day';
    const calendar = await clerkCalendar(deps, currentStaff(c), { date: parsedDate.success ? parsedDate.data : undefined, view });
    const overlaps = c.req.query('overlaps') ?? '';
    return c.html(
      <CalendarPage
        c={c}
        view={view}
        calendar={calendar}
        saved={Boolean(c.req.query('saved'))}
        overlaps={/^\d{1,3}$/.test(overlaps) ? Number(overlaps) : undefined}
      />,
    );
  });

  routes.post('/staff/calendar/block', async (c) => {
    const form = await parseForm(c, z.object({ from: localDateTime, until: localDateTime, note: z.string().trim().max(500).default('') }));
    // Booked appointments stay booked: the clerk is told, and a team lead can move them (absence page).
    const hit = await blockTimeInCalendar(deps, changeContext(c), form);
    const day = Temporal.PlainDateTime.from(form.from).toPlainDate().toString();
    return c.redirect(`/staff/calendar?date=${day}&saved=1${hit ? `&overlaps=${hit}` : ''}`, 303);
  });

  routes.get('/staff/calendar/appointments/:id', async (c) => {
    const row = await openOwnAppointment(deps, changeContext(c), c.req.param('id'));
    return c.html(<OwnAppointmentPage c={c} row={row} />);
  });

  routes.get('/staff/calendar/appointments/:id/letter.pdf', async (c) => {
    const { pdf, code } = await appointmentLetter(deps, changeContext(c), c.req.param('id'));
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="Terminbestaetigung-${code}.pdf"`,
      'cache-control': 'no-store',
    });
  });

  routes.get('/staff/calendar/book', async (c) => c.html(<BookOwnPage c={c} choices={await ownBookingChoices(deps, currentStaff(c))} />));

  routes.post('/staff/calendar/book', async (c) => {
    const form = await parseForm(
      c,
      z.object({
        serviceId: z.uuid(),
        locationId: z.uuid(),
        start: localDateTime,
        name: z.string().trim().min(1).max(200),
        dateOfBirth: z.iso.date(),
        // Optional: a phone customer may have no address; then nobody is written to.
        email: z
          .string()
          .trim()
          .max(254)
          .pipe(z.union([z.literal(''), z.email('is not an e-mail address')]))
          .default(''),
        phone: z.string().trim().max(40).optional(),
        language: z.string().refine((l) => languages.includes(l), 'a supported language'),
      }),
    );
    const id = await bookIntoOwnHours(deps, changeContext(c), form);
    return c.redirect(`/staff/calendar/appointments/${id}`, 303);
  });

  return routes;
}
