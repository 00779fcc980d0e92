import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatDateTime } from '../../../web/format.ts';
import { StaffForm, staffLang, staffT } from '../../staff/index.ts';
import type { CaseFileView } from '../open-case-file.ts';
import { feeStates } from '../procedure-store.ts';

type Procedure = CaseFileView['procedures'][number];

const feeLabels: Record<string, string> = {
  none: 'staff.case_file.fee.none',
  due: 'staff.case_file.fee.due',
  paid: 'staff.case_file.fee.paid',
  waived: 'staff.case_file.fee.waived',
  refunded: 'staff.case_file.fee.refunded',
};
const feeLabel = (t: (key: string) => string, state: string) => {
  const key = feeLabels[state];
  return key ? t(key) : state;
};

/** One procedure: its facts, the status history, and the forms that change it (each based on its version). */
export function ProcedureCard(props: { c: Context<AppEnv>; procedure: Procedure; view: CaseFileView; canWrite: boolean }) {
  const { c, procedure: p, view } = props;
  const t = staffT(c);
  const lang = staffLang(c);
  const when = (at: Date) => formatDateTime(lang, at, view.file.time_zone);
  const id = `proc-${p.id}`;
  return (
    <article class="card" aria-labelledby={id} id={`procedure-${p.id}`}>
      <h3 id={id}>
        {p.type_name} · <span class="ltr">{p.number}</span>
      </h3>
      <dl class="facts">
        <dt>{t('staff.case_file.procedure.status')}</dt>
        <dd>
          <strong>{p.status_label ?? p.status_code}</strong>
          {p.closed_at ? ` (${t('staff.case_file.procedure.closed_at', { at: when(p.closed_at) })})` : ''}
        </dd>
        <dt>{t('staff.case_file.procedure.legal_basis')}</dt>
        <dd>{p.type_legal_basis ?? '—'}</dd>
        <dt>{t('staff.case_file.procedure.clerk_in_charge')}</dt>
        <dd>{p.assigned_name ?? '—'}</dd>
        <dt>{t('staff.case_file.procedure.planned_end')}</dt>
        <dd>{p.planned_end ?? '—'}</dd>
        <dt>{t('staff.case_file.procedure.fee')}</dt>
        <dd>{feeLabel(t, p.fee_state)}</dd>
        {p.suspended_at ? (
          <>
            <dt>{t('staff.case_file.procedure.suspended_since')}</dt>
            <dd>
              {when(p.suspended_at)}: {p.suspension_reason}
            </dd>
          </>
        ) : null}
      </dl>
      <table>
        <caption>{t('staff.case_file.procedure.status_history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.case_file.common.when')}</th>
            <th scope="col">{t('staff.case_file.procedure.status')}</th>
            <th scope="col">{t('staff.case_file.common.who')}</th>
            <th scope="col">{t('staff.case_file.common.note')}</th>
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
        <a href={`/staff/procedures/${p.id}/citizen`}>{t('staff.case_file.procedure.requested_documents_and_eat')}</a>
      </p>
      {props.canWrite ? (
        <>
          <details>
            <summary>{t('staff.case_file.procedure.change_status')}</summary>
            <StaffForm c={c} action={`/staff/procedures/${p.id}/status`} submitLabel={t('staff.case_file.procedure.save_status')}>
              <input type="hidden" name="basedOnVersion" value={String(p.version)} />
              <div>
                <label for={`${id}-status`}>{t('staff.case_file.procedure.new_status')}</label>
                <select id={`${id}-status`} name="statusId">
                  {p.statuses.map((o) => (
                    <option value={o.id} selected={o.id === p.status_id}>
                      {o.label ?? o.code}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for={`${id}-note`}>{t('staff.case_file.common.note')}</label>
                <textarea id={`${id}-note`} name="note" maxlength={2000} rows={2}></textarea>
              </div>
            </StaffForm>
          </details>
          <details>
            <summary>{t('staff.case_file.procedure.clerk_end_fee')}</summary>
            <StaffForm c={c} action={`/staff/procedures/${p.id}/details`} submitLabel={t('staff.case_file.common.save')}>
              <input type="hidden" name="basedOnVersion" value={String(p.version)} />
              <div>
                <label for={`${id}-clerk`}>{t('staff.case_file.procedure.clerk_in_charge')}</label>
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
                <label for={`${id}-end`}>{t('staff.case_file.procedure.planned_end')}</label>
                <input type="date" id={`${id}-end`} name="plannedEnd" value={p.planned_end ?? ''} />
              </div>
              <div>
                <label for={`${id}-fee`}>{t('staff.case_file.procedure.fee')}</label>
                <select id={`${id}-fee`} name="feeState">
                  {feeStates.map((f) => (
                    <option value={f} selected={f === p.fee_state}>
                      {feeLabel(t, f)}
                    </option>
                  ))}
                </select>
              </div>
            </StaffForm>
          </details>
          <details>
            <summary>{p.suspended_at ? t('staff.case_file.procedure.resume') : t('staff.case_file.procedure.suspend')}</summary>
            <StaffForm
              c={c}
              action={`/staff/procedures/${p.id}/suspension`}
              submitLabel={p.suspended_at ? t('staff.case_file.procedure.resume') : t('staff.case_file.procedure.suspend')}
            >
              <input type="hidden" name="basedOnVersion" value={String(p.version)} />
              <input type="hidden" name="action" value={p.suspended_at ? 'resume' : 'suspend'} />
              {p.suspended_at ? null : (
                <div>
                  <label for={`${id}-reason`}>{t('staff.case_file.procedure.reason')}</label>
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
