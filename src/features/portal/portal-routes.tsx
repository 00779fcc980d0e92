import { Hono } from 'hono';
import { setCookie, getCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { languages, type Lang } from '../../web/i18n.ts';
import { languageCookie, pageLanguage } from '../../web/page-language.ts';
import { bookingRoutes } from './booking-routes.tsx';
import { PrivacyPage, ServicesPage, StartPage } from './info-pages.tsx';
import { manageRoutes } from './manage-routes.tsx';
import type { PortalDeps } from './portal-deps.ts';
import { secureCookie } from './portal-security.ts';
import { listLocations, listServices, locationHours } from '../office/index.ts';

/** The citizen portal's pages, every one under a language prefix (/ar/…) so links can be shared. */
export function portalRoutes(deps: PortalDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // No route for the bare `/de` (without slash): with it Hono's router mismatches the
  // alternation pattern for every deeper path. `/de/` is the start page.
  // Grouped: Hono's trie router anchors only the first alternative, so de-x-ls would match as de.
  const langSegment = `:lang{(?:${languages.join('|')})}`;

  // A page opened in a language keeps that language for the next visit.
  routes.use(`/${langSegment}/*`, async (c, next) => {
    const lang = c.req.param('lang');
    if (lang && getCookie(c, languageCookie) !== lang) {
      setCookie(c, languageCookie, lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400, secure: secureCookie(c) });
    }
    await next();
  });
  routes.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control') && (c.res.headers.get('content-type') ?? '').startsWith('text/html')) {
      c.header('Cache-Control', 'private, no-cache');
    }
  });

  const start = async (lang: Lang) => {
    const locations = await listLocations(deps);
    const hours = new Map(await Promise.all(locations.map(async (l) => [l.id, await locationHours(deps, l)] as const)));
    return <StartPage lang={lang} locations={locations} hours={hours} />;
  };
  routes.get('/', async (c) => c.html(await start(pageLanguage(c))));
  routes.get(`/${langSegment}/`, async (c) => c.html(await start(c.req.param('lang') as Lang)));
  routes.get(`/${langSegment}/services`, async (c) => {
    const lang = c.req.param('lang') as Lang;
    return c.html(<ServicesPage lang={lang} services={await listServices(deps, { lang })} locations={await listLocations(deps)} />);
  });
  routes.get(`/${langSegment}/privacy`, (c) =>
    c.html(<PrivacyPage lang={c.req.param('lang') as Lang} retentionDays={deps.settings.personalDataRetentionDays} />),
  );

  routes.route('/', bookingRoutes(deps, langSegment));
  routes.route('/', manageRoutes(deps, langSegment));
  return routes;
}
