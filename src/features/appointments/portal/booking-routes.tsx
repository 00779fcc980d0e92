import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { translate } from '../../../web/i18n.ts';
import { CalendarPage, ChooseLocationPage, DetailsPage, TimesPage, type DetailsValues, type FieldErrors } from './booking-pages.tsx';
import { findLocation, findService, listLocations, type LocationView, type ServiceView } from '../../office/index.ts';
import { checkCsrf, clientIp, csrfToken, grantAccess, grantedCode, guardSubmission, newChallenge, problemPage, portalLang } from '../../portal/index.ts';
import { addDays, formatDay, isIsoDay, localDay } from '../../../web/format.ts';
import type { Person } from '../book-appointment.ts';
import { findBookingAt } from '../find-booking-at.ts';
import type { AppointmentPortalDeps } from './portal-engine.ts';
import { validateDetails } from './validate-details.ts';

/** Booking: location → calendar → times → details with proof of work → confirmation (POST-redirect-GET). */
export function bookingRoutes(deps: AppointmentPortalDeps, langSegment: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  async function serviceAndLocation(c: Context<AppEnv>): Promise<{ service: ServiceView; location: LocationView } | Response> {
    const service = await findService(deps, portalLang(c), c.req.param('service') ?? '');
    const location = await findLocation(deps, c.req.param('location') ?? '');
    if (!service?.onlineBookable || !location || !service.locationIds.includes(location.id)) return notBookable(c);
    return { service, location };
  }

  function notBookable(c: Context<AppEnv>): Response | Promise<Response> {
    const l = portalLang(c);
    return problemPage(c, 404, {
      lang: l,
      path: '/services',
      problem: 'service',
      actions: [{ href: `/${l}/services`, label: translate(l, 'portal.services.title') }],
    });
  }

  routes.get(`/${langSegment}/book/:service`, async (c) => {
    const service = await findService(deps, portalLang(c), c.req.param('service'));
    if (!service?.onlineBookable) return notBookable(c);
    const locations = (await listLocations(deps)).filter((l) => service.locationIds.includes(l.id));
    return c.html(<ChooseLocationPage lang={portalLang(c)} service={service} locations={locations} />);
  });

  routes.get(`/${langSegment}/book/:service/:location`, async (c) => {
    const found = await serviceAndLocation(c);
    if (found instanceof Response) return found;
    const { service, location } = found;
    const lotteryHref = service.sameDayLotteryMinutes === null ? undefined : `/${portalLang(c)}/lottery/${service.slug}/${location.slug}`;
    return calendar(c, deps, {
      service,
      location,
      path: `/book/${service.slug}/${location.slug}`,
      backHref: `/${portalLang(c)}/book/${service.slug}`,
      lotteryHref,
    });
  });

  routes.get(`/${langSegment}/book/:service/:location/details`, async (c) => {
    const found = await serviceAndLocation(c);
    if (found instanceof Response) return found;
    const start = parseStart(c.req.query('start'));
    if (!start) return badTime(c, found);
    const free = await isFree(found, start);
    const values: DetailsValues = { name: '', dateOfBirth: '', email: '', phone: '', language: portalLang(c), consent: false };
    const own = free ? undefined : await ownBooking(c, found, start);
    if (own) return c.redirect(`/${portalLang(c)}/appointment/${own}?notice=already`, 303);
    if (!free) return renderDetails(c, found, start, values, { start: translate(portalLang(c), 'portal.details.taken') }, 409);
    return renderDetails(c, found, start, values, {}, 200);
  });

  routes.post(`/${langSegment}/book/:service/:location/details`, async (c) => {
    const found = await serviceAndLocation(c);
    if (found instanceof Response) return found;
    const l = portalLang(c);
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const key = await deps.key();
    const now = deps.clock.now();
    const ip = clientIp(c);
    const start = parseStart(typeof form.start === 'string' ? form.start : undefined);
    if (!start) return badTime(c, found);
    const { values, person, errors } = validateDetails(l, form, localDay(now, found.location.timeZone));
    if (!person) return renderDetails(c, found, start, values, errors, 422);
    // Back after booking, then the form again: its proof of work is spent and the time is taken
    // (by this very booking). The person is shown their booking instead of either error.
    const own = await ownBooking(c, found, start, person);
    if (own) return c.redirect(`/${l}/appointment/${own}?notice=already`, 303);
    // Without a proof of work (JavaScript off) a booking takes the stricter path: see docs/decisions.md.
    const payload = typeof form.altcha === 'string' ? form.altcha.trim() : '';
    try {
      const pow = await guardSubmission(deps, key, { buckets: 'book', ip, email: person.email, pow: payload, now });
      if (pow !== 'ok') return renderDetails(c, found, start, values, { pow: translate(l, 'portal.pow.failed') }, 422);
    } catch (error) {
      return tooMany(c, error);
    }
    try {
      const booked = await deps.engine.book({
        serviceId: found.service.id,
        locationId: found.location.id,
        start,
        person,
        releaseDelayMinutes: deps.settings.releaseDelayMinutes,
      });
      grantAccess(c, key, booked.code, now);
      return c.redirect(`/${l}/appointment/${booked.code}?notice=booked`, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'slot_taken' || error.code === 'not_found') {
        return renderDetails(c, found, start, values, { start: translate(l, 'portal.details.taken') }, 409);
      }
      if (error.code === 'duplicate_booking') {
        return problemPage(c, 409, {
          lang: l,
          path: '/manage',
          problem: 'duplicate',
          actions: [
            { href: `/${l}/manage`, label: translate(l, 'portal.start.manage.action') },
            { href: `/${l}/`, label: translate(l, 'portal.home') },
          ],
        });
      }
      throw error;
    }
  });

  routes.get(`/${langSegment}/book/:service/:location/:day`, async (c) => {
    const found = await serviceAndLocation(c);
    if (found instanceof Response) return found;
    const l = portalLang(c);
    const day = c.req.param('day');
    if (!isIsoDay(day)) return badTime(c, found);
    const days = await deps.engine.freeDays({
      serviceId: found.service.id,
      locationId: found.location.id,
      from: day,
      to: day,
      releaseDelayMinutes: deps.settings.releaseDelayMinutes,
    });
    const base = `/${l}/book/${found.service.slug}/${found.location.slug}`;
    return c.html(
      <TimesPage
        lang={l}
        day={day}
        starts={days.find((d) => d.date === day)?.starts ?? []}
        zone={found.location.timeZone}
        action={`${base}/details`}
        method="get"
        path={`/book/${found.service.slug}/${found.location.slug}/${day}`}
        backHref={`${base}?from=${day}`}
        context={`${found.service.name} · ${found.location.name}`}
      />,
    );
  });

  /** The booking of exactly this time that this browser made (its grant cookie), for the same person when one is given. */
  async function ownBooking(
    c: Context<AppEnv>,
    found: { service: ServiceView; location: LocationView },
    start: Date,
    person?: Person,
  ): Promise<string | undefined> {
    const code = grantedCode(c, await deps.key(), deps.clock.now());
    if (!code) return undefined;
    const booking = await findBookingAt(deps.db, code, { serviceId: found.service.id, locationId: found.location.id, start });
    if (!booking) return undefined;
    if (person && (booking.email_normalized !== person.email.normalize('NFC').trim().toLowerCase() || booking.date_of_birth !== person.dateOfBirth))
      return undefined;
    return booking.code;
  }

  async function isFree(found: { service: ServiceView; location: LocationView }, start: Date): Promise<boolean> {
    const day = localDay(start, found.location.timeZone);
    const days = await deps.engine.freeDays({
      serviceId: found.service.id,
      locationId: found.location.id,
      from: day,
      to: day,
      releaseDelayMinutes: deps.settings.releaseDelayMinutes,
    });
    return days.some((d) => d.starts.some((s) => s.getTime() === start.getTime()));
  }

  /** The free times nearest to the one that was taken, a week either side. */
  async function nearest(found: { service: ServiceView; location: LocationView }, start: Date): Promise<Date[]> {
    const day = localDay(start, found.location.timeZone);
    const days = await deps.engine.freeDays({
      serviceId: found.service.id,
      locationId: found.location.id,
      from: addDays(day, -7),
      to: addDays(day, 7),
      releaseDelayMinutes: deps.settings.releaseDelayMinutes,
    });
    return days
      .flatMap((d) => d.starts)
      .sort((a, b) => Math.abs(a.getTime() - start.getTime()) - Math.abs(b.getTime() - start.getTime()))
      .slice(0, 6)
      .sort((a, b) => a.getTime() - b.getTime());
  }

  async function renderDetails(
    c: Context<AppEnv>,
    found: { service: ServiceView; location: LocationView },
    start: Date,
    values: DetailsValues,
    errors: FieldErrors,
    status: 200 | 409 | 422,
  ) {
    const l = portalLang(c);
    const key = await deps.key();
    const challenge = await newChallenge(key, {
      maxNumber: deps.settings.powMaxNumber,
      expiresMinutes: deps.settings.powExpiresMinutes,
      now: deps.clock.now(),
    });
    const alternatives = errors.start ? await nearest(found, start) : undefined;
    const base = `/${l}/book/${found.service.slug}/${found.location.slug}`;
    if (alternatives && alternatives.length === 0) {
      return problemPage(c, 409, {
        lang: l,
        path: `/book/${found.service.slug}/${found.location.slug}`,
        problem: 'taken',
        actions: [{ href: base, label: translate(l, 'portal.book.calendar.title') }],
      });
    }
    c.status(status);
    return c.html(
      <DetailsPage
        lang={l}
        service={found.service}
        location={found.location}
        start={start}
        alternatives={alternatives}
        values={values}
        errors={errors}
        csrf={csrfToken(c)}
        challenge={JSON.stringify(challenge)}
        action={`${base}/details`}
        path={`/book/${found.service.slug}/${found.location.slug}/details`}
        query={`start=${encodeURIComponent(start.toISOString())}`}
        backHref={`${base}/${localDay(start, found.location.timeZone)}`}
      />,
    );
  }

  function badTime(c: Context<AppEnv>, found: { service: ServiceView; location: LocationView }) {
    const l = portalLang(c);
    return problemPage(c, 400, {
      lang: l,
      path: `/book/${found.service.slug}/${found.location.slug}`,
      problem: 'time',
      actions: [{ href: `/${l}/book/${found.service.slug}/${found.location.slug}`, label: translate(l, 'portal.book.calendar.title') }],
    });
  }

  function tooMany(c: Context<AppEnv>, error: unknown) {
    if (!isAppError(error) || error.code !== 'rate_limited') throw error;
    const l = portalLang(c);
    c.header('Retry-After', '3600');
    return problemPage(c, 429, { lang: l, path: '/', problem: 'limit', actions: [{ href: `/${l}/`, label: translate(l, 'portal.home') }] });
  }

  return routes;
}

