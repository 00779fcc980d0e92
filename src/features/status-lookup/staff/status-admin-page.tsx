import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { ErrorList, StaffForm, StaffLayout, staffLang } from '../../staff/index.ts';
import type { LookupDay, noticesByStatus } from '../lookup-figures.ts';

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
        <table>
          <thead>
            <tr>
              <th scope="col">{s('Verfahrensart', 'Procedure type')}</th>
              <th scope="col">{s('Status', 'Status')}</th>
              <th scope="col">{s('Gesendet', 'Sent')}</th>
              <th scope="col">{s('Ohne E-Mail-Adresse', 'Without e-mail address')}</th>
            </tr>
          </thead>
          <tbody>
            {props.notices.map((n) => (
              <tr>
                <td>{n.type_name}</td>
                <td>{n.label ?? n.status_code}</td>
                <td>{n.sent}</td>
                <td>{n.no_address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="calls-h">
        <h2 id="calls-h">{s('Anrufe der Behörde eintragen', "Enter the office's calls")}</h2>
        <StaffForm c={c} action="/staff/admin/status-figures/calls" submitLabel={s('Speichern', 'Save')}>
          <div>
            <label for="day">{s('Tag', 'Day')}</label>
            <input type="date" id="day" name="day" required value={props.today} />
          </div>
          <div>
            <label for="calls">{s('Anrufe an diesem Tag', 'Calls that day')}</label>
            <input type="number" id="calls" name="calls" required min={0} max={1000000} step={1} inputmode="numeric" />
          </div>
        </StaffForm>
        <table>
          <caption>{s('Letzte 28 Tage', 'Last 28 days')}</caption>
          <thead>
            <tr>
              <th scope="col">{s('Tag', 'Day')}</th>
              <th scope="col">{s('Status-Abfragen', 'Status look-ups')}</th>
              <th scope="col">{s('davon gefunden', 'of them found')}</th>
              <th scope="col">{s('Anrufe', 'Calls')}</th>
            </tr>
          </thead>
          <tbody>
            {props.days.map((d) => (
              <tr>
                <td>{d.day}</td>
                <td>{d.lookups}</td>
                <td>{d.found}</td>
                <td>{d.calls ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </StaffLayout>
  );
}
