import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName, languages, sourceLang, textDirection } from '../../../web/i18n.ts';
import { CsrfField, Notice, StaffLayout, staffT } from '../../staff/index.ts';
import { infoPageTextState, type InfoPageTextFields, type InfoPageTextState, type InfoPageTextStatus } from '../info-page-status.ts';
import { noticeLanguagesMax } from '../info-page-notice-languages.ts';
import type { Submitted } from './info-page-form.ts';
import { NotSaved, shown, TextFields } from './info-page-fields.tsx';

type Page = { id: string; slug: string; position: number; published: boolean; version: number };
type Text = InfoPageTextFields & InfoPageTextStatus & { lang: string };

const stateMark: Record<InfoPageTextState, string> = { missing: ' ✗', outdated: ' !', unapproved: ' ?', current: '' };

/** Each translation's state against the German text of the page. */
export function languageStates(texts: Text[]): { lang: string; state: InfoPageTextState }[] {
  const german = texts.find((text) => text.lang === sourceLang);
  return languages
    .filter((lang) => lang !== sourceLang)
    .map((lang) => ({
      lang,
      state: infoPageTextState(
        german,
        texts.find((text) => text.lang === lang),
      ),
    }));
}

export function InfoPageList(props: { c: Context<AppEnv>; pages: Page[]; texts: (Text & { info_page_id: string })[] }) {
  const t = staffT(props.c);
  return (
    <StaffLayout c={props.c} title={t('staff.info_pages.title')} wide>
      <h1>{t('staff.info_pages.title')}</h1>
      <p>{t('staff.info_pages.intro')}</p>
      <p>
        <a class="button" href="/staff/admin/info-pages/new">
          {t('staff.info_pages.new')}
        </a>
      </p>
      {props.pages.length === 0 ? <p>{t('staff.info_pages.none')}</p> : null}
      <table class="data-table">
        <caption class="muted">{t('staff.info_pages.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.info_pages.page')}</th>
            <th scope="col">{t('staff.info_pages.position')}</th>
            <th scope="col">{t('staff.info_pages.translations')}</th>
          </tr>
        </thead>
        <tbody>
          {props.pages.map((page) => {
            const texts = props.texts.filter((text) => text.info_page_id === page.id);
            const german = texts.find((text) => text.lang === sourceLang);
            return (
              <tr>
                <td>
                  <a href={`/staff/admin/info-pages/${page.id}`}>{german?.title ?? page.slug}</a>
                  {page.published ? null : ` (${t('staff.info_pages.unpublished')})`}
                </td>
                <td>{page.position}</td>
                <td>
                  {languageStates(texts).map(({ lang, state }) => (
                    <>
                      <a
                        class={`badge ${state}`}
                        href={`/staff/admin/info-pages/${page.id}/texts/${lang}`}
                        title={`${languageName(lang)}: ${t(`staff.info_pages.state.${state}`)}`}
                        data-lang={lang}
                        data-state={state}
                      >
                        {lang} <span class="visually-hidden">{`${languageName(lang)}: ${t(`staff.info_pages.state.${state}`)}`}</span>
                        {stateMark[state]}
                      </a>{' '}
                    </>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </StaffLayout>
  );
}

/** The form of a page's settings, services and German text: new (no page) or an existing one at its version. */
export function InfoPageForm(props: {
  c: Context<AppEnv>;
  page: Page | undefined;
  german: InfoPageTextFields | undefined;
  services: { id: string; name: string }[];
  serviceIds: string[];
  submitted: Submitted | undefined;
}) {
  const { c, page, submitted } = props;
  const t = staffT(c);
  const linked = submitted ? [submitted.values.serviceIds ?? []].flat() : props.serviceIds;
  const published = submitted ? submitted.values.published === 'on' : (page?.published ?? false);
  return (
    <form
      method="post"
      action={page ? `/staff/admin/info-pages/${page.id}` : '/staff/admin/info-pages'}
      class="form-grid"
      novalidate={submitted ? true : undefined}
    >
      <CsrfField c={c} />
      {page ? <input type="hidden" name="version" value={String(page.version)} /> : null}
      <NotSaved c={c} submitted={submitted} />
      <div>
        <label for="page-slug">{t('staff.info_pages.slug')}</label>
        <input type="text" id="page-slug" name="slug" required maxlength={63} dir="ltr" value={shown(submitted, 'slug', page?.slug ?? '')} />
      </div>
      <div>
        <label for="page-position">{t('staff.info_pages.position')}</label>
        <input type="number" id="page-position" name="position" min={0} max={9999} value={shown(submitted, 'position', String(page?.position ?? 0))} />
      </div>
      <div class="check">
        <input type="checkbox" id="page-published" name="published" checked={published} />
        <label for="page-published">{t('staff.info_pages.published')}</label>
      </div>
      <TextFields c={c} lang={sourceLang} text={props.german} submitted={submitted} />
      <fieldset id="page-services">
        <legend>{t('staff.info_pages.services')}</legend>
        {props.services.map((service) => (
          <div class="check">
            <input type="checkbox" id={`service-${service.id}`} name="serviceIds" value={service.id} checked={linked.includes(service.id)} />
            <label for={`service-${service.id}`}>{service.name}</label>
          </div>
        ))}
      </fieldset>
      <div>
        <button type="submit" class="button">
          {page ? t('staff.save') : t('staff.create')}
        </button>
      </div>
    </form>
  );
}

export function NewInfoPage(props: { c: Context<AppEnv>; services: { id: string; name: string }[]; submitted?: Submitted | undefined }) {
  const t = staffT(props.c);
  return (
    <StaffLayout c={props.c} title={t('staff.info_pages.new')}>
      <h1>{t('staff.info_pages.new')}</h1>
      <InfoPageForm c={props.c} page={undefined} german={undefined} services={props.services} serviceIds={[]} submitted={props.submitted} />
      <p>
        <a href="/staff/admin/info-pages">{t('staff.back')}</a>
      </p>
    </StaffLayout>
  );
}

export function EditInfoPage(props: {
  c: Context<AppEnv>;
  page: Page;
  texts: Text[];
  services: { id: string; name: string }[];
  serviceIds: string[];
  submitted?: Submitted | undefined;
}) {
  const { c, page } = props;
  const t = staffT(c);
  const german = props.texts.find((text) => text.lang === sourceLang);
  const title = german?.title ?? page.slug;
  return (
    <StaffLayout c={c} title={title} wide>
      <h1>{title}</h1>
      <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
      {page.published ? (
        <p>
          <a href={`/de/info/${page.slug}`}>{t('staff.info_pages.view')}</a>
        </p>
      ) : null}
      <section aria-labelledby="languages-h">
        <h2 id="languages-h">{t('staff.info_pages.languages')}</h2>
        <ul>
          {languageStates(props.texts).map(({ lang, state }) => (
            <li>
              <a href={`/staff/admin/info-pages/${page.id}/texts/${lang}`}>{languageName(lang)}</a> —{' '}
              <span class={`badge ${state}`} data-lang={lang}>
                {t(`staff.info_pages.state.${state}`)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="page-h">
        <h2 id="page-h">{t('staff.info_pages.settings_and_german')}</h2>
        <InfoPageForm c={c} page={page} german={german} services={props.services} serviceIds={props.serviceIds} submitted={props.submitted} />
      </section>
      {page.published ? (
        <section aria-labelledby="notice-h">
          <h2 id="notice-h">{t('staff.info_pages.notice')}</h2>
          <p class="hint">{t('staff.info_pages.notice_hint')}</p>
          <form method="get" action={`/de/info/${page.slug}/notice`} class="form-grid">
            <fieldset>
              <legend>{t('staff.info_pages.languages')}</legend>
              {languages.map((lang) => (
                <div class="check">
                  <input type="checkbox" id={`notice-${lang}`} name="langs" value={lang} checked={['de', 'ar', 'uk'].includes(lang)} />
                  <label for={`notice-${lang}`} lang={lang} dir={textDirection(lang)}>
                    {languageName(lang)}
                  </label>
                </div>
              ))}
            </fieldset>
            <p class="hint">{`max. ${noticeLanguagesMax}`}</p>
            <div>
              <button type="submit" class="button">
                {t('staff.info_pages.notice_open')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      <p>
        <a href="/staff/admin/info-pages">{t('staff.back')}</a>
      </p>
    </StaffLayout>
  );
}
