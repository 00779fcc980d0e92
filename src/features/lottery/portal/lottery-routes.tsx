import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { officeDay } from '../../../shared/office-day.ts';
import { translate } from '../../../web/i18n.ts';
import { findLocation, findLocationById, findService, findServiceById } from '../../office/index.ts';
import {
  checkCsrf,
  clientIp,
  csrfToken,
  grantAccess,
  guardSubmission,
  newChallenge,
  portalLang,
  problemPage,
  type PersonErrors,
  type PersonValues,
  type PortalDeps,
} from '../../portal/index.ts';
import { validateDetails } from '../../appointments/index.ts';
import { bookDrawnTime } from '../book-drawn-time.ts';
import { enterLottery } from '../enter-lottery.ts';
import { isLinkToken, linkHash } from '../lottery-link.ts';
import { lotteryRules, type LotteryOffer } from '../lottery-service.ts';
import { entryByLink } from '../lottery-store.ts';
import { drawMarginMinutes, lotteryWindow, windowState } from '../lottery-window.ts';
import { EntryPage, LotteryPage } from './lottery-pages.tsx';

export type LotteryPortalDeps = PortalDeps & {
  jobs: Jobs;
  /** Called after a winner booked: the engine's notices deliver the confirmation at once. */
  onBooked?: (() => void) | undefined;
};

/** Today's lottery (enter), the person's page behind their link (registered, result), and booking the drawn time. */
export function lotteryPortalRoutes(deps: LotteryPortalDeps, langSegment: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  async function offerOf(c: Context<AppEnv>): Promise<LotteryOffer | undefined> {
    const service = await findService(deps, portalLang(c), c.req.param('service') ?? '');
    const location = await findLocation(deps, c.req.param('location') ?? '');
    const rules = service && location ? lotteryRules(service, location) : undefined;
    return service && location && rules ? { service, location, rules } : undefined;
  }

  function noLottery(c: Context<AppEnv>) {
    const l = portalLang(c);
    return problemPage(c, 404, {
      lang: l,
      path: '/services',
      problem: 'lottery_none',
      actions: [{ href: `/${l}/services`, label: translate(l, 'portal.services.title') }],
    });
  }

  async function renderLottery(c: Context<AppEnv>, offer: LotteryOffer, values: PersonValues, errors: PersonErrors, status: ContentfulStatusCode) {
    const now = deps.clock.now();
    const window = lotteryWindow(offer.rules, officeDay(now, offer.rules.timeZone));
    const challenge = await newChallenge(await deps.key(), { maxNumber: deps.settings.powMaxNumber, expiresMinutes: deps.settings.powExpiresMinutes, now });
    c.status(status);
    return c.html(
      <LotteryPage
        lang={portalLang(c)}
        service={offer.service}
        location={offer.location}
        window={window}
        state={windowState(window, now)}
        release={new Date(window.closes.getTime() + drawMarginMinutes * 60_000)}
        values={values}
        errors={errors}
        csrf={csrfToken(c)}
        challenge={JSON.stringify(challenge)}
      />,
    );
  }

  // Before the lottery's own address: "entry" is no service.
  routes.get(`/${langSegment}/lottery/entry/:token`, (c) => renderEntry(c, c.req.param('token'), 200));

  routes.get(`/${langSegment}/lottery/:service/:location`, async (c) => {
    const offer = await offerOf(c);
    if (!offer) return noLottery(c);
    return renderLottery(c, offer, { name: '', dateOfBirth: '', email: '', phone: '', language: portalLang(c), consent: false }, {}, 200);
  });

  routes.post(`/${langSegment}/lottery/:service/:location`, async (c) => {
    const offer = await offerOf(c);
    if (!offer) return noLottery(c);
    const l = portalLang(c);
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const now = deps.clock.now();
    const key = await deps.key();
    const ip = clientIp(c);
    // The booking form's checks; the lottery asks no phone number and writes in the page's language.
    const { values, person, errors } = validateDetails(l, { ...form, phone: '', language: l }, officeDay(now, offer.rules.timeZone));
    if (!person) return renderLottery(c, offer, values, errors, 422);
    const entrant = { ...person, phone: null };
    const payload = typeof form.altcha === 'string' ? form.altcha.trim() : '';
    try {
      // The same defences as a booking, in buckets of their own.
      const pow = await guardSubmission(deps, key, { buckets: 'lottery', ip, email: entrant.email, pow: payload, now });
      if (pow !== 'ok') return renderLottery(c, offer, values, { pow: translate(l, 'portal.pow.failed') }, 422);
      const { token } = await enterLottery(deps, offer, entrant);
      return c.redirect(`/${l}/lottery/entry/${token}`, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'rate_limited') {
        c.header('Retry-After', '3600');
        return problemPage(c, 429, { lang: l, path: '/', problem: 'limit', actions: [{ href: `/${l}/`, label: translate(l, 'portal.home') }] });
      }
      const reason = error.details?.reason;
      if (reason === 'not_open' || reason === 'closed' || reason === 'entered') {
        const path = `/lottery/${offer.service.slug}/${offer.location.slug}`;
        return problemPage(c, reason === 'closed' ? 410 : 409, {
          lang: l,
          path,
          problem: `lottery_${reason}`,
          actions: [
            { href: `/${l}${path}`, label: translate(l, 'lottery.title') },
            { href: `/${l}/`, label: translate(l, 'portal.home') },
          ],
        });
      }
      throw error;
    }
  });

  async function renderEntry(c: Context<AppEnv>, token: string, status: ContentfulStatusCode, problem?: string) {
    const l = portalLang(c);
    const entry = isLinkToken(token) ? await entryByLink(deps.db, linkHash(token)) : undefined;
    const service = entry ? await findServiceById(deps, l, entry.service_id) : undefined;
    const location = entry ? await findLocationById(deps, entry.location_id) : undefined;
    const rules = service && location ? lotteryRules(service, location) : undefined;
    if (!entry || !service || !location || !rules) {
      return problemPage(c, 404, { lang: l, path: '/', problem: 'lottery_link', actions: [{ href: `/${l}/`, label: translate(l, 'portal.home') }] });
    }
    const now = deps.clock.now();
    // A hold whose time is up reads as expired, also before the sweep has come by.
    const outcome = entry.outcome === 'won' && entry.hold_until && entry.hold_until <= now ? 'expired' : entry.outcome;
    c.status(status);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(
      <EntryPage
        lang={l}
        service={service}
        location={location}
        entry={{ outcome, day: entry.day, drawAt: lotteryWindow(rules, entry.day).closes, start: entry.starts_at, holdUntil: entry.hold_until }}
        token={token}
        csrf={csrfToken(c)}
        problem={problem}
      />,
    );
  }

  routes.post(`/${langSegment}/lottery/entry/:token/book`, async (c) => {
    const l = portalLang(c);
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    if (!isLinkToken(token)) return renderEntry(c, token, 404);
    try {
      const booked = await bookDrawnTime(deps, token);
      deps.onBooked?.();
      grantAccess(c, await deps.key(), booked.code, deps.clock.now());
      return c.redirect(`/${l}/appointment/${booked.code}?notice=booked`, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const reason = error.details?.reason;
      if (error.code === 'duplicate_booking') return renderEntry(c, token, 409, translate(l, 'portal.problem.duplicate.text'));
      if (reason === 'booked' || reason === 'expired' || reason === 'not_won')
        return renderEntry(c, token, reason === 'expired' ? 410 : 409, translate(l, `lottery.refused.${reason}`));
      if (reason === 'unknown') return renderEntry(c, token, 404);
      throw error;
    }
  });

  return routes;
}
