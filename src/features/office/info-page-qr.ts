import QRCode from 'qrcode';
import type { Database } from '../../db/database.ts';
import { publishedInfoPages } from './info-page-view.ts';

/** QR codes are drawn on the server as inline SVG: no script, no image request, sharp on paper. */
export const infoPageQrOptions = { type: 'svg', errorCorrectionLevel: 'M', margin: 2 } as const;

/**
 * The address of a page. Without a language it is the one a printed notice carries: it answers with
 * the page in the language of the phone that scanned it (GET /info/:slug).
 */
export function infoPageUrl(publicUrl: string, slug: string, lang?: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${lang ? `/${lang}` : ''}/info/${slug}`;
}

export function infoPageQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, infoPageQrOptions);
}

export type InfoPageQr = { slug: string; title: string; lang: string; url: string; svg: string };

/** Every published page with a QR code to it in `lang` (for the kiosk: the visitor chose the language there). */
export async function infoPageQrCodes(deps: { db: Database }, options: { lang: string; publicUrl: string }): Promise<InfoPageQr[]> {
  const pages = await publishedInfoPages(deps, options.lang);
  return Promise.all(
    pages.map(async (page) => {
      const url = infoPageUrl(options.publicUrl, page.slug, options.lang);
      return { slug: page.slug, title: page.title, lang: page.lang, url, svg: await infoPageQrSvg(url) };
    }),
  );
}
