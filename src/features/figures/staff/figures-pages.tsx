import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatFee, formatShortDay } from '../../../web/format.ts';
import { BarChart } from '../../../web/svg-chart.tsx';
import { can, currentStaff, DataTable, StaffLayout, staffLang, staffT } from '../../staff/index.ts';
import { figureTables, invitationOutcomes } from '../figures-export.ts';
import type { PeriodFigures } from '../period-figures.ts';

export type LocationChoice = { id: string; name: string };

/** The office's figures over a period: visits, share by appointment, no-shows, waiting times, fees; each chart with its table. */
export function PeriodFiguresPage(props: { c: Context<AppEnv>; figures: PeriodFigures; locations: LocationChoice[]; goal: number }) {
  const { c, figures } = props;
  const t = staffT(c);
  const lang = staffLang(c);
  const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
  const days = figures.days.map((d) => formatShortDay(lang, d.day));
  const dayNumbers = figures.days.map((d) => `${Number(d.day.slice(8))}.${Number(d.day.slice(5, 7))}.`);
  const query = `location=${figures.location.id}&from=${figures.from}&to=${figures.to}`;
  const queues = [...new Set(figures.waits.map((w) => `${w.queue} (${w.prefix})`))];
  const hours = [...new Set(figures.waits.map((w) => w.hour))].sort((a, b) => a - b);
  const items = [...new Set(figures.fees.map((f) => `${f.itemCode} ${f.itemName}`))];
  const methods = [...new Set(figures.fees.map((f) => f.method))];
  const period = `${formatShortDay(lang, figures.from)} – ${formatShortDay(lang, figures.to)}`;
  const minutes = (value: number) => `${value.toLocaleString(lang)} min`;
  return (
    <StaffLayout c={c} title={`${t('staff.figures.title')} · ${figures.location.name}`} wide>
      <h1>
        {t('staff.figures.title')} · {figures.location.name}
      </h1>
      <form method="get" action="/staff/figures" class="form-inline">
        {props.locations.length > 1 ? (
          <p>
            <label for="location">{t('staff.figures.location')}</label>{' '}
            <select id="location" name="location">
              {props.locations.map((l) => (
                <option value={l.id} selected={l.id === figures.location.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </p>
        ) : (
          <input type="hidden" name="location" value={figures.location.id} />
        )}
        <p>
          <label for="from">{t('staff.figures.from')}</label> <input type="date" id="from" name="from" value={figures.from} required />{' '}
          <label for="to">{t('staff.figures.to')}</label> <input type="date" id="to" name="to" value={figures.to} required />{' '}
          <button type="submit" class="button">
            {t('staff.figures.show')}
          </button>
        </p>
      </form>
      <p>
        {t('staff.figures.download')}:{' '}
        {figureTables.map((table) => (
          <>
            <a href={`/staff/figures/${table}.csv?${query}`}>{t(`staff.figures.${table}`)} (CSV)</a>
            {' · '}
          </>
        ))}
        <a href={`/staff/figures.xlsx?${query}`}>{t('staff.figures.all_xlsx')}</a>
      </p>
      <p>
        <a href="/staff/lottery">{t('staff.lottery.title')}</a>
      </p>

      <h2>{period}</h2>
      <dl class="figure-totals">
        <dt>{t('staff.figures.with_appointment')}</dt>
        <dd data-testid="with-appointment">{figures.totals.withAppointment}</dd>
        <dt>{t('staff.figures.without_appointment')}</dt>
        <dd>{figures.totals.withoutAppointment}</dd>
        <dt>{t('staff.figures.share_goal', { goal: percent(props.goal) })}</dt>
        <dd data-testid="share">{percent(figures.totals.share)}</dd>
        <dt>{t('staff.figures.no_shows')}</dt>
        <dd data-testid="no-shows">{figures.totals.noShows}</dd>
        <dt>{t('staff.figures.fees_total')}</dt>
        <dd data-testid="fees-total">{formatFee(lang, figures.totals.feesCents)}</dd>
      </dl>

      <h2>{t('staff.figures.visits')}</h2>
      <BarChart
        id="chart-visits"
        title={t('staff.figures.visits_per_day')}
        description={t('staff.figures.visits_desc', { with: figures.totals.withAppointment, without: figures.totals.withoutAppointment, period })}
        categoryLabel={t('staff.figures.day')}
        categories={days}
        axisLabels={dayNumbers}
        series={[
          { label: t('staff.figures.with_appointment'), values: figures.days.map((d) => d.withAppointment) },
          { label: t('staff.figures.without_appointment'), values: figures.days.map((d) => d.withoutAppointment) },
        ]}
        mode="stacked"
        format={(v) => String(v)}
        wholeNumbers
        tableLabel={t('staff.figures.table')}
      />
      <BarChart
        id="chart-share"
        title={t('staff.figures.share_per_day')}
        description={t('staff.figures.share_desc', { share: percent(figures.totals.share), goal: percent(props.goal) })}
        categoryLabel={t('staff.figures.day')}
        categories={days}
        axisLabels={dayNumbers}
        series={[{ label: t('staff.figures.share_percent'), values: figures.days.map((d) => (d.share === null ? 0 : Math.round(d.share * 1000) / 10)) }]}
        mode="grouped"
        format={(v) => `${v} %`}
        goal={{ value: props.goal * 100, label: t('staff.figures.goal', { goal: percent(props.goal) }) }}
        tableLabel={t('staff.figures.table')}
      />
      <BarChart
        id="chart-no-shows"
        title={t('staff.figures.no_shows_per_day')}
        description={t('staff.figures.no_shows_desc', { count: figures.totals.noShows, period })}
        categoryLabel={t('staff.figures.day')}
        categories={days}
        axisLabels={dayNumbers}
        series={[{ label: t('staff.figures.no_shows'), values: figures.days.map((d) => d.noShows) }]}
        mode="grouped"
        format={(v) => String(v)}
        wholeNumbers
        tableLabel={t('staff.figures.table')}
      />

      <h2>{t('staff.figures.lookups')}</h2>
      <BarChart
        id="chart-lookups"
        title={t('staff.figures.lookups_per_day')}
        description={t('staff.figures.lookups_desc', {
          lookups: figures.lookups.reduce((sum, d) => sum + d.lookups, 0),
          calls: figures.lookups.reduce((sum, d) => sum + (d.calls ?? 0), 0),
          missing: figures.lookups.filter((d) => d.calls === null).length,
          period,
        })}
        categoryLabel={t('staff.figures.day')}
        categories={days}
        axisLabels={dayNumbers}
        series={[
          { label: t('staff.figures.status_lookups'), values: figures.lookups.map((d) => d.lookups) },
          { label: t('staff.figures.calls'), values: figures.lookups.map((d) => d.calls ?? 0) },
        ]}
        mode="grouped"
        format={(v) => String(v)}
        wholeNumbers
        tableLabel={t('staff.figures.table')}
      />
      <details>
        <summary>{t('staff.figures.lookups_table')}</summary>
        <DataTable
          figures={{ lang }}
          caption={t('staff.figures.lookups_table')}
          captionHidden
          head={['day', 'status_lookups', 'found', 'calls'].map((h) => t(`staff.figures.${h}`))}
          rows={figures.lookups.map((d) => [formatShortDay(lang, d.day), d.lookups, d.found, d.calls ?? t('staff.figures.calls_missing')])}
        />
      </details>
      {can(currentStaff(c), 'office.manage') ? (
        <p>
          <a href="/staff/admin/status-figures">{t('staff.figures.enter_calls')}</a>
        </p>
      ) : null}

      <h2>{t('staff.figures.applications')}</h2>
      {figures.applications.length === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <DataTable
          figures={{ lang }}
          caption={t('staff.figures.applications_table', { period })}
          head={['form', 'week', 'applications_submitted', 'applications_accepted'].map((h) => t(`staff.figures.${h}`))}
          rows={figures.applications.map((a) => [a.form, a.week, a.submitted, a.accepted])}
        />
      )}

      <h2>{t('staff.figures.decisions')}</h2>
      {figures.decisions.length === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <DataTable
          figures={{ lang }}
          caption={t('staff.figures.decisions_table', { period })}
          head={['procedure_type', 'decided', 'median_days', 'p90_days'].map((h) => t(`staff.figures.${h}`))}
          rows={figures.decisions.map((d) => [d.typeName, d.decided, d.medianDays, d.p90Days])}
        />
      )}

      <h2>{t('staff.figures.procedures')}</h2>
      {figures.procedures.open.length === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <DataTable
          figures={{ lang }}
          caption={t('staff.figures.procedures_table')}
          head={['procedure_type', 'status', 'open'].map((h) => t(`staff.figures.${h}`))}
          rows={figures.procedures.open.map((p) => [p.typeName, p.statusLabel, p.open])}
        />
      )}
      <h2>{t('staff.figures.flow')}</h2>
      {figures.procedures.flow.length === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <DataTable
          figures={{ lang }}
          caption={t('staff.figures.flow_table', { period })}
          head={['procedure_type', 'opened', 'closed'].map((h) => t(`staff.figures.${h}`))}
          rows={figures.procedures.flow.map((f) => [f.typeName, f.opened, f.closed])}
        />
      )}

      <h2>{t('staff.figures.notices')}</h2>
      {figures.notices.length === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <DataTable
          figures={{ lang }}
          caption={t('staff.figures.notices_table', { period })}
          head={['procedure_type', 'status', 'notices_sent', 'notices_no_address'].map((h) => t(`staff.figures.${h}`))}
          rows={figures.notices.map((n) => [n.typeName, n.statusLabel, n.sent, n.noAddress])}
        />
      )}

      <h2>{t('staff.figures.waits')}</h2>
      {figures.waits.length === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <>
          <BarChart
            id="chart-waits"
            title={t('staff.figures.median_by_hour')}
            description={t('staff.figures.waits_desc')}
            categoryLabel={t('staff.figures.hour')}
            categories={hours.map((h) => `${String(h).padStart(2, '0')}:00`)}
            series={queues.map((queue) => ({
              label: queue,
              values: hours.map((h) => figures.waits.find((w) => `${w.queue} (${w.prefix})` === queue && w.hour === h)?.medianMinutes ?? 0),
            }))}
            mode="grouped"
            format={minutes}
            tableLabel={t('staff.figures.table')}
          />
          <table>
            <caption>{t('staff.figures.waits_table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.figures.queue')}</th>
                <th scope="col">{t('staff.figures.hour')}</th>
                <th scope="col">{t('staff.figures.called')}</th>
                <th scope="col">{t('staff.figures.median_minutes')}</th>
                <th scope="col">{t('staff.figures.p90_minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.waits.map((w) => (
                <tr>
                  <th scope="row">{`${w.queue} (${w.prefix})`}</th>
                  <td>{`${String(w.hour).padStart(2, '0')}:00`}</td>
                  <td class="number">{w.called}</td>
                  <td class="number">{w.medianMinutes.toLocaleString(lang)}</td>
                  <td class="number">{w.p90Minutes.toLocaleString(lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2>{t('staff.figures.fees')}</h2>
      {figures.fees.length === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <BarChart
          id="chart-fees"
          title={t('staff.figures.fees_by_item')}
          description={t('staff.figures.fees_desc', { total: formatFee(lang, figures.totals.feesCents), period })}
          categoryLabel={t('staff.figures.fee_item')}
          categories={items}
          series={methods.map((method) => ({
            label: t(`staff.fees.method_${method}`),
            values: items.map((item) => (figures.fees.find((f) => `${f.itemCode} ${f.itemName}` === item && f.method === method)?.cents ?? 0) / 100),
          }))}
          mode="stacked"
          format={(v) => formatFee(lang, Math.round(v * 100))}
          tableLabel={t('staff.figures.table')}
        />
      )}

      <h2>{t('staff.figures.waiting_list')}</h2>
      {figures.waitingList.length === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <DataTable
          figures={{ lang }}
          caption={t('staff.figures.waiting_list_desc', { period })}
          head={['service', 'waiting', 'offered', 'accepted', 'expired', 'declined'].map((h) => t(`staff.figures.waiting_list_${h}`))}
          rows={figures.waitingList.map((w) => [w.serviceName, w.waiting, w.offered, w.accepted, w.expired, w.declined])}
        />
      )}

      <h2>{t('staff.figures.messages')}</h2>
      {figures.messages.length === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <DataTable
          figures={{ lang }}
          caption={t('staff.figures.messages_table')}
          head={['week', 'messages_received', 'messages_answered', 'median_hours', 'p90_hours'].map((h) => t(`staff.figures.${h}`))}
          rows={figures.messages.map((m) => [m.week, m.received, m.answered, m.medianHours, m.p90Hours])}
        />
      )}

      <h2>{t('staff.figures.invitations')}</h2>
      {figures.invitations.sent === 0 ? (
        <p>{t('staff.figures.none')}</p>
      ) : (
        <BarChart
          id="chart-invitations"
          title={t('staff.figures.invitations')}
          description={t('staff.figures.invitations_desc', { sent: figures.invitations.sent, period })}
          categoryLabel={t('staff.figures.invitation_outcome')}
          categories={invitationOutcomes.map((o) => t(`staff.figures.invitations_${o}`))}
          series={[{ label: t('staff.figures.invitations_count'), values: invitationOutcomes.map((o) => figures.invitations[o]) }]}
          mode="stacked"
          format={(v) => v.toLocaleString(lang)}
          tableLabel={t('staff.figures.table')}
        />
      )}
    </StaffLayout>
  );
}
