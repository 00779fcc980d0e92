import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { AuditQuery } from '../audit.ts';
import { StaffLayout, staffLang, staffT } from '../http/staff-layout.tsx';
import type { searchAuditTrail } from './search-audit-trail.ts';

/** The search form and the entries found. */
export function AuditPage(props: { c: Context<AppEnv>; query: Omit<AuditQuery, 'limit'>; entries: Awaited<ReturnType<typeof searchAuditTrail>> }) {
  const { c, query, entries } = props;
  const t = staffT(c);
  const lang = staffLang(c);
  const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Berlin' });
  return (
    <StaffLayout c={c} title={t('staff.audit.title')} wide>
      <h1>{t('staff.audit.title')}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet in every browser the offices use; the role gives the same landmark */}
      <form method="get" action="/staff/admin/audit" class="form-grid" role="search">
        <div>
          <label for="person">{t('staff.audit.person')}</label>
          <input type="text" id="person" name="person" maxlength={200} value={query.person ?? ''} />
        </div>
        <div>
          <label for="staff">{t('staff.audit.staff')}</label>
          <input type="text" id="staff" name="staff" maxlength={200} value={query.staff ?? ''} />
        </div>
        <div>
          <label for="from">{t('staff.hours.from')}</label>
          <input type="date" id="from" name="from" value={query.from ?? ''} />
        </div>
        <div>
          <label for="to">{t('staff.hours.until')}</label>
          <input type="date" id="to" name="to" value={query.to ?? ''} />
        </div>
        <div>
          <button type="submit" class="button">
            {t('staff.audit.search')}
          </button>
        </div>
      </form>
      <p role="status">{t('staff.audit.count', { n: entries.length })}</p>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.audit.when')}</th>
            <th scope="col">{t('staff.audit.who')}</th>
            <th scope="col">{t('staff.audit.what')}</th>
            <th scope="col">{t('staff.audit.person')}</th>
            <th scope="col">{t('staff.audit.where')}</th>
            <th scope="col">{t('staff.audit.change')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{fmt.format(e.at)}</td>
              <td>{e.actor_label}</td>
              <td>
                {e.action} {e.outcome === 'ok' ? '' : <strong>({e.outcome})</strong>}
                {e.target_type ? (
                  <div class="muted">
                    {e.target_type} <span class="secret">{e.target_id}</span>
                  </div>
                ) : null}
                {e.note ? <div class="muted">{e.note}</div> : null}
              </td>
              <td>{e.person_label ?? ''}</td>
              <td>
                {e.screen ?? ''} {e.ip ? <span class="muted">{e.ip}</span> : null}
              </td>
              <td>
                {e.before || e.after ? (
                  <details>
                    <summary>{t('staff.audit.details')}</summary>
                    <pre class="secret">{JSON.stringify({ before: e.before, after: e.after }, null, 1)}</pre>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffLayout>
  );
}
