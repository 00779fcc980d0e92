import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { sourceLang, translate } from '../../../web/i18n.ts';
import { findLocationById, findServiceById } from '../../office/index.ts';
import { checkCsrf, countLookup, csrfToken, grantAccess, hasAccess, portalLang, problemPage } from '../../portal/index.ts';
import { addDays, isIsoDay, localDay } from '../../../web/format.ts';
import { appointmentIcs } from '../appointment-mails.ts';
import { findPortalAppointment, openByLink } from '../open-portal-appointment.ts';
import { AppointmentPage, CancelPage, LookupPage } from './appointment-pages.tsx';
import { TimesPage } from './booking-pages.tsx';
import { calendar, parseStart } from './booking-routes.tsx';
import type { AppointmentPortalDeps, AppointmentRow } from './portal-engine.ts';
import { birthDateMatches } from '../birth-date-match.ts';

/**
 * Change or cancel: from the e-mail's link (token in the URL, swapped at once for a
 * short-lived signed cookie so the token leaves the address bar) or by code + date of birth.
 * A wrong code, a wrong token and someone else's appointment all look the same.
 */
export function manageRoutes(deps: AppointmentPortalDeps, langSegment: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  const findByCode = (code: string) => findPortalAppointment(deps.db, code);

  function noAccess(c: Context<AppEnv>) {
    const l = portalLang(c);
    return problemPage(c, 404, {
      lang: l,
      path: '/manage',
      problem: 'link',
      actions: [
        { href: `/${l}/manage`, label: translate(l, 'portal.lookup.title') },
        { href: `/${l}/`, label: translate(l, 'portal.home') },
      ],
    });
  }

  function over(c: Context<AppEnv>) {
    const l = portalLang(c);
    return problemPage(c, 410, {
      lang: l,
      path: '/',
      problem: 'over',
      actions: [{ href: `/${l}/services`, label: translate(l, 'portal.start.book.action') }],
    });
  }

  /** The appointment this browser may see, or a response saying why not. */
  async function authorized(c: Context<AppEnv>): Promise<AppointmentRow | Response> {
    const appointment = await findByCode(c.req.param('code') ?? '');
    const key = await deps.key();
    if (!appointment || !hasAccess(c, key, appointment.code, deps.clock.now())) return noAccess(c);
    if (appointment.ends_at.getTime() < deps.clock.now().getTime()) return over(c);
    return appointment;
  }

  /**
   * The appointment with its service (in the reader's language) and location, or a response saying
   * why not; `bookedOnly` sends a cancelled or past-state appointment back to its page.
   */
  async function withCatalogue(c: Context<AppEnv>, bookedOnly: boolean) {
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    if (bookedOnly && !isOpen(appointment.status)) return c.redirect(`/${portalLang(c)}/appointment/${appointment.code}`, 303);
    const service = await findServiceById(deps, portalLang(c), appointment.service_id);
    const location = await findLocationById(deps, appointment.location_id);
    if (!service || !location) return noAccess(c);
    return { appointment, service, location };
  }

  routes.get(`/${langSegment}/manage`, (c) => c.html(<LookupPage lang={portalLang(c)} csrf={csrfToken(c)} code="" dateOfBirth="" errors={[]} />));

  routes.post(`/${langSegment}/manage`, async (c) => {
    const l = portalLang(c);
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const limited = await countLookup(c, deps, '/manage');
    if (limited) return limited;
    const key = await deps.key();
    const now = deps.clock.now();
    const code = (typeof form.code === 'string' ? form.code : '').slice(0, 20).toUpperCase().replace(/[\s-]/g, '');
    const dob = (typeof form.dateOfBirth === 'string' ? form.dateOfBirth : '').slice(0, 10);
    const errors: { field: string; message: string }[] = [];
    if (!/^[A-Z0-9]{6,12}$/.test(code)) errors.push({ field: 'code', message: translate(l, 'portal.error.code') });
    if (!isIsoDay(dob)) errors.push({ field: 'dateOfBirth', message: translate(l, 'portal.error.dob.invalid') });
    const appointment = errors.length === 0 ? await findByCode(code) : undefined;
    if (errors.length === 0 && (!appointment || !birthDateMatches(appointment, dob)))
      errors.push({ field: 'code', message: translate(l, 'portal.error.lookup') });
    if (errors.length > 0 || !appointment) {
      c.status(422);
      return c.html(<LookupPage lang={l} csrf={csrfToken(c)} code={code} dateOfBirth={dob} errors={errors} />);
    }
    grantAccess(c, key, appointment.code, now);
    return c.redirect(`/${l}/appointment/${appointment.code}`, 303);
  });

  routes.get(`/${langSegment}/appointment/:code`, async (c) => {
    const l = portalLang(c);
    const token = c.req.query('s');
    if (token !== undefined) {
      const key = await deps.key();
      const appointment = await openByLink(deps.db, key, c.req.param('code'), token);
      if (appointment === 'erased') return over(c);
      if (!appointment) return noAccess(c);
      grantAccess(c, key, appointment.code, deps.clock.now());
      return c.redirect(`/${l}/appointment/${appointment.code}`, 303);
    }
    const found = await withCatalogue(c, false);
    if (found instanceof Response) return found;
    const { appointment, service, location } = found;
    const notice = c.req.query('notice');
    c.header('Cache-Control', 'no-store');
    return c.html(
      <AppointmentPage
        lang={l}
        appointment={appointment}
        service={service}
        location={location}
        notice={notice === 'booked' || notice === 'moved' || notice === 'already' || notice === 'confirmed' || notice === 'duplicate' ? notice : undefined}
        csrf={appointment.status === 'reserved' ? csrfToken(c) : undefined}
      />,
    );
  });

  routes.get(`/${langSegment}/appointment/:code/calendar.ics`, async (c) => {
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    const own = await findServiceById(deps, appointment.language, appointment.service_id);
    const german = await findServiceById(deps, sourceLang, appointment.service_id);
    const location = await findLocationById(deps, appointment.location_id);
    if (!own || !german || !location) return noAccess(c);
    return c.body(appointmentIcs(appointment, own, german, location, deps.clock.now()), 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="termin-${appointment.code}.ics"`,
      'cache-control': 'no-store',
    });
  });

  routes.get(`/${langSegment}/appointment/:code/cancel`, async (c) => {
    const found = await withCatalogue(c, true);
    if (found instanceof Response) return found;
    const { appointment, service, location } = found;
    const l = portalLang(c);
    c.header('Cache-Control', 'no-store');
    return c.html(<CancelPage lang={l} appointment={appointment} service={service} location={location} csrf={csrfToken(c)} />);
  });

  routes.post(`/${langSegment}/appointment/:code/cancel`, async (c) => {
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    if (isOpen(appointment.status)) {
      try {
        await deps.engine.cancel({
          appointmentId: appointment.id,
        });
      } catch (error) {
        if (!isAppError(error) || (error.code !== 'gone' && error.code !== 'conflict')) throw error;
      }
    }
    return c.redirect(`/${portalLang(c)}/appointment/${appointment.code}`, 303);
  });

  // An invitation: the person confirms the reserved time (it becomes booked, and the confirmation mail goes out).
  routes.post(`/${langSegment}/appointment/:code/confirm`, async (c) => {
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    const base = `/${portalLang(c)}/appointment/${appointment.code}`;
    if (appointment.status !== 'reserved') return c.redirect(base, 303);
    try {
      await deps.engine.confirm({ appointmentId: appointment.id });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'duplicate_booking') throw error;
      return c.redirect(`${base}?notice=duplicate`, 303);
    }
    return c.redirect(`${base}?notice=confirmed`, 303);
  });

  routes.get(`/${langSegment}/appointment/:code/reschedule`, async (c) => {
    const found = await withCatalogue(c, true);
    if (found instanceof Response) return found;
    const { appointment, service, location } = found;
    const path = `/appointment/${appointment.code}/reschedule`;
    return calendar(c, deps, { service, location, path, backHref: `/${portalLang(c)}/appointment/${appointment.code}` });
  });

  async function timesForReschedule(c: Context<AppEnv>, appointment: AppointmentRow, day: string, status: 200 | 409, starts?: Date[]) {
    const l = portalLang(c);
    const service = await findServiceById(deps, l, appointment.service_id);
    const location = await findLocationById(deps, appointment.location_id);
    if (!service || !location) return noAccess(c);
    const free =
      starts ??
      (
        await deps.engine.freeDays({
          serviceId: service.id,
          locationId: location.id,
          from: day,
          to: day,
          releaseDelayMinutes: deps.settings.releaseDelayMinutes,
        })
      ).find((d) => d.date === day)?.starts ??
      [];
    const base = `/${l}/appointment/${appointment.code}`;
    c.status(status);
    return c.html(
      <TimesPage
        lang={l}
        day={day}
        starts={free}
        zone={location.timeZone}
        action={`${base}/reschedule`}
        method="post"
        csrf={csrfToken(c)}
        path={`/appointment/${appointment.code}/reschedule/${day}`}
        backHref={`${base}/reschedule?from=${day}`}
        context={`${service.name} · ${location.name}`}
        error={status === 409 ? translate(l, 'portal.details.taken') : undefined}
      />,
    );
  }

  routes.get(`/${langSegment}/appointment/:code/reschedule/:day`, async (c) => {
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    const day = c.req.param('day');
    if (!isIsoDay(day) || !isOpen(appointment.status)) return c.redirect(`/${portalLang(c)}/appointment/${appointment.code}/reschedule`, 303);
    return timesForReschedule(c, appointment, day, 200);
  });

  routes.post(`/${langSegment}/appointment/:code/reschedule`, async (c) => {
    const l = portalLang(c);
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    const start = parseStart(typeof form.start === 'string' ? form.start : undefined);
    if (!start || !isOpen(appointment.status)) return c.redirect(`/${l}/appointment/${appointment.code}/reschedule`, 303);
    try {
      await deps.engine.reschedule({
        appointmentId: appointment.id,
        start,
        releaseDelayMinutes: deps.settings.releaseDelayMinutes,
      });
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'slot_taken' && error.code !== 'not_found')) throw error;
      const location = await findLocationById(deps, appointment.location_id);
      const day = localDay(start, location?.timeZone ?? 'Europe/Berlin');
      const days = await deps.engine.freeDays({
        serviceId: appointment.service_id,
        locationId: appointment.location_id,
        from: addDays(day, -7),
        to: addDays(day, 7),
        releaseDelayMinutes: deps.settings.releaseDelayMinutes,
      });
      const nearest = days
        .flatMap((d) => d.starts)
        .sort((a, b) => Math.abs(a.getTime() - start.getTime()) - Math.abs(b.getTime() - start.getTime()))
        .slice(0, 6)
        .sort((a, b) => a.getTime() - b.getTime());
      return timesForReschedule(c, appointment, day, 409, nearest);
    }
    return c.redirect(`/${l}/appointment/${appointment.code}?notice=moved`, 303);
  });

  return routes;
}

/** Still to come and changeable by the person: booked, or reserved for them (an invitation). */
function isOpen(status: string): boolean {
  return status === 'booked' || status === 'reserved';
}
