import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { translate, type Lang } from '../../web/i18n.ts';
import type { LocationHours } from '../office/index.ts';
import { formatFee, formatMinutes } from '../../web/format.ts';
import { OpeningHours } from './opening-hours.tsx';
import { PortalLayout } from './portal-layout.tsx';
import { Term } from './term.tsx';
import type { LocationView, ServiceView } from '../office/index.ts';

export function StartPage(props: { lang: Lang; locations: LocationView[]; hours: ReadonlyMap<string, LocationHours> }) {
  const { lang } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <PortalLayout lang={lang} title={t('portal.start.title')} path="/">
      <h1>{t('portal.start.title')}</h1>
      <p>{t('portal.start.intro')}</p>
      <ul class="cards">
        <li class="card">
          <h2>{t('portal.start.book')}</h2>
          <p>{t('portal.start.book.text')}</p>
          <a class="button" href={`/${lang}/services`}>
            {t('portal.start.book.action')}
          </a>
        </li>
        <li class="card">
          <h2>{t('portal.start.manage')}</h2>
          <p>{t('portal.start.manage.text')}</p>
          <a class="button secondary" href={`/${lang}/manage`}>
            {t('portal.start.manage.action')}
          </a>
        </li>
      </ul>
      <h2>{t('portal.start.locations')}</h2>
      {props.locations.map((location) => (
        <section class="card" aria-labelledby={`loc-${location.slug}`}>
          <h3 id={`loc-${location.slug}`}>{location.name}</h3>
          <p>{location.address}</p>
          {props.hours.get(location.id) ? <OpeningHours lang={lang} id={`loc-${location.slug}`} hours={props.hours.get(location.id)!} /> : null}
        </section>
      ))}
    </PortalLayout>
  );
}

export function ServicesPage(props: { lang: Lang; services: ServiceView[]; locations: LocationView[] }) {
  const { lang } = props;
  const t = (key: string, values?: Record<string, string>) => translate(lang, key, values);
  return (
    <PortalLayout lang={lang} title={t('portal.services.title')} path="/services">
      <h1>{t('portal.services.title')}</h1>
      <p>{t('portal.services.intro')}</p>
      {props.services.length === 0 ? <p>{t('portal.services.none')}</p> : null}
      {props.services.map((service) => (
        <section class="card" aria-labelledby={`svc-${service.slug}`} id={service.slug}>
          <h2 id={`svc-${service.slug}`}>
            <Term lang={lang} name={service.name} german={service.germanName} />
          </h2>
          {service.description ? <p>{service.description}</p> : null}
          <dl class="facts">
            {service.audience ? (
              <>
                <dt>{t('portal.services.audience')}</dt>
                <dd>{service.audience}</dd>
              </>
            ) : null}
            <dt>{t('portal.services.duration')}</dt>
            <dd>{formatMinutes(lang, service.durationMinutes)}</dd>
            <dt>{t('portal.services.fee')}</dt>
            <dd>
              {service.feeCents === null ? t('portal.services.fee.none') : <bdi>{formatFee(lang, service.feeCents)}</bdi>}
              {service.feeNote ? <> · {service.feeNote}</> : null}
            </dd>
            <dt>{t('portal.services.where')}</dt>
            <dd>
              {props.locations
                .filter((l) => service.locationIds.includes(l.id))
                .map((l) => l.name)
                .join(' · ') || '—'}
            </dd>
          </dl>
          <h3>{t('portal.services.bring')}</h3>
          {service.requiredDocuments.length > 0 ? (
            <ul>
              {service.requiredDocuments.map((doc) => (
                <li>{doc}</li>
              ))}
            </ul>
          ) : (
            <p>{t('portal.services.bring.none')}</p>
          )}
          {service.onlineBookable ? (
            <p class="actions">
              <a class="button" href={`/${lang}/book/${service.slug}`}>
                {t('portal.services.book', { service: service.name })}
              </a>
            </p>
          ) : (
            <p class="notice">{service.walkInAllowed ? t('portal.services.walkin') : t('portal.services.notonline')}</p>
          )}
        </section>
      ))}
    </PortalLayout>
  );
}

export function PrivacyPage(props: { lang: Lang; retentionDays: number }) {
  const t = (key: string, values?: Record<string, number>) => translate(props.lang, key, values);
  return (
    <PortalLayout lang={props.lang} title={t('portal.privacy.title')} path="/privacy">
      <h1>{t('portal.privacy.title')}</h1>
      <p>{t('portal.privacy.what')}</p>
      <p>{t('portal.privacy.why')}</p>
      <p>{t('portal.privacy.how-long', { days: props.retentionDays })}</p>
      <p>{t('portal.privacy.no-tracking')}</p>
      <p>{t('portal.privacy.rights')}</p>
    </PortalLayout>
  );
}

/**
 * A friendly page for anything that went wrong: what happened, what to do, where to go.
 * `problem` names the texts `portal.problem.<problem>.title` and `.text`.
 */
type ProblemProps = { lang: Lang; problem: string; actions: { href: string; label: string }[]; path: string };

/** A problem page in the reader's language as the response, with its status. */
export function problemPage(c: Context, status: ContentfulStatusCode, props: ProblemProps) {
  c.status(status);
  return c.html(<ProblemPage {...props} />);
}

export function ProblemPage(props: ProblemProps) {
  const title = translate(props.lang, `portal.problem.${props.problem}.title`);
  return (
    <PortalLayout lang={props.lang} title={title} path={props.path}>
      <div role="alert">
        <h1>{title}</h1>
        <p>{translate(props.lang, `portal.problem.${props.problem}.text`)}</p>
      </div>
      <p class="actions">
        {props.actions.map((action, index) => (
          <a class={index === 0 ? 'button' : 'button secondary'} href={action.href}>
            {action.label}
          </a>
        ))}
      </p>
    </PortalLayout>
  );
}
