import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatDateTime } from '../../../web/format.ts';
import { StaffForm, staffLang } from '../../staff/index.ts';
import type { CaseFileView } from '../open-case-file.ts';
import { feeStates } from '../procedure-store.ts';
import { say } from './staff-texts.ts';

type Procedure = CaseFileView['procedures'][number];

const feeLabels: Record<string, [string, string]> = {
  none: ['keine', 'none'],
  due: ['offen', 'due'],
  paid: ['bezahlt', 'paid'],
  waived: ['erlassen', 'waived'],
  refunded: ['erstattet', 'refunded'],
};
const feeLabel = (state: string) => feeLabels[state] ?? [state, state];

/** One procedure: its facts, the status history, and the forms that change it (each based on its version). */
export function ProcedureCard(props: { c: Context<AppEnv>; procedure: Procedure; view: CaseFileView; canWrite: boolean }) {
  const { c, procedure: p, view } = props;
  const s = say(c);
  const lang = staffLang(c);
  const when = (at: Date) => formatDateTime(lang, at, view.file.time_zone);
  const id = `proc-${p.id}`;
  return (
    <article class="card" aria-labelledby={id} id={`procedure-${p.id}`}>
      <h3 id={id}>
        {p.type_name} · <span class="ltr">{p.number}</span>
      </h3>
      <dl class="facts">
        <dt>{s('Status', 'Status')}</dt>
        <dd>
          <strong>{p.status_label ?? p.status_code}</strong>
          {p.closed_at ? ` (${s('abgeschlossen', 'closed')} ${when(p.closed_at)})` : ''}
        </dd>
        <dt>{s('Rechtsgrundlage', 'Legal basis')}</dt>
        <dd>{p.type_legal_basis ?? '—'}</dd>
        <dt>{s('Sachbearbeitung', 'Clerk in charge')}</dt>
        <dd>{p.assigned_name ?? '—'}</dd>
        <dt>{s('Geplantes Ende', 'Planned end')}</dt>
        <dd>{p.planned_end ?? '—'}</dd>
        <dt>{s('Gebühr', 'Fee')}</dt>
        <dd>{s(...feeLabel(p.fee_state))}</dd>
        {p.suspended_at ? (
          <>
            <dt>{s('Ruht seit', 'Suspended since')}</dt>
            <dd>
              {when(p.suspended_at)}: {p.suspension_reason}
            </dd>
          </>
        ) : null}
      </dl>
      <table>
        <caption>{s('Statusverlauf', 'Status history')}</caption>
        <thead>
          <tr>
            <th scope="col">{s('Wann', 'When')}</th>
            <th scope="col">{s('Status', 'Status')}</th>
            <th scope="col">{s('Wer', 'Who')}</th>
            <th scope="col">{s('Vermerk', 'Note')}</th>
          </tr>
        </thead>
        <tbody>
          {p.history.map((h) => (
            <tr>
              <td>{when(h.at)}</td>
              <td>{h.label ?? h.code}</td>
              <td>{h.by_label}</td>
              <td>{h.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/staff/procedures/${p.id}/citizen`}>{s('Nachforderungen und eAT', 'Requested documents and eAT')}</a>
      </p>
      {props.canWrite ? (
        <>
          <details>
            <summary>{s('Status ändern', 'Change status')}</summary>
            <StaffForm c={c} action={`/staff/procedures/${p.id}/status`} submitLabel={s('Status speichern', 'Save status')}>
              <input type="hidden" name="basedOnVersion" value={String(p.version)} />
              <div>
                <label for={`${id}-status`}>{s('Neuer Status', 'New status')}</label>
                <select id={`${id}-status`} name="statusId">
                  {p.statuses.map((o) => (
                    <option value={o.id} selected={o.id === p.status_id}>
                      {o.label ?? o.code}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for={`${id}-note`}>{s('Vermerk', 'Note')}</label>
                <textarea id={`${id}-note`} name="note" maxlength={2000} rows={2}></textarea>
              </div>
            </StaffForm>
          </details>
          <details>
            <summary>{s('Bearbeitung, Termin, Gebühr', 'Clerk, planned end, fee')}</summary>
            <StaffForm c={c} action={`/staff/procedures/${p.id}/details`} submitLabel={s('Speichern', 'Save')}>
              <input type="hidden" name="basedOnVersion" value={String(p.version)} />
              <div>
                <label for={`${id}-clerk`}>{s('Sachbearbeitung', 'Clerk in charge')}</label>
                <select id={`${id}-clerk`} name="assignedStaffId">
                  <option value="">—</option>
                  {view.clerks.map((k) => (
                    <option value={k.id} selected={k.id === p.assigned_staff_id}>
                      {k.display_name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for={`${id}-end`}>{s('Geplantes Ende', 'Planned end')}</label>
                <input type="date" id={`${id}-end`} name="plannedEnd" value={p.planned_end ?? ''} />
              </div>
              <div>
                <label for={`${id}-fee`}>{s('Gebühr', 'Fee')}</label>
                <select id={`${id}-fee`} name="feeState">
                  {feeStates.map((f) => (
                    <option value={f} selected={f === p.fee_state}>
                      {s(...feeLabel(f))}
                    </option>
                  ))}
                </select>
              </div>
            </StaffForm>
          </details>
          <details>
            <summary>{p.suspended_at ? s('Wieder aufnehmen', 'Resume') : s('Ruhen lassen', 'Suspend')}</summary>
            <StaffForm
              c={c}
              action={`/staff/procedures/${p.id}/suspension`}
              submitLabel={p.suspended_at ? s('Wieder aufnehmen', 'Resume') : s('Ruhen lassen', 'Suspend')}
            >
              <input type="hidden" name="basedOnVersion" value={String(p.version)} />
              <input type="hidden" name="action" value={p.suspended_at ? 'resume' : 'suspend'} />
              {p.suspended_at ? null : (
                <div>
                  <label for={`${id}-reason`}>{s('Grund', 'Reason')}</label>
                  <input type="text" id={`${id}-reason`} name="reason" maxlength={500} required />
                </div>
              )}
            </StaffForm>
          </details>
        </>
      ) : null}
    </article>
  );
}
