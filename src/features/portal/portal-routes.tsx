import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { setAnswerHeader } from '../../platform/http/answer-header.ts';
import { languages, type Lang } from '../../web/i18n.ts';
import { languageCookie } from '../../web/page-language.ts';
import { secureCookie } from './http/portal-security.ts';
import type { PortalDeps } from './portal-deps.ts';
import { PrivacyPage } from './privacy-page.tsx';

/**
 * The language segment every portal page sits under (/ar/…) so links can be shared. No route for
 * the bare `/de` (without slash): with it Hono's router mismatches the alternation pattern for
 * every deeper path. `/de/` is the start page; the bare `/de` is redirected there by a middleware.
 */
// Grouped: Hono's trie router anchors only the first alternative, so de-x-ls would match as de.
export const portalLangSegment = `:lang{(?:${languages.join('|')})}`;

/**
 * The portal shell's routes: the language cookie and the cache rule for every portal page, and
 * the privacy page. app.tsx mounts it before the domains' portal routes, so its middleware runs
 * for theirs too.
 */
export function portalRoutes(deps: Pick<PortalDeps, 'settings'>): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  // A page opened in a language keeps that language for the next visit.
  routes.use(`/${portalLangSegment}/*`, async (c, next) => {
    const lang = c.req.param('lang');
    if (lang && getCookie(c, languageCookie) !== lang) {
      setCookie(c, languageCookie, lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400, secure: secureCookie(c) });
    }
    await next();
  });
  // The bare `/ar` that people type or say on the phone: the start page, without a route for it (see above).
  const bareLanguages = new Set(languages.map((lang) => `/${lang}`));
  routes.use('*', async (c, next) => {
    if (bareLanguages.has(c.req.path) && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      const url = new URL(c.req.url);
      return c.redirect(`${url.pathname}/${url.search}`, 301);
    }
    await next();
    if (!c.res.headers.has('cache-control') && (c.res.headers.get('content-type') ?? '').startsWith('text/html')) {
      setAnswerHeader(c, 'Cache-Control', 'private, no-cache');
    }
  });

  routes.get(`/${portalLangSegment}/privacy`, (c) =>
    c.html(
      <PrivacyPage
        lang={c.req.param('lang') as Lang}
        retentionDays={deps.settings.personalDataRetentionDays}
        messageRetentionDays={deps.settings.messageRetentionDays}
      />,
    ),
  );
  return routes;
}

/** The language of a portal page: its path's segment (see portalLangSegment). */
export function portalLang(c: Context): Lang {
  return c.req.param('lang') as Lang;
}
