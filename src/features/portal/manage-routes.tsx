import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { isAppError } from '../../shared/app-error.ts';
import { sourceLang, translate, type Lang } from '../../web/i18n.ts';
import { appointmentIcs } from './appointment-mails.ts';
import { AppointmentPage, CancelPage, LookupPage } from './appointment-pages.tsx';
import { CalendarPage, TimesPage } from './booking-pages.tsx';
import { parseStart } from './booking-routes.tsx';
import { addDays, formatDay, isIsoDay, localDay } from '../../web/format.ts';
import { problemPage } from './info-pages.tsx';
import type { PortalDeps } from './portal-deps.ts';
import { secretMatchesHash, type AppointmentRow } from './portal-engine.ts';
import { findLocationById, findServiceById } from '../office/index.ts';
import { checkCsrf, clientIp, csrfToken, grantAccess, hasAccess, isManageToken } from './portal-security.ts';
import { enforce } from './rate-limit.ts';

type C = Context<AppEnv>;
const columns = [
  'id',
  'code',
  'service_id',
  'location_id',
  'starts_at',
  'ends_at',
  'status',
  'person_name',
  'date_of_birth',
  'email',
  'language',
  'manage_secret_hash',
] as const;

/**
 * Change or cancel: from the e-mail's link (token in the URL, swapped at once for a
 * short-lived signed cookie so the token leaves the address bar) or by code + date of birth.
 * A wrong code, a wrong token and someone else's appointment all look the same.
 */
