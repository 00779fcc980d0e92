import { translate, type Lang } from '../../web/i18n.ts';
import { PortalLayout } from './portal-layout.tsx';

export function PrivacyPage(props: { lang: Lang; retentionDays: number; messageRetentionDays: number }) {
  const t = (key: string, values?: Record<string, number>) => translate(props.lang, key, values);
  return (
    <PortalLayout lang={props.lang} title={t('portal.privacy.title')} path="/privacy">
      <h1>{t('portal.privacy.title')}</h1>
      <p>{t('portal.privacy.what')}</p>
      <p>{t('portal.privacy.why')}</p>
      <p>{t('portal.privacy.how-long', { days: props.retentionDays })}</p>
      <p>{t('portal.privacy.messages', { days: props.messageRetentionDays })}</p>
      <p>{t('portal.privacy.no-tracking')}</p>
      <p>{t('portal.privacy.rights')}</p>
    </PortalLayout>
  );
}
