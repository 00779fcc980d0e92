import type { Child } from 'hono/jsx';
import { assetUrl } from '../../web/assets.ts';
import { HtmlDocument } from '../../web/html-document.tsx';
import { languageName, languages, textDirection, translate, type Lang } from '../../web/i18n.ts';

/**
 * The frame of every portal page: <html lang dir>, a skip link, the language switcher
 * (each language named in its own script, linking to the same page in that language), and
 * the portal's own CSS. `path` is the page's path without the language prefix.
 */
export function PortalLayout(props: { lang: Lang; title: string; path: string; children: Child; script?: boolean; scripts?: string[]; query?: string }) {
  const t = (key: string) => translate(props.lang, key);
  const query = props.query ? `?${props.query}` : '';
  return (
    <HtmlDocument
      lang={props.lang}
      title={`${props.title} · ${t('portal.office')}`}
      head={
        <>
          <link rel="icon" href={assetUrl('favicon.ico')} sizes="16x16 32x32" />
          <link rel="stylesheet" href={assetUrl('base.css')} />
          <link rel="stylesheet" href={assetUrl('portal.css')} />
          {props.script ? <script src={assetUrl('proof-of-work.js')} defer></script> : null}
          {(props.scripts ?? []).map((name) => (
            <script src={assetUrl(name)} defer></script>
          ))}
        </>
      }
    >
      <body>
        <a class="skip-link" href="#main">
          {t('portal.skip')}
        </a>
        <header class="site-header portal-header">
          <a href={`/${props.lang}/`}>{t('portal.office')}</a>
          <nav class="languages" aria-label={t('portal.languages')}>
            <ul>
              {languages.map((code) => (
                <li>
                  <a
                    href={`/${code}${props.path}${query}`}
                    lang={code}
                    hreflang={code}
                    dir={textDirection(code)}
                    aria-current={code === props.lang ? 'true' : undefined}
                  >
                    {languageName(code)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="page" tabindex={-1}>
          {props.children}
        </main>
        <footer class="portal-footer">
          <p>
            <a href={`/${props.lang}/privacy`}>{t('portal.privacy.link')}</a>
          </p>
        </footer>
      </body>
    </HtmlDocument>
  );
}

/** Keeps left-to-right content (codes, e-mails, times, phone numbers) readable inside right-to-left text. */
export function Ltr(props: { children: Child }) {
  return (
    <bdi dir="ltr" class="ltr">
      {props.children}
    </bdi>
  );
}

/** Error summary at the top of a form: announced (role=alert), each entry linking to its field. */
export function ErrorSummary(props: { lang: Lang; errors: { field: string; message: string }[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary" autofocus>
      <h2>{translate(props.lang, 'portal.form.errors')}</h2>
      <ul>
        {props.errors.map((error) => (
          <li>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
