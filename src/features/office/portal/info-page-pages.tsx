import { raw } from 'hono/html';
import { textDirection, translate, type Lang } from '../../../web/i18n.ts';
import { PortalLayout } from '../../portal/index.ts';
import { infoPageBlocks } from '../info-page-body.ts';
import type { InfoPageView } from '../info-page-view.ts';

/** The body's paragraphs and lists; the text is escaped by JSX, the administrator's input never becomes markup. */
export function InfoPageBody(props: { body: string }) {
  return (
    <>
      {infoPageBlocks(props.body).map((block) =>
        block.kind === 'list' ? (
          <ul>
            {block.items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        ) : (
          <p>{block.text}</p>
        ),
      )}
    </>
  );
}

/** Said in the reader's language when the text is German instead, older than the German, or machine-translated. */
export function TranslationNotices(props: { lang: Lang; page: InfoPageView }) {
  const { lang, page } = props;
  return (
    <>
      {page.translation === 'untranslated' ? <p class="notice">{translate(lang, 'portal.info.untranslated')}</p> : null}
      {page.translation === 'outdated' ? <p class="notice">{translate(lang, 'portal.info.outdated')}</p> : null}
      {page.machineTranslated ? (
        <p class="notice machine-translated" data-mark="machine-translated">
          {translate(lang, 'portal.info.machine_translated')}
        </p>
      ) : null}
    </>
  );
}

/** Where the text is in another language than the page (German instead of a translation), it says so for screen readers and direction. */
const textLang = (page: InfoPageView) => ({ lang: page.lang, dir: textDirection(page.lang) });

export function InfoListPage(props: { lang: Lang; pages: InfoPageView[] }) {
  const { lang } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <PortalLayout lang={lang} title={t('portal.info.title')} path="/info">
      <h1>{t('portal.info.title')}</h1>
      <p>{t('portal.info.intro')}</p>
      {props.pages.length === 0 ? <p>{t('portal.info.none')}</p> : null}
      <ul class="cards">
        {props.pages.map((page) => (
          <li class="card" {...textLang(page)}>
            <h2>
              <a href={`/${lang}/info/${page.slug}`}>{page.title}</a>
            </h2>
            {page.summary ? <p>{page.summary}</p> : null}
            {page.translation === 'untranslated' ? (
              <p class="muted" lang={lang} dir={textDirection(lang)}>
                {t('portal.info.untranslated_short')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}

export function InfoPage(props: { lang: Lang; page: InfoPageView }) {
  const { lang, page } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <PortalLayout lang={lang} title={page.title} path={`/info/${page.slug}`}>
      <TranslationNotices lang={lang} page={page} />
      <article {...textLang(page)}>
        <h1>{page.title}</h1>
        {page.summary ? <p class="lead">{page.summary}</p> : null}
        <InfoPageBody body={page.body} />
      </article>
      <p>
        <a href={`/${lang}/info`}>{t('portal.info.all')}</a>
      </p>
    </PortalLayout>
  );
}

/** The links of a service's pages on the services page. */
export function ServiceInfoLinks(props: { lang: Lang; pages: InfoPageView[] | undefined }) {
  if (!props.pages?.length) return null;
  return (
    <>
      <h3>{translate(props.lang, 'portal.info.for_service')}</h3>
      <ul>
        {props.pages.map((page) => (
          <li>
            <a href={`/${props.lang}/info/${page.slug}`} lang={page.lang} dir={textDirection(page.lang)}>
              {page.title}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export const qrMarkup = (svg: string) => raw(svg);