export function manageRoutes(deps: PortalDeps, langSegment: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const lang = (c: C): Lang => c.req.param('lang') as Lang;

  // Appointments whose personal data was erased (retention job) are not found: code + date of
  // birth answers like an unknown code, and no page shows what is left of them.
  const findByCode = async (code: string) =>
    /^[A-Z0-9]{6,12}$/.test(code)
      ? ((await deps.db.selectFrom('appointment').select(columns).where('code', '=', code).where('personal_data_erased_at', 'is', null).executeTakeFirst()) as
          | AppointmentRow
          | undefined)
      : undefined;

  /** The e-mail's link to an appointment erased meanwhile: the holder learns it is over, and nothing more. */
  async function erasedLinkHolder(code: string, token: string): Promise<boolean> {
    if (!/^[A-Z0-9]{6,12}$/.test(code) || token.length > 100) return false;
    const erased = await deps.db
      .selectFrom('appointment')
      .select(['id', 'code', 'manage_secret_hash'])
      .where('code', '=', code)
      .where('personal_data_erased_at', 'is not', null)
      .executeTakeFirst();
    return !!erased && (isManageToken(await deps.key(), erased, token) || secretMatchesHash(token, erased.manage_secret_hash));
  }

  function noAccess(c: C) {
    const l = lang(c);
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

  function over(c: C) {
    const l = lang(c);
    return problemPage(c, 410, {
      lang: l,
      path: '/',
      problem: 'over',
      actions: [{ href: `/${l}/services`, label: translate(l, 'portal.start.book.action') }],
    });
  }

  /** The appointment this browser may see, or a response saying why not. */
  async function authorized(c: C): Promise<AppointmentRow | Response> {
    const appointment = await findByCode(c.req.param('code') ?? '');
    const key = await deps.key();
    if (!appointment || !hasAccess(c, key, appointment.code, deps.clock.now())) return noAccess(c);
    if (appointment.ends_at.getTime() < deps.clock.now().getTime()) return over(c);
    return appointment;
  }

  routes.get(`/${langSegment}/manage`, (c) => c.html(<LookupPage lang={lang(c)} csrf={csrfToken(c)} code="" dateOfBirth="" errors={[]} />));

  routes.post(`/${langSegment}/manage`, async (c) => {
    const l = lang(c);
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const key = await deps.key();
    const now = deps.clock.now();
    try {
      await enforce(deps.db, key, { bucket: 'lookup-ip', subject: clientIp(c), limit: deps.settings.lookupsPerIpPerHour, windowSeconds: 3600, now });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'rate_limited') throw error;
      c.header('Retry-After', '3600');
      return problemPage(c, 429, { lang: l, path: '/manage', problem: 'limit', actions: [{ href: `/${l}/`, label: translate(l, 'portal.home') }] });
    }
    const code = (typeof form.code === 'string' ? form.code : '').slice(0, 20).toUpperCase().replace(/[\s-]/g, '');
    const dob = (typeof form.dateOfBirth === 'string' ? form.dateOfBirth : '').slice(0, 10);
    const errors: { field: string; message: string }[] = [];
    if (!/^[A-Z0-9]{6,12}$/.test(code)) errors.push({ field: 'code', message: translate(l, 'portal.error.code') });
    if (!isIsoDay(dob)) errors.push({ field: 'dateOfBirth', message: translate(l, 'portal.error.dob.invalid') });
    const appointment = errors.length === 0 ? await findByCode(code) : undefined;
    if (errors.length === 0 && (!appointment || appointment.date_of_birth !== dob))
      errors.push({ field: 'code', message: translate(l, 'portal.error.lookup') });
    if (errors.length > 0 || !appointment) {
      c.status(422);
      return c.html(<LookupPage lang={l} csrf={csrfToken(c)} code={code} dateOfBirth={dob} errors={errors} />);
    }
    grantAccess(c, key, appointment.code, now);
    return c.redirect(`/${l}/appointment/${appointment.code}`, 303);
  });

  routes.get(`/${langSegment}/appointment/:code`, async (c) => {
    const l = lang(c);
    const token = c.req.query('s');
    if (token !== undefined) {
      const appointment = await findByCode(c.req.param('code'));
      const key = await deps.key();
      const valid = appointment && token.length <= 100 && (isManageToken(key, appointment, token) || secretMatchesHash(token, appointment.manage_secret_hash));
      if (!appointment && (await erasedLinkHolder(c.req.param('code'), token))) return over(c);
      if (!appointment || !valid) return noAccess(c);
      grantAccess(c, key, appointment.code, deps.clock.now());
      return c.redirect(`/${l}/appointment/${appointment.code}`, 303);
    }
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    const service = await findServiceById(deps, l, appointment.service_id);
    const location = await findLocationById(deps, appointment.location_id);
    if (!service || !location) return noAccess(c);
    const notice = c.req.query('notice');
    c.header('Cache-Control', 'no-store');
    return c.html(
      <AppointmentPage
        lang={l}
        appointment={appointment}
        service={service}
        location={location}
        notice={notice === 'booked' || notice === 'moved' || notice === 'already' ? notice : undefined}
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
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    if (appointment.status !== 'booked') return c.redirect(`/${lang(c)}/appointment/${appointment.code}`, 303);
    const l = lang(c);
    const service = await findServiceById(deps, l, appointment.service_id);
    const location = await findLocationById(deps, appointment.location_id);
    if (!service || !location) return noAccess(c);
    c.header('Cache-Control', 'no-store');
    return c.html(<CancelPage lang={l} appointment={appointment} service={service} location={location} csrf={csrfToken(c)} />);
  });

  routes.post(`/${langSegment}/appointment/:code/cancel`, async (c) => {
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    if (appointment.status === 'booked') {
      try {
        await deps.engine.cancel({
          appointmentId: appointment.id,
        });
      } catch (error) {
        if (!isAppError(error) || (error.code !== 'gone' && error.code !== 'conflict')) throw error;
      }
    }
    return c.redirect(`/${lang(c)}/appointment/${appointment.code}`, 303);
  });

  routes.get(`/${langSegment}/appointment/:code/reschedule`, async (c) => {
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    if (appointment.status !== 'booked') return c.redirect(`/${lang(c)}/appointment/${appointment.code}`, 303);
    const l = lang(c);
    const service = await findServiceById(deps, l, appointment.service_id);
    const location = await findLocationById(deps, appointment.location_id);
    if (!service || !location) return noAccess(c);
    const today = localDay(deps.clock.now(), location.timeZone);
    const lastDay = addDays(today, service.maxDaysAhead);
    const asked = c.req.query('from');
    const from = isIsoDay(asked) && asked > today && asked <= lastDay ? asked : today;
    const to = addDays(from, deps.settings.calendarDays - 1) < lastDay ? addDays(from, deps.settings.calendarDays - 1) : lastDay;
    const days = await deps.engine.freeDays({
      serviceId: service.id,
      locationId: location.id,
      from,
      to,
      releaseDelayMinutes: deps.settings.releaseDelayMinutes,
    });
    const base = `/${l}/appointment/${appointment.code}`;
    return c.html(
      <CalendarPage
        lang={l}
        path={`/appointment/${appointment.code}/reschedule`}
        context={`${service.name} · ${location.name}`}
        heading={translate(l, 'portal.book.calendar.range', { from: formatDay(l, from), to: formatDay(l, to) })}
        days={days}
        from={from}
        dayHref={(day) => `${base}/reschedule/${day}`}
        earlierHref={
          from > today
            ? `${base}/reschedule?from=${addDays(from, -deps.settings.calendarDays) > today ? addDays(from, -deps.settings.calendarDays) : today}`
            : undefined
        }
        laterHref={to < lastDay ? `${base}/reschedule?from=${addDays(to, 1)}` : undefined}
        backHref={base}
      />,
    );
  });

  async function timesForReschedule(c: C, appointment: AppointmentRow, day: string, status: 200 | 409, starts?: Date[]) {
    const l = lang(c);
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
    if (!isIsoDay(day) || appointment.status !== 'booked') return c.redirect(`/${lang(c)}/appointment/${appointment.code}/reschedule`, 303);
    return timesForReschedule(c, appointment, day, 200);
  });

  routes.post(`/${langSegment}/appointment/:code/reschedule`, async (c) => {
    const l = lang(c);
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const appointment = await authorized(c);
    if (appointment instanceof Response) return appointment;
    const start = parseStart(typeof form.start === 'string' ? form.start : undefined);
    if (!start || appointment.status !== 'booked') return c.redirect(`/${l}/appointment/${appointment.code}/reschedule`, 303);
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
