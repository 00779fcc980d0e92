import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { assetUrl } from '../../../web/assets.ts';
import { translate } from '../../../web/i18n.ts';
import { pageLanguage } from '../../../web/page-language.ts';
import { roleMay, type Action } from '../policy.ts';
import { CsrfField } from './staff-auth.tsx';

export type StaffLang = 'de' | 'en';

/** Staff screens speak German, or English for those who ask for it. */
export function staffLang(c: Context): StaffLang {
  return pageLanguage(c) === 'en' ? 'en' : 'de';
}

export function staffT(c: Context) {
  const lang = staffLang(c);
  return (key: string, values?: Record<string, string | number | Date>) => translate(lang, key, values);
}

const menu: { href: string; key: string; action: Action }[] = [
  { href: '/staff/calendar', key: 'staff.nav.calendar', action: 'calendar.read_own' },
  { href: '/staff/files/search', key: 'staff.nav.file_search', action: 'case_file.identify' },
  { href: '/staff/applications', key: 'staff.nav.applications', action: 'case_file.write' },
  { href: '/staff/messages', key: 'staff.nav.messages', action: 'case_file.read' },
  { href: '/desk', key: 'staff.nav.desk', action: 'queue.call' },
  { href: '/reception', key: 'staff.nav.reception', action: 'appointment.check_in' },
  { href: '/staff/admin/locations', key: 'staff.nav.locations', action: 'office.manage' },
  { href: '/staff/admin/specialties', key: 'staff.nav.specialties', action: 'office.manage' },
  { href: '/staff/admin/services', key: 'staff.nav.services', action: 'office.manage' },
  { href: '/staff/admin/info-pages', key: 'staff.nav.info_pages', action: 'office.manage' },
  { href: '/staff/admin/invitations', key: 'staff.nav.invitation_settings', action: 'office.manage' },
  { href: '/staff/admin/message-templates', key: 'staff.nav.message_templates', action: 'office.manage' },
  { href: '/staff/admin/staff', key: 'staff.nav.staff', action: 'staff.manage' },
  { href: '/staff/admin/hours', key: 'staff.nav.hours', action: 'hours.manage' },
  { href: '/staff/admin/closures', key: 'staff.nav.closures', action: 'hours.manage' },
  { href: '/staff/admin/procedure-types', key: 'staff.nav.procedure_types', action: 'procedure_type.manage' },
  { href: '/staff/admin/forms', key: 'staff.nav.forms', action: 'procedure_type.manage' },
  { href: '/staff/admin/imports', key: 'staff.nav.imports', action: 'case_file.import' },
  { href: '/staff/lottery', key: 'staff.nav.lottery', action: 'office.manage' },
  { href: '/staff/figures', key: 'staff.nav.figures', action: 'calendar.read_team' },
  { href: '/staff/admin/status-figures', key: 'staff.nav.status_figures', action: 'office.manage' },
  { href: '/staff/cash-report', key: 'staff.nav.cash_report', action: 'cash_report.read' },
  { href: '/staff/invitations', key: 'staff.nav.invitations', action: 'invitation.manage' },
  { href: '/staff/admin/security', key: 'staff.nav.security', action: 'security.manage' },
  { href: '/staff/admin/audit', key: 'staff.nav.audit', action: 'audit.read' },
];

export function StaffLayout(props: { c: Context<AppEnv>; title: string; children: Child; wide?: boolean; head?: Child }) {
  const lang = staffLang(props.c);
  const t = (key: string) => translate(lang, key);
  const actor = props.c.get('actor');
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={lang} dir="ltr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} · ${t('app.name')}`}</title>
          <link rel="stylesheet" href={assetUrl('base.css')} />
          {props.head}
        </head>
        <body>
          <a class="skip-link" href="#main">
            {t('staff.skip')}
          </a>
          <header class="site-header staff-header">
            <a href="/staff">{`${t('app.name')} · ${t('staff.area')}`}</a>
            <a
              href={`/staff/language/${lang === 'de' ? 'en' : 'de'}?back=${encodeURIComponent(props.c.req.path)}`}
              lang={lang === 'de' ? 'en' : 'de'}
              hreflang={lang === 'de' ? 'en' : 'de'}
            >
              {lang === 'de' ? 'English' : 'Deutsch'}
            </a>
          </header>
          {actor?.kind === 'staff' ? (
            <nav class="staff-nav" aria-label={t('staff.nav.label')}>
              <ul>
                <li>
                  <a href="/staff">{t('staff.nav.home')}</a>
                </li>
                {menu
                  .filter((item) => roleMay(actor.role, item.action))
                  .map((item) => (
                    <li>
                      <a href={item.href}>{t(item.key)}</a>
                    </li>
                  ))}
                <li>
                  <a href="/staff/security/two-factor">{t('staff.nav.own_security')}</a>
                </li>
                <li>
                  <form method="post" action="/staff/sign-out">
                    <CsrfField c={props.c} />
                    <button type="submit" class="link-button">
                      {t('staff.nav.sign_out')} ({actor.username})
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          ) : null}
          <main id="main" class={props.wide ? 'page wide' : 'page'}>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

export function Notice(props: { text: string | undefined }) {
  return props.text ? (
    <p class="notice" role="status">
      {props.text}
    </p>
  ) : null;
}
