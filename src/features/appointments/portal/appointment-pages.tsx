import { raw } from 'hono/html';
import { translate, type Lang } from '../../../web/i18n.ts';
import { RequiredDocuments, type LocationView, type ServiceView } from '../../office/index.ts';
import { ErrorSummary, Ltr, PortalLayout, qrSvg, Term } from '../../portal/index.ts';
import { formatDate, formatMinutes, formatTime } from '../../../web/format.ts';
import type { AppointmentRow } from './portal-engine.ts';

type Notice = 'booked' | 'moved' | 'already' | 'cancelled' | 'confirmed' | 'duplicate' | undefined;

/** What, when and where, as terms of a `<dl class="facts">`. */
function AppointmentFacts(props: { lang: Lang; appointment: AppointmentRow; service: ServiceView; location: LocationView; withDuration?: boolean }) {
  const { lang, appointment, service, location } = props;
  const t = (key: string) => translate(lang, key);
  const zone = location.timeZone;
  return (
    <>
      <dt>{t('portal.appointment.service')}</dt>
      <dd>
        <Term lang={lang} name={service.name} german={service.germanName} />
      </dd>
      <dt>{t('portal.appointment.when')}</dt>
      <dd>
        {formatDate(lang, appointment.starts_at, zone)} · <Ltr>{formatTime(lang, appointment.starts_at, zone)}</Ltr>
        {props.withDuration ? <> · {formatMinutes(lang, service.durationMinutes)}</> : null}
      </dd>
      <dt>{t('portal.appointment.location')}</dt>
      <dd>
        {location.name}, {location.address}
      </dd>
    </>
  );
}

/** Confirmation after booking and the page to change or cancel: the code large, its QR code, what to bring. */
export function AppointmentPage(props: {
  lang: Lang;
  appointment: AppointmentRow;
  service: ServiceView;
  location: LocationView;
  notice: Notice;
  /** For the confirm button of a reserved appointment (an invitation). */
  csrf?: string | undefined;
}) {
  const { lang, appointment, service, location } = props;
  const t = (key: string, values?: Record<string, string>) => translate(lang, key, values);
  const base = `/${lang}/appointment/${appointment.code}`;
  const cancelled = appointment.status === 'cancelled';
  const booked = props.notice === 'booked' || props.notice === 'already';
  const title = cancelled ? t('portal.manage.cancelled.title') : booked ? t('portal.confirm.title') : t('portal.manage.title');
  return (
    <PortalLayout lang={lang} title={title} path={`/appointment/${appointment.code}`}>
      {props.notice === 'moved' || (props.notice === 'already' && !cancelled) ? (
        <p class="notice" role="status">
          {t(`portal.manage.${props.notice}`)}
        </p>
      ) : null}
      <h1>{title}</h1>
      {props.notice === 'booked' ? <p>{t('portal.confirm.text')}</p> : null}
      {props.notice === 'confirmed' ? (
        <p class="notice" role="status">
          {t('invitation.page.confirmed')}
        </p>
      ) : null}
      {appointment.status === 'reserved' ? (
        <form method="post" action={`${base}/confirm`} class="notice">
          {props.notice === 'duplicate' ? (
            <p role="alert">
              <strong>{t('invitation.page.duplicate')}</strong>
            </p>
          ) : null}
          <p>{t('invitation.page.reserved')}</p>
          <input type="hidden" name="_csrf" value={props.csrf ?? ''} />
          <button class="button" type="submit">
            {t('invitation.page.confirm')}
          </button>
        </form>
      ) : null}
      {cancelled ? <p class="notice">{t('portal.manage.cancelled.text')}</p> : null}
      <h2>
        <Term lang={lang} name={t('portal.confirm.code')} german={translate('de', 'portal.confirm.code')} />
      </h2>
      {/* Screen readers spell the code character by character; the visible code stays one word. */}
      <p class="code">
        <span aria-hidden="true">
          <Ltr>{appointment.code}</Ltr>
        </span>
        <span class="visually-hidden">{appointment.code.split('').join(' ')}</span>
      </p>
      {cancelled ? null : (
        <>
          {raw(qrSvg(appointment.code, t('portal.confirm.qr')))}
          <p class="muted">{t('portal.confirm.qr.hint')}</p>
        </>
      )}
      <dl class="facts">
        <AppointmentFacts lang={lang} appointment={appointment} service={service} location={location} withDuration />
        <dt>{t('portal.appointment.name')}</dt>
        <dd>{appointment.person_name}</dd>
        {/* Staff may book someone without an address (a phone customer). */}
        {appointment.email ? (
          <>
            <dt>{t('portal.appointment.email')}</dt>
            <dd>
              <Ltr>{appointment.email}</Ltr>
            </dd>
          </>
        ) : null}
      </dl>
      {cancelled ? null : (
        <>
          <h2>{t('portal.services.bring')}</h2>
          <RequiredDocuments lang={lang} service={service} />
          <p class="actions">
            <a class="button secondary" href={`${base}/calendar.ics`} download={`termin-${appointment.code}.ics`}>
              {t('portal.confirm.ics')} <Ltr>(.ics)</Ltr>
            </a>
          </p>
          <h2>{t('portal.manage.change')}</h2>
          <p>{t('portal.manage.change.text')}</p>
          <p class="actions">
            <a class="button secondary" href={`${base}/reschedule`}>
              {t('portal.manage.reschedule')}
            </a>
          </p>
          {/* A link to a page that asks first: one tap must not cancel. */}
          <p>
            <a href={`${base}/cancel`}>{t('portal.manage.cancel')}</a>
          </p>
        </>
      )}
      <p>
        <a href={`/${lang}/`}>{t('portal.home')}</a>
      </p>
    </PortalLayout>
  );
}

