import { translate, type Lang } from '../../../web/i18n.ts';
import { OpeningHours } from './opening-hours.tsx';
import { PortalLayout, Term } from '../../portal/index.ts';
import { formatFee, formatMinutes } from '../../../web/format.ts';
import type { LocationHours } from '../location-hours.ts';
import type { LocationView } from '../list-locations.ts';
import type { ServiceView } from '../list-services.ts';
import type { InfoPageView } from '../info-page-view.ts';
import { ServiceInfoLinks } from './info-page-pages.tsx';

export function StartPage(props: {
  lang: Lang;
  locations: LocationView[];
  hours: ReadonlyMap<string, LocationHours>;
  hasInfo?: boolean;
  hasApplications?: boolean;
}) {
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
        {props.hasApplications ? (
          <li class="card">
            <h2>{t('apply.list.title')}</h2>
            <a class="button secondary" href={`/${lang}/apply`}>
              {t('apply.start.button')}
            </a>
          </li>
        ) : null}
        <li class="card">
          <h2>{t('status.title')}</h2>
          <a class="button secondary" href={`/${lang}/status`}>
            {t('status.start.link')}
          </a>
        </li>
        <li class="card">
          <h2>{t('portal.messages.general.title')}</h2>
          <p>{t('portal.messages.general.intro')}</p>
          <a class="button secondary" href={`/${lang}/contact`}>
            {t('portal.messages.start.action')}
          </a>{' '}
          <a href={`/${lang}/messages`}>{t('portal.messages.open.title')}</a>
        </li>
        {props.hasInfo ? (
          <li class="card">
            <h2>{t('portal.info.title')}</h2>
            <p>{t('portal.info.start')}</p>
            <a class="button secondary" href={`/${lang}/info`}>
              {t('portal.info.open')}
            </a>
          </li>
        ) : null}
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

/** What to bring for a service, or that nothing is needed (under a heading of the caller's level). */
export function RequiredDocuments(props: { lang: Lang; service: ServiceView }) {
  return props.service.requiredDocuments.length > 0 ? (
    <ul>
      {props.service.requiredDocuments.map((doc) => (
        <li>{doc}</li>
      ))}
    </ul>
  ) : (
    <p>{translate(props.lang, 'portal.services.bring.none')}</p>
  );
}

export function ServicesPage(props: { lang: Lang; services: ServiceView[]; locations: LocationView[]; infoPages?: ReadonlyMap<string, InfoPageView[]> }) {
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
          <RequiredDocuments lang={lang} service={service} />
          <ServiceInfoLinks lang={lang} pages={props.infoPages?.get(service.id)} />
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