/**
 * The calendar page of free days from `?from=` on, for booking and for moving alike: `path` is the
 * page's own path (without the language), its days link to `path/<day>`.
 */
export async function calendar(
  c: Context<AppEnv>,
  deps: AppointmentPortalDeps,
  page: { service: ServiceView; location: LocationView; path: string; backHref: string; lotteryHref?: string | undefined },
): Promise<Response> {
  const { service, location } = page;
  const l = portalLang(c);
  const today = localDay(deps.clock.now(), location.timeZone);
  const lastDay = addDays(today, service.maxDaysAhead);
  const asked = c.req.query('from');
  const from = isIsoDay(asked) && asked > today && asked <= lastDay ? asked : today;
  const to = minDay(addDays(from, deps.settings.calendarDays - 1), lastDay);
  const days = await deps.engine.freeDays({
    serviceId: service.id,
    locationId: location.id,
    from,
    to,
    releaseDelayMinutes: deps.settings.releaseDelayMinutes,
  });
  const base = `/${l}${page.path}`;
  // Nothing free in the whole booking window: the person may wait for a freed time (features/waiting-list).
  const booking = page.path.startsWith('/book/');
  const nothingFree =
    booking &&
    days.length === 0 &&
    (
      await deps.engine.freeDays({
        serviceId: service.id,
        locationId: location.id,
        from: today,
        to: lastDay,
        releaseDelayMinutes: deps.settings.releaseDelayMinutes,
      })
    ).length === 0;
  return c.html(
    <CalendarPage
      waitingListHref={nothingFree ? `/${l}/waiting-list/join/${service.slug}/${location.slug}` : undefined}
      lang={l}
      path={page.path}
      context={`${service.name} · ${location.name}`}
      heading={translate(l, 'portal.book.calendar.range', { from: formatDay(l, from), to: formatDay(l, to) })}
      days={days}
      from={from}
      dayHref={(day) => `${base}/${day}`}
      earlierHref={from > today ? `${base}?from=${maxDay(today, addDays(from, -deps.settings.calendarDays))}` : undefined}
      laterHref={to < lastDay ? `${base}?from=${addDays(to, 1)}` : undefined}
      backHref={page.backHref}
      lotteryHref={page.lotteryHref}
    />,
  );
}

export function parseStart(value: string | undefined): Date | undefined {
  if (!value || value.length > 40 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);