/** "Really cancel?" with the appointment it is about; only its form cancels (works without JavaScript). */
export function CancelPage(props: { lang: Lang; appointment: AppointmentRow; service: ServiceView; location: LocationView; csrf: string }) {
  const { lang, appointment, service, location } = props;
  const t = (key: string) => translate(lang, key);
  const base = `/${lang}/appointment/${appointment.code}`;
  return (
    <PortalLayout lang={lang} title={t('portal.manage.cancel.title')} path={`/appointment/${appointment.code}/cancel`}>
      <h1>{t('portal.manage.cancel.title')}</h1>
      <dl class="facts">
        <AppointmentFacts lang={lang} appointment={appointment} service={service} location={location} />
        <dt>{t('portal.confirm.code')}</dt>
        <dd>
          <Ltr>{appointment.code}</Ltr>
        </dd>
      </dl>
      <p>{t('portal.manage.cancel.text')}</p>
      <form method="post" action={`${base}/cancel`}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <p class="actions">
          <button class="button danger" type="submit">
            {t('portal.manage.cancel.confirm')}
          </button>
          <a class="button secondary" href={base}>
            {t('portal.manage.cancel.keep')}
          </a>
        </p>
      </form>
    </PortalLayout>
  );
}

export function LookupPage(props: { lang: Lang; csrf: string; code: string; dateOfBirth: string; errors: { field: string; message: string }[] }) {
  const { lang } = props;
  const t = (key: string) => translate(lang, key);
  const error = (field: string) => props.errors.find((e) => e.field === field)?.message;
  return (
    <PortalLayout lang={lang} title={t('portal.lookup.title')} path="/manage">
      <ErrorSummary lang={lang} errors={props.errors} />
      <h1>{t('portal.lookup.title')}</h1>
      <p>{t('portal.lookup.intro')}</p>
      <form method="post" action={`/${lang}/manage`} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <div class={error('code') ? 'field invalid' : 'field'}>
          <label for="code">{t('portal.lookup.code')}</label>
          <span class="hint" id="code-hint">
            {t('portal.lookup.code.hint')}
          </span>
          {error('code') ? (
            <span class="field-error" id="code-error">
              {error('code')}
            </span>
          ) : null}
          <input
            type="text"
            id="code"
            name="code"
            value={props.code}
            maxlength={20}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            dir="ltr"
            required
            aria-invalid={error('code') ? 'true' : undefined}
            aria-describedby={error('code') ? 'code-hint code-error' : 'code-hint'}
          />
        </div>
        <div class={error('dateOfBirth') ? 'field invalid' : 'field'}>
          <label for="dateOfBirth">{t('portal.details.dob')}</label>
          {error('dateOfBirth') ? (
            <span class="field-error" id="dateOfBirth-error">
              {error('dateOfBirth')}
            </span>
          ) : null}
          <input
            type="date"
            id="dateOfBirth"
            name="dateOfBirth"
            value={props.dateOfBirth}
            autocomplete="bday"
            required
            aria-invalid={error('dateOfBirth') ? 'true' : undefined}
            aria-describedby={error('dateOfBirth') ? 'dateOfBirth-error' : undefined}
          />
        </div>
        <p class="actions">
          <button class="button" type="submit">
            {t('portal.lookup.submit')}
          </button>
        </p>
      </form>
    </PortalLayout>
  );
}
