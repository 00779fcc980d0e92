import { formatDate } from '../../../web/format.ts';
import { textDirection, translate, type Lang } from '../../../web/i18n.ts';
import { ErrorSummary, Ltr, PortalLayout } from '../../portal/index.ts';
import type { Localized, StatusAnswer } from '../look-up-status.ts';
import type { LookupField } from '../lookup-query.ts';

export type FormErrors = { field: LookupField | 'pow-status'; message: string }[];

type Field = { name: LookupField; label: string; hint: string; value: string; maxLength: number; autocomplete?: string };

/** The look-up form of either page: its fields, the proof of work (solved by the script when on), one button. */
function LookupForm(props: { lang: Lang; action: string; csrf: string; challenge: string; fields: Field[]; submit: string; errors: FormErrors }) {
  const t = (key: string) => translate(props.lang, key);
  const error = (field: string) => props.errors.find((e) => e.field === field)?.message;
  return (
    <form method="post" action={props.action} novalidate data-pow-form data-challenge={props.challenge}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      {props.fields.map((field) => (
        <div class={error(field.name) ? 'field invalid' : 'field'}>
          <label for={field.name}>{field.label}</label>
          <span class="hint" id={`${field.name}-hint`}>
            {field.hint}
          </span>
          {error(field.name) ? (
            <span class="field-error" id={`${field.name}-error`}>
              {error(field.name)}
            </span>
          ) : null}
          <input
            type="text"
            id={field.name}
            name={field.name}
            value={field.value}
            maxlength={field.maxLength}
            autocomplete={field.autocomplete ?? 'off'}
            autocapitalize={field.name === 'dateOfBirth' ? undefined : 'characters'}
            inputmode={field.name === 'dateOfBirth' ? 'numeric' : undefined}
            spellcheck={false}
            dir="ltr"
            required
            aria-invalid={error(field.name) ? 'true' : undefined}
            aria-describedby={error(field.name) ? `${field.name}-hint ${field.name}-error` : `${field.name}-hint`}
          />
        </div>
      ))}
      <input type="hidden" name="altcha" value="" />
      <p class="pow-status" id="pow-status" role="status" data-working={t('portal.pow.working')} data-done={t('portal.pow.done')}>
        {error('pow-status') ? <span class="field-error">{error('pow-status')}</span> : null}
      </p>
      <noscript>
        <p class="notice">{t('status.pow.noscript')}</p>
      </noscript>
      <p class="actions">
        <button class="button" type="submit">
          {props.submit}
        </button>
      </p>
    </form>
  );
}

/** `/<lang>/status`: procedure number and date of birth. */
export function StatusLookupPage(props: { lang: Lang; csrf: string; challenge: string; number: string; dateOfBirth: string; errors: FormErrors }) {
  const { lang } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <PortalLayout lang={lang} title={t('status.title')} path="/status" script>
      <ErrorSummary lang={lang} errors={props.errors} />
      <h1>{t('status.title')}</h1>
      <p>{t('status.intro')}</p>
      <LookupForm
        lang={lang}
        action={`/${lang}/status`}
        csrf={props.csrf}
        challenge={props.challenge}
        submit={t('status.submit')}
        errors={props.errors}
        fields={[
          { name: 'number', label: t('status.number'), hint: t('status.number.hint'), value: props.number, maxLength: 20 },
          {
            name: 'dateOfBirth',
            label: t('portal.details.dob'),
            hint: t('status.dob.hint'),
            value: props.dateOfBirth,
            maxLength: 10,
            autocomplete: 'bday',
          },
        ]}
      />
      <p>
        <a href={`/${lang}/status/card`}>{t('status.card.title')}</a>
      </p>
    </PortalLayout>
  );
}

/** `/<lang>/status/card`: "is my card ready?" by the serial number of the ordered eAT. */
export function CardLookupPage(props: { lang: Lang; csrf: string; challenge: string; serial: string; errors: FormErrors }) {
  const { lang } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <PortalLayout lang={lang} title={t('status.card.title')} path="/status/card" script>
      <ErrorSummary lang={lang} errors={props.errors} />
      <h1>{t('status.card.title')}</h1>
      <LookupForm
        lang={lang}
        action={`/${lang}/status/card`}
        csrf={props.csrf}
        challenge={props.challenge}
        submit={t('status.card.submit')}
        errors={props.errors}
        fields={[{ name: 'serial', label: t('status.card.serial'), hint: t('status.card.serial.hint'), value: props.serial, maxLength: 20 }]}
      />
      <p>
        <a href={`/${lang}/status`}>{t('status.title')}</a>
      </p>
    </PortalLayout>
  );
}

/** A status text; one that is not translated yet is marked as German (lang, dir) with a note in the reader's language. */
function Text(props: { lang: Lang; text: Localized }) {
  if (props.text.lang === props.lang) return <>{props.text.text}</>;
  return (
    <>
      <span lang={props.text.lang} dir={textDirection(props.text.lang)}>
        {props.text.text}
      </span>{' '}
      <small>({translate(props.lang, 'status.result.german')})</small>
    </>
  );
}

/** The answer: status, since when, what to do next, the documents still missing. Nothing else of the file. */
export function StatusResultPage(props: { lang: Lang; answer: StatusAnswer; reference: string }) {
  const { lang, answer } = props;
  const t = (key: string, values?: Record<string, string>) => translate(lang, key, values);
  const back = answer.kind === 'card' ? `/${lang}/status/card` : `/${lang}/status`;
  return (
    <PortalLayout lang={lang} title={t('status.result.title')} path={answer.kind === 'card' ? '/status/card' : '/status'}>
      <h1>{t(answer.kind === 'card' ? 'status.card.title' : 'status.result.title')}</h1>
      <dl class="summary">
        <dt>{t(answer.kind === 'card' ? 'status.card.serial' : 'status.number')}</dt>
        <dd>
          <Ltr>{props.reference}</Ltr>
        </dd>
        <dt>{t('status.result.status')}</dt>
        <dd>
          <strong>
            <Text lang={lang} text={answer.label} />
          </strong>{' '}
          ({t('status.result.since', { date: formatDate(lang, answer.since, answer.timeZone) })})
        </dd>
      </dl>
      {answer.nextStep.text ? (
        <>
          <h2>{t('status.result.next')}</h2>
          <p>
            <Text lang={lang} text={answer.nextStep} />
          </p>
        </>
      ) : null}
      {answer.missing.length > 0 ? (
        <>
          <h2>{t('status.result.missing')}</h2>
          <ul class="missing-documents">
            {answer.missing.map((doc) => (
              <li>
                {t(`status.doc.${doc.kind}`)}
                {doc.note ? (
                  <>
                    <br />
                    <small>
                      {t('status.doc.note')}:{' '}
                      <span lang="de" dir="ltr">
                        {doc.note}
                      </span>
                    </small>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="actions">
        {answer.kind === 'procedure' && answer.missing.length > 0 ? (
          // The contact form about this procedure takes the documents as attachments, straight into the file.
          <a class="button" href={`/${lang}/contact/procedure?number=${encodeURIComponent(props.reference)}`}>
            {t('status.result.send_documents')}
          </a>
        ) : null}
        <a class="button secondary" href={back}>
          {t('status.result.again')}
        </a>
      </p>
    </PortalLayout>
  );
}
