import type { Database } from '../../db/database.ts';
import { sourceLang } from '../../web/i18n.ts';
import { awaitsApproval, infoPageDigest } from './info-page-status.ts';
import { publishedInfoPageTexts, publishedPagesOfServices } from './info-page-store.ts';

/**
 * A published information page as a citizen reads it in `lang`: the translation where there is one
 * (marked when outdated or machine-translated and not yet approved), else the German text with a
 * notice that it is not translated yet.
 */
export type InfoPageView = {
  id: string;
  slug: string;
  /** The language the texts are in: the one asked for, or German. */
  lang: string;
  title: string;
  summary: string;
  body: string;
  /** `untranslated`: German shown instead; `outdated`: made from an older German text. */
  translation: 'source' | 'current' | 'outdated' | 'untranslated';
  machineTranslated: boolean;
};

type Row = Awaited<ReturnType<typeof publishedInfoPageTexts>>[number];

function views(rows: Row[], lang: string): InfoPageView[] {
  const result: InfoPageView[] = [];
  for (const german of rows.filter((row) => row.lang === sourceLang)) {
    const own = rows.find((row) => row.id === german.id && row.lang === lang) ?? german;
    const translation =
      lang === sourceLang ? 'source' : own.lang !== lang ? 'untranslated' : own.source_digest === infoPageDigest(german) ? 'current' : 'outdated';
    result.push({
      id: german.id,
      slug: german.slug,
      lang: own.lang,
      title: own.title,
      summary: own.summary,
      body: own.body,
      translation,
      machineTranslated: own.lang !== sourceLang && awaitsApproval(own),
    });
  }
  return result;
}

/** The published pages in the office's order (a page without German text is not shown). */
export async function publishedInfoPages(deps: { db: Database }, lang: string): Promise<InfoPageView[]> {
  return views(await publishedInfoPageTexts(deps.db, lang), lang);
}

export async function findInfoPage(deps: { db: Database }, lang: string, slug: string): Promise<InfoPageView | undefined> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) return undefined;
  return views(await publishedInfoPageTexts(deps.db, lang, { slug }), lang)[0];
}

/** Each service's published pages (service id → pages), for the services page. */
export async function infoPagesOfServices(deps: { db: Database }, lang: string): Promise<Map<string, InfoPageView[]>> {
  const [pages, links] = await Promise.all([publishedInfoPages(deps, lang), publishedPagesOfServices(deps.db)]);
  const byId = new Map(pages.map((page) => [page.id, page]));
  return new Map([...links].map(([serviceId, ids]) => [serviceId, ids.flatMap((id) => byId.get(id) ?? [])]));
}
