import type { Child } from 'hono/jsx';
import { assetUrl } from './assets.ts';
import { HtmlDocument } from './html-document.tsx';
import { translate, type Lang } from './i18n.ts';

/** The HTML frame of every page: standards mode, language and direction are always set. */
export function Layout(props: { lang: Lang; title: string; children: Child; homeHref?: string }) {
  const t = (key: string) => translate(props.lang, key);
  return (
    <HtmlDocument lang={props.lang} title={`${props.title} · ${t('app.name')}`} head={<link rel="stylesheet" href={assetUrl('base.css')} />}>
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
    </HtmlDocument>
  );
}
