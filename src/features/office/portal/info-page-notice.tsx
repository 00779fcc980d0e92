import { raw } from 'hono/html';
import { assetUrl } from '../../../web/assets.ts';
import { HtmlDocument } from '../../../web/html-document.tsx';
import { languageName, textDirection, translate, type Lang } from '../../../web/i18n.ts';
import type { InfoPageView } from '../info-page-view.ts';
import { InfoPageBody, TranslationNotices } from './info-page-pages.tsx';

/**
 * A printed notice (Aushang) for shelters: the page in up to four languages side by side on A4 landscape,
 * each column in its own language and direction, with a QR code to the page that opens in the
 * language of the phone scanning it.
 */
export function InfoNoticePage(props: { lang: Lang; columns: { lang: Lang; page: InfoPageView }[]; url: string; qrSvg: string }) {
  const { lang, columns } = props;
  const title = columns.map((column) => column.page.title).join(' · ');
  return (
    <HtmlDocument
      lang={lang}
      title={title}
      head={
        <>
          <link rel="stylesheet" href={assetUrl('base.css')} />
          <link rel="stylesheet" href={assetUrl('info-notice.css')} />
        </>
      }
    >
      <body class="info-notice">
        <main id="main">
          <h1 class="notice-office">{translate(lang, 'portal.office')}</h1>
          <div class={`notice-columns notice-columns-${columns.length}`}>
            {columns.map((column) => (
              <section class="notice-column" lang={column.lang} dir={textDirection(column.lang)} aria-labelledby={`notice-${column.lang}`}>
                <p class="notice-language">{languageName(column.lang)}</p>
                <TranslationNotices lang={column.lang} page={column.page} />
                <div lang={column.page.lang} dir={textDirection(column.page.lang)}>
                  <h2 id={`notice-${column.lang}`}>{column.page.title}</h2>
                  {column.page.summary ? <p class="lead">{column.page.summary}</p> : null}
                  <InfoPageBody body={column.page.body} />
                </div>
              </section>
            ))}
          </div>
          <footer class="notice-footer">
            <div class="notice-qr" role="img" aria-label={translate(lang, 'portal.info.notice_qr')}>
              {raw(props.qrSvg)}
            </div>
            <div>
              {columns.map((column) => (
                <p lang={column.lang} dir={textDirection(column.lang)}>
                  {translate(column.lang, 'portal.info.notice_scan')}
                </p>
              ))}
              <p class="notice-url" dir="ltr">
                {props.url}
              </p>
            </div>
          </footer>
        </main>
      </body>
    </HtmlDocument>
  );
}
