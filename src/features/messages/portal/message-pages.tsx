import { translate, type Lang } from '../../../web/i18n.ts';
import { formatDateTime } from '../../../web/format.ts';
import { ErrorSummary, Ltr, PortalLayout } from '../../portal/index.ts';
import { messageLimits } from '../message-input.ts';
import { DateOfBirthField, Field, type FieldErrors } from './message-fields.tsx';

export type ContactValues = { name: string; dateOfBirth: string; email: string; body: string; location: string; procedureNumber: string };
export const emptyContact: ContactValues = { name: '', dateOfBirth: '', email: '', body: '', location: '', procedureNumber: '' };

type ContactProps = {
  lang: Lang;
  kind: 'general' | 'procedure';
  csrf: string;
  submissionKey: string;
  challenge: string;
  locations: { id: string; name: string }[];
  values: ContactValues;
  errors: FieldErrors;
};

/** The contact form, general or about one procedure. Works without JavaScript; files go last so the text is read first. */
export function ContactPage(props: ContactProps) {
  const { lang, values, errors } = props;
  const t = (key: string, v?: Record<string, string | number>) => translate(lang, key, v);
  const path = props.kind === 'general' ? '/contact' : '/contact/procedure';
  const other = props.kind === 'general' ? '/contact/procedure' : '/contact';
  return (
    <PortalLayout lang={lang} title={t(`portal.messages.${props.kind}.title`)} path={path} script>
      <ErrorSummary lang={lang} errors={errors} />
      <h1>{t(`portal.messages.${props.kind}.title`)}</h1>
      <p>{t(`portal.messages.${props.kind}.intro`)}</p>
      <p>
        <a href={`/${lang}${other}`}>{t(`portal.messages.${props.kind}.other`)}</a> · <a href={`/${lang}/status`}>{t('portal.messages.status_link')}</a>
      </p>
      <form method="post" action={`/${lang}${path}`} enctype="multipart/form-data" novalidate data-pow-form data-challenge={props.challenge}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="submission" value={props.submissionKey} />
        {props.kind === 'procedure' ? (
          <Field id="procedureNumber" label={t('portal.messages.procedure')} hint={t('portal.messages.procedure.hint')} errors={errors}>
            {(aria) => (
              <input
                type="text"
                id="procedureNumber"
                name="procedureNumber"
                value={values.procedureNumber}
                maxlength={20}
                dir="ltr"
                autocomplete="off"
                required
                {...aria}
              />
            )}
          </Field>
        ) : (
          <Field id="location" label={t('portal.messages.location')} errors={errors}>
            {(aria) => (
              <select id="location" name="location" required {...aria}>
                {props.locations.map((l) => (
                  <option value={l.id} selected={values.location === l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="name" label={t('portal.messages.name')} errors={errors}>
          {(aria) => (
            <input
              type="text"
              id="name"
              name="name"
              value={values.name}
              maxlength={messageLimits.nameChars}
              autocomplete="name"
              dir="auto"
              required
              {...aria}
            />
          )}
        </Field>
        <DateOfBirthField lang={lang} value={values.dateOfBirth} errors={errors} />
        <Field id="email" label={t('portal.messages.email')} hint={t('portal.messages.email.hint')} errors={errors}>
          {(aria) => <input type="email" id="email" name="email" value={values.email} maxlength={254} autocomplete="email" dir="ltr" required {...aria} />}
        </Field>
        <Field id="body" label={t('portal.messages.body')} hint={t('portal.messages.body.hint', { max: messageLimits.bodyChars })} errors={errors}>
          {(aria) => (
            <textarea id="body" name="body" rows={8} maxlength={messageLimits.bodyChars} dir="auto" required {...aria}>
              {values.body}
            </textarea>
          )}
        </Field>
        <Field
          id="attachments"
          label={t('portal.messages.attachments')}
          hint={t('portal.messages.attachments.hint', { count: messageLimits.attachments, mb: 10 })}
          errors={errors}
        >
          {(aria) => (
            <input
              type="file"
              id="attachments"
              name="attachments"
              multiple
              accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp,.txt,.odt,.docx,application/pdf,image/*"
              {...aria}
            />
          )}
        </Field>
        <input type="hidden" name="altcha" value="" />
        <p class="pow-status" id="pow-status" role="status" data-working={t('portal.pow.working')} data-done={t('portal.pow.done')} />
        <noscript>
          <p class="notice">{t('portal.messages.noscript')}</p>
        </noscript>
        <p class="actions">
          <button class="button" type="submit">
            {t('portal.messages.send')}
          </button>
        </p>
      </form>
    </PortalLayout>
  );
}

/** After sending: the reference and the link to read the answer later. */
export function SentPage(props: { lang: Lang; reference: string; link: string }) {
  const t = (key: string) => translate(props.lang, key);
  return (
    <PortalLayout lang={props.lang} title={t('portal.messages.sent.title')} path="/contact">
      <div role="status">
        <h1>{t('portal.messages.sent.title')}</h1>
        <p>{t('portal.messages.sent.text')}</p>
      </div>
      <p>
        {t('portal.messages.reference')}:{' '}
        <strong>
          <Ltr>{props.reference}</Ltr>
        </strong>
      </p>
      <p>{t('portal.messages.sent.link')}</p>
      <p>
        <a href={props.link} dir="ltr">
          {props.link}
        </a>
      </p>
    </PortalLayout>
  );
}

/** Reference (filled in from the link) and date of birth, before anything of the message is shown. */
export function OpenMessagePage(props: { lang: Lang; csrf: string; reference: string; dateOfBirth: string; errors: FieldErrors }) {
  const { lang, errors } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <PortalLayout lang={lang} title={t('portal.messages.open.title')} path="/messages">
      <ErrorSummary lang={lang} errors={errors} />
      <h1>{t('portal.messages.open.title')}</h1>
      <p>{t('portal.messages.open.intro')}</p>
      <form method="post" action={`/${lang}/messages`} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Field id="reference" label={t('portal.messages.reference')} hint={t('portal.messages.reference.hint')} errors={errors}>
          {(aria) => (
            <input type="text" id="reference" name="reference" value={props.reference} maxlength={20} dir="ltr" autocomplete="off" required {...aria} />
          )}
        </Field>
        <DateOfBirthField lang={lang} value={props.dateOfBirth} errors={errors} />
        <p class="actions">
          <button class="button" type="submit">
            {t('portal.messages.open.submit')}
          </button>
        </p>
      </form>
    </PortalLayout>
  );
}

/** The person's message and, once there is one, the office's answer. */
export function MessagePage(props: {
  lang: Lang;
  timeZone: string;
  message: { reference: string; body: string; received_at: Date; answer_body: string | null; answered_at: Date | null; attachments: string[] };
}) {
  const { lang, message } = props;
  const t = (key: string) => translate(lang, key);
  const when = (at: Date) => formatDateTime(lang, at, props.timeZone);
  return (
    <PortalLayout lang={lang} title={t('portal.messages.view.title')} path="/messages">
      <h1>{t('portal.messages.view.title')}</h1>
      <p>
        {t('portal.messages.reference')}: <Ltr>{message.reference}</Ltr>
      </p>
      <h2>{t('portal.messages.view.answer')}</h2>
      {message.answer_body && message.answered_at ? (
        <>
          <p class="hint">{when(message.answered_at)}</p>
          <p class="message-text" dir="auto">
            {message.answer_body}
          </p>
        </>
      ) : (
        <p>{t('portal.messages.view.waiting')}</p>
      )}
      <h2>{t('portal.messages.view.yours')}</h2>
      <p class="hint">{when(message.received_at)}</p>
      <p class="message-text" dir="auto">
        {message.body}
      </p>
      {message.attachments.length > 0 ? (
        <ul>
          {message.attachments.map((name) => (
            <li dir="auto">{name}</li>
          ))}
        </ul>
      ) : null}
    </PortalLayout>
  );
}
