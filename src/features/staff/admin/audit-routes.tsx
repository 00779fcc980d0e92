import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { fieldErrorsOf } from '../../../platform/http/validation.ts';
import { AppError } from '../../../shared/app-error.ts';
import { recordAudit, searchAudit } from '../audit.ts';
import { clientIp, currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { StaffLayout, staffLang, staffT } from '../http/staff-layout.tsx';
import type { AdminDeps } from './admin-forms.tsx';

const querySchema = z.object({
  person: z.string().trim().max(200).optional(),
  staff: z.string().trim().max(200).optional(),
  from: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date().optional()),
  to: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date().optional()),
});

/** Admin: search the audit trail by person, staff member and date. */
export function auditRoutes(deps: AdminDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/audit', requireStaff(deps, 'audit.read'));

  routes.get('/staff/admin/audit', async (c) => {
    const t = staffT(c);
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success) throw new AppError('validation_failed', 'The search contains invalid values.', { fieldErrors: fieldErrorsOf(parsed.error) });
    const query = parsed.data;
    const searched = Boolean(query.person || query.staff || query.from || query.to);
    const entries = await searchAudit(deps.db, { ...query, limit: 300 });
    // Reading the trail shows people's names: the search itself is recorded too. A searched name
    // would stay in the append-only trail for ever, so the entry names the person rows it found
    // instead; they turn into pseudonyms when the person's data is erased.
    if (searched) {
      const persons = query.person ? [...new Set(entries.flatMap((e) => (e.person_id ? [e.person_id] : [])))].slice(0, 20) : undefined;
      const note = JSON.stringify({ ...query, person: query.person === undefined ? undefined : { found: persons } });
      await recordAudit(deps.db, deps.clock, { actor: currentStaff(c), action: 'audit.search', screen: 'audit search', ip: clientIp(c), note });
    }
    const lang = staffLang(c);
    const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Berlin' });
    return c.html(
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
      </StaffLayout>,
    );
  });
  return routes;
}
