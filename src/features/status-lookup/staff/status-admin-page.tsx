import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { DataTable, ErrorList, StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import { earliestCallDay, type LookupDay, type noticesByStatus } from '../lookup-figures.ts';

type NoticeRow = Awaited<ReturnType<typeof noticesByStatus>>[number];

/** Administrators: notices sent per status, and the office's count of calls per day beside the look-ups. */
export function StatusAdminPage(props: { c: Context<AppEnv>; notices: NoticeRow[]; days: LookupDay[]; today: string; errors?: string[] }) {
  const { c } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.status_lookup.admin.title')}>
      <h1>{t('staff.status_lookup.admin.title')}</h1>
      <ErrorList messages={props.errors ?? []} />
      <section aria-labelledby="notices-h">
        <h2 id="notices-h">{t('staff.status_lookup.admin.notices_per_status')}</h2>
        <DataTable
          head={[
            t('staff.status_lookup.admin.procedure_type'),
            t('staff.status_lookup.common.status'),
            t('staff.status_lookup.admin.sent'),
            t('staff.status_lookup.admin.without_e_mail_address'),
          ]}
          rows={props.notices.map((n) => [n.type_name, n.label ?? n.status_code, n.sent, n.no_address])}
        />
      </section>
      <section aria-labelledby="calls-h">
        <h2 id="calls-h">{t('staff.status_lookup.admin.enter_calls')}</h2>
        <StaffForm c={c} action="/staff/admin/status-figures/calls" submitLabel={t('staff.status_lookup.admin.save')}>
          <div>
            <label for="day">{t('staff.status_lookup.admin.day')}</label>
            <input type="date" id="day" name="day" required value={props.today} min={earliestCallDay} max={props.today} />
          </div>
          <div>
            <label for="calls">{t('staff.status_lookup.admin.calls_that_day')}</label>
            <input type="number" id="calls" name="calls" required min={0} max={1000000} step={1} inputmode="numeric" />
          </div>
        </StaffForm>
        <DataTable
          caption={t('staff.status_lookup.admin.last_28_days')}
          head={[
            t('staff.status_lookup.admin.day'),
            t('staff.status_lookup.admin.status_look_ups'),
            t('staff.status_lookup.admin.of_them_found'),
            t('staff.status_lookup.admin.calls'),
          ]}
          rows={props.days.map((d) => [d.day, d.lookups, d.found, d.calls ?? '—'])}
        />
      </section>
    </StaffLayout>
  );
}
