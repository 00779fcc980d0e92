import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { translate, type Lang } from '../../../web/i18n.ts';
import { pageLanguage } from '../../../web/page-language.ts';
import { problemPage, portalLangSegment, type PortalDeps } from '../../portal/index.ts';
import { noticeLanguages } from '../info-page-notice-languages.ts';
import { infoPageQrSvg, infoPageUrl } from '../info-page-qr.ts';
import { findInfoPage, publishedInfoPages } from '../info-page-view.ts';
import { InfoNoticePage } from './info-page-notice.tsx';
import { InfoListPage, InfoPage } from './info-page-pages.tsx';

/** The citizen portal's information pages: the list, a page, its printable notice, and the notice's QR address. */
export function infoPagePortalRoutes(deps: Pick<PortalDeps, 'db' | 'publicUrl'>): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const notFound = (c: Context<AppEnv>, lang: Lang) =>
    problemPage(c, 404, {
      lang,
      problem: 'info_not_found',
      path: '/info',
      actions: [{ href: `/${lang}/info`, label: translate(lang, 'portal.info.all') }],
    });

  // The address on a printed notice: the page in the language of the phone that scanned it.
  routes.get('/info/:slug', (c) => c.redirect(`/${pageLanguage(c)}/info/${encodeURIComponent(c.req.param('slug'))}`, 302));

  routes.get(`/${portalLangSegment}/info`, async (c) => {
    const lang = c.req.param('lang') as Lang;
    return c.html(<InfoListPage lang={lang} pages={await publishedInfoPages(deps, lang)} />);
  });

  routes.get(`/${portalLangSegment}/info/:slug`, async (c) => {
    const lang = c.req.param('lang') as Lang;
    const page = await findInfoPage(deps, lang, c.req.param('slug'));
    return page ? c.html(<InfoPage lang={lang} page={page} />) : notFound(c, lang);
  });

  routes.get(`/${portalLangSegment}/info/:slug/notice`, async (c) => {
    const lang = c.req.param('lang') as Lang;
    const langs = noticeLanguages(c.req.queries('langs') ?? [], lang);
    if (!langs)
      return problemPage(c, 400, {
        lang,
        problem: 'info_languages',
        path: '/info',
        actions: [{ href: `/${lang}/info`, label: translate(lang, 'portal.info.all') }],
      });
    const slug = c.req.param('slug');
    const columns = [];
    for (const columnLang of langs) {
      const page = await findInfoPage(deps, columnLang, slug);
      if (!page) return notFound(c, lang);
      columns.push({ lang: columnLang, page });
    }
    const url = infoPageUrl(deps.publicUrl, slug);
    return c.html(<InfoNoticePage lang={lang} columns={columns} url={url} qrSvg={await infoPageQrSvg(url)} />);
  });

  return routes;
}
