import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName } from '../../../web/i18n.ts';
import { CsrfField, Notice, StaffLayout, staffLang, staffT } from '../../staff/index.ts';
import { InfoPageBody } from '../portal/info-page-pages.tsx';
import { infoPageDigest, infoPageTextState, type InfoPageTextFields, type InfoPageTextStatus } from '../info-page-status.ts';
import type { Submitted } from './info-page-form.ts';
import { NotSaved, TextFields } from './info-page-fields.tsx';

type Translation = InfoPageTextFields & InfoPageTextStatus & { version: number };

/**
 * One translation beside its German source: the translator sees what they translate. The form carries
 * the translation's version and the digest of the German shown, so a stale save is refused and a
 * translation of a German text changed meanwhile is outdated at once.
 */
export function InfoPageTranslation(props: {
  c: Context<AppEnv>;
  page: { id: string; slug: string };
  lang: string;
  german: InfoPageTextFields | undefined;
  text: Translation | undefined;
  submitted?: Submitted | undefined;
}) {
  const { c, page, lang, german, text, submitted } = props;
  const t = staffT(c);
  const state = infoPageTextState(german, text);
  const heading = `${german?.title ?? page.slug} · ${languageName(lang)}`;
  const machine = submitted ? submitted.values.machineTranslated === 'on' : (text?.machine_translated ?? false);
  const action = `/staff/admin/info-pages/${page.id}/texts/${lang}`;
  return (
    <StaffLayout c={c} title={heading} wide>
      <h1>{heading}</h1>
      <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
      <p>
        <span class={`badge ${state}`} data-state={state}>
          {t(`staff.info_pages.state.${state}`)}
        </span>
        {text?.approved_at ? (
          <>
            {' '}
            {t('staff.info_pages.approved', {
              at: new Intl.DateTimeFormat(staffLang(c), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(text.approved_at),
            })}
          </>
        ) : null}
      </p>
      {state === 'unapproved' && text ? (
        <form method="post" action={`${action}/approve`} class="inline-form">
          <CsrfField c={c} />
          <input type="hidden" name="version" value={String(text.version)} />
          <button type="submit" class="button">
            {t('staff.info_pages.approve')}
          </button>
        </form>
      ) : null}
      {german ? (
        <div class="side-by-side">
          <section aria-labelledby="source-h" lang="de" dir="ltr">
            <h2 id="source-h">{t('staff.info_pages.german_source')}</h2>
            <h3>{german.title}</h3>
            {german.summary ? <p>{german.summary}</p> : null}
            <InfoPageBody body={german.body} />
          </section>
          <section aria-labelledby="translation-h">
            <h2 id="translation-h">{t('staff.info_pages.translation')}</h2>
            <form method="post" action={action} class="form-grid" novalidate={submitted ? true : undefined}>
              <CsrfField c={c} />
              <input type="hidden" name="version" value={String(text?.version ?? 0)} />
              <input type="hidden" name="sourceDigest" value={infoPageDigest(german)} />
              <NotSaved c={c} submitted={submitted} />
              <TextFields c={c} lang={lang} text={text} submitted={submitted} />
              <div class="check">
                <input type="checkbox" id="page-machineTranslated" name="machineTranslated" checked={machine} />
                <label for="page-machineTranslated">{t('staff.info_pages.machine_translated')}</label>
              </div>
              <div>
                <button type="submit" class="button">
                  {t('staff.save')}
                </button>
              </div>
            </form>
          </section>
        </div>
      ) : (
        <p class="notice">{t('staff.info_pages.german_first')}</p>
      )}
      <p>
        <a href={`/staff/admin/info-pages/${page.id}`}>{t('staff.back')}</a>
      </p>
    </StaffLayout>
  );
}
