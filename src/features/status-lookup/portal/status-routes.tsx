import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { translate, type Lang } from '../../../web/i18n.ts';
import { checkCsrf, clientIp, csrfToken, newChallenge, type PortalDeps, portalLang } from '../../portal/index.ts';
import { guardLookup } from '../guard-lookup.ts';
import { lookUpStatus } from '../look-up-status.ts';
import { readCardQuery, readProcedureQuery, type LookupInputError } from '../lookup-query.ts';
import { CardLookupPage, type FormErrors, StatusLookupPage, StatusResultPage } from './status-pages.tsx';

export type StatusPortalDeps = PortalDeps & { timeZone: string };

const problemText: Record<LookupInputError['problem'], string> = { number: 'status.error.number', dob: 'status.error.dob', serial: 'status.error.serial' };

/**
 * The status look-up pages: a plain form (works without JavaScript), answered in the response to
 * the POST so that nothing of the answer is ever in an address, a cookie or a cache.
 */
export function statusPortalRoutes(deps: StatusPortalDeps, langSegment: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  const challenge = async () =>
    JSON.stringify(
      await newChallenge(await deps.key(), { maxNumber: deps.settings.powMaxNumber, expiresMinutes: deps.settings.powExpiresMinutes, now: deps.clock.now() }),
    );
  const text = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string).slice(0, 40) : '');

  async function lookupPage(c: Context<AppEnv>, kind: 'procedure' | 'card', values: Record<string, string>, errors: FormErrors, status: 200 | 404 | 422 | 429) {
    const lang = portalLang(c);
    c.status(status);
    c.header('Cache-Control', 'no-store');
    const common = { lang, csrf: csrfToken(c), challenge: await challenge(), errors };
    return c.html(
      kind === 'procedure' ? (
        <StatusLookupPage {...common} number={values.number ?? ''} dateOfBirth={values.dateOfBirth ?? ''} />
      ) : (
        <CardLookupPage {...common} serial={values.serial ?? ''} />
      ),
    );
  }

  async function answer(c: Context<AppEnv>, kind: 'procedure' | 'card') {
    const lang: Lang = portalLang(c);
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const values: Record<string, string> =
      kind === 'procedure' ? { number: text(form, 'number'), dateOfBirth: text(form, 'dateOfBirth') } : { serial: text(form, 'serial') };
    const read = kind === 'procedure' ? readProcedureQuery(form) : readCardQuery(form);
    const query = 'query' in read ? read.query : undefined;
    try {
      const proofOfWork = typeof form.altcha === 'string' && form.altcha.trim() ? form.altcha.trim() : undefined;
      await guardLookup(deps, { channel: 'portal', address: clientIp(c), query, proofOfWork });
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'rate_limited' && error.code !== 'forbidden')) throw error;
      if (error.code === 'forbidden') return lookupPage(c, kind, values, [{ field: 'pow-status', message: translate(lang, 'portal.pow.failed') }], 422);
      c.header('Retry-After', '3600');
      return lookupPage(c, kind, values, [{ field: kind === 'procedure' ? 'number' : 'serial', message: translate(lang, 'status.error.limit') }], 429);
    }
    if (!query) {
      const errors = 'errors' in read ? read.errors : [];
      return lookupPage(
        c,
        kind,
        values,
        errors.map((e) => ({ field: e.field, message: translate(lang, problemText[e.problem]) })),
        422,
      );
    }
    const found = await lookUpStatus(deps, query, { lang, channel: 'portal' });
    if (!found) {
      const message = translate(lang, kind === 'procedure' ? 'status.error.notFound' : 'status.error.cardNotFound');
      return lookupPage(c, kind, values, [{ field: kind === 'procedure' ? 'number' : 'serial', message }], 404);
    }
    c.header('Cache-Control', 'no-store');
    return c.html(<StatusResultPage lang={lang} answer={found} reference={query.kind === 'procedure' ? query.number : query.serial} />);
  }

  routes.get(`/${langSegment}/status`, (c) => lookupPage(c, 'procedure', {}, [], 200));
  routes.post(`/${langSegment}/status`, (c) => answer(c, 'procedure'));
  routes.get(`/${langSegment}/status/card`, (c) => lookupPage(c, 'card', {}, [], 200));
  routes.post(`/${langSegment}/status/card`, (c) => answer(c, 'card'));
  return routes;
}
