import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { assetUrl } from './assets.ts';
import { textDirection, translate, type Lang } from './i18n.ts';

/** The HTML frame of every page: standards mode, language and direction are always set. */
export function Layout(props: { lang: Lang; title: string; children: Child; homeHref?: string }) {
  const t = (key: string) => translate(props.lang, key);
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={props.lang} dir={textDirection(props.lang)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · ${t('app.name')}`}</title>
          <link rel="stylesheet" href={assetUrl('base.css')} />
        </head>
        <body>
          <a class="skip-link" href="#main">
            {t('app.skip')}
          </a>
          <header class="site-header">
            <a href={props.homeHref ?? '/'}>{t('app.name')}</a>
          </header>
          <main id="main" class="page">
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
