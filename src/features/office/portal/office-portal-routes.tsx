import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { Lang } from '../../../web/i18n.ts';
import { pageLanguage } from '../../../web/page-language.ts';
import { type PortalDeps, portalLangSegment } from '../../portal/index.ts';
import { listLocations } from '../list-locations.ts';
import { listServices } from '../list-services.ts';
import { locationHours } from '../location-hours.ts';
import { infoPagesOfServices, publishedInfoPages } from '../info-page-view.ts';
import { infoPagePortalRoutes } from './info-page-routes.tsx';
import { ServicesPage, StartPage } from './info-pages.tsx';

/** The portal's start page (locations and their hours; online applications where the document store is there to take them), the services page and the information pages, mounted after the portal shell's routes. */
export function officePortalRoutes(deps: Pick<PortalDeps, 'db' | 'clock' | 'publicUrl'> & { applications: boolean }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const start = async (lang: Lang) => {
    const locations = await listLocations(deps);
    const hours = new Map(await Promise.all(locations.map(async (l) => [l.id, await locationHours(deps, l)] as const)));
    const hasInfo = (await publishedInfoPages(deps, lang)).length > 0;
    return <StartPage lang={lang} locations={locations} hours={hours} hasInfo={hasInfo} hasApplications={deps.applications} />;
  };
  routes.get('/', async (c) => c.html(await start(pageLanguage(c))));
  routes.get(`/${portalLangSegment}/`, async (c) => c.html(await start(c.req.param('lang') as Lang)));
  routes.get(`/${portalLangSegment}/services`, async (c) => {
    const lang = c.req.param('lang') as Lang;
    const [services, locations, infoPages] = await Promise.all([listServices(deps, { lang }), listLocations(deps), infoPagesOfServices(deps, lang)]);
    return c.html(<ServicesPage lang={lang} services={services} locations={locations} infoPages={infoPages} />);
  });
  routes.route('/', infoPagePortalRoutes(deps));
  return routes;
}
