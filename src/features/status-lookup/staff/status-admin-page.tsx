import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { DataTable, ErrorList, StaffForm, StaffLayout, staffLang } from '../../staff/index.ts';
import { earliestCallDay, type LookupDay, type noticesByStatus } from '../lookup-figures.ts';

type NoticeRow = Awaited<ReturnType<typeof noticesByStatus>>[number];

/** Administrators: notices sent per status, and the office's count of calls per day beside the look-ups. */
export function StatusAdminPage(props: { c: Context<AppEnv>; notices: NoticeRow[]; days: LookupDay[]; today: string; errors?: string[] }) {
  const { c } = props;
  const s = (de: string, en: string) => (staffLang(c) === 'en' ? en : de);
  return (
    <StaffLayout c={c} title={s('Status-Abfragen und Benachrichtigungen', 'Status look-ups and notices')}>
      <h1>{s('Status-Abfragen und Benachrichtigungen', 'Status look-ups and notices')}</h1>
      <ErrorList messages={props.errors ?? []} />
      <section aria-labelledby="notices-h">
        <h2 id="notices-h">{s('Benachrichtigungen je Status', 'Notices per status')}</h2>
        <DataTable
          head={[s('Verfahrensart', 'Procedure type'), s('Status', 'Status'), s('Gesendet', 'Sent'), s('Ohne E-Mail-Adresse', 'Without e-mail address')]}
          rows={props.notices.map((n) => [n.type_name, n.label ?? n.status_code, n.sent, n.no_address])}
        />
      </section>
      <section aria-labelledby="calls-h">
        <h2 id="calls-h">{s('Anrufe der Behörde eintragen', "Enter the office's calls")}</h2>
        <StaffForm c={c} action="/staff/admin/status-figures/calls" submitLabel={s('Speichern', 'Save')}>
          <div>
            <label for="day">{s('Tag', 'Day')}</label>
            <input type="date" id="day" name="day" required value={props.today} min={earliestCallDay} max={props.today} />
          </div>
          <div>
            <label for="calls">{s('Anrufe an diesem Tag', 'Calls that day')}</label>
            <input type="number" id="calls" name="calls" required min={0} max={1000000} step={1} inputmode="numeric" />
          </div>
        </StaffForm>
        <DataTable
          caption={s('Letzte 28 Tage', 'Last 28 days')}
          head={[s('Tag', 'Day'), s('Status-Abfragen', 'Status look-ups'), s('davon gefunden', 'of them found'), s('Anrufe', 'Calls')]}
          rows={props.days.map((d) => [d.day, d.lookups, d.found, d.calls ?? '—'])}
        />
      </section>
    </StaffLayout>
  );
}
