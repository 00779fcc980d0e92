import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatFee } from '../../../web/format.ts';
import { languageName, languages } from '../../../web/i18n.ts';
import { can, currentStaff, StaffForm, staffLang, StaffLayout, staffT } from '../../staff/index.ts';
import type { CashReport } from '../cash-report.ts';
import type { paymentSummary } from '../payment-summary.ts';
import type { FeeProposal } from '../propose-fee.ts';

const euro = (c: Context<AppEnv>, cents: number) => formatFee(staffLang(c), cents);

/** The finish dialog's fee: proposed item and reduction, the clerk confirms or changes them. */
export function PaymentFormPage(props: { c: Context<AppEnv>; proposal: FeeProposal; idempotencyKey: string; back?: string | undefined }) {
  const { c, proposal } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.fees.take')}>
      <h1>{t('staff.fees.take')}</h1>
      {proposal.items.length === 0 ? <p>{t('staff.fees.no_items')}</p> : null}
      <StaffForm c={c} action="/staff/payments" submitLabel={t('staff.fees.record')}>
        <input type="hidden" name="locationId" value={proposal.locationId} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        {proposal.appointmentId ? <input type="hidden" name="appointmentId" value={proposal.appointmentId} /> : null}
        {proposal.ticketId ? <input type="hidden" name="ticketId" value={proposal.ticketId} /> : null}
        {props.back ? <input type="hidden" name="back" value={props.back} /> : null}
        <div>
          <label for="fee-item">{t('staff.fees.item')}</label>
          <select id="fee-item" name="feeItemId" required>
            {proposal.items.map((item) => (
              <option value={item.id} selected={item.proposed}>
                {item.name} ({item.legalBasis}) · {euro(c, item.amountCents)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="fee-reduction">{t('staff.fees.reduction')}</label>
          <select id="fee-reduction" name="reductionId">
            <option value="">{t('staff.fees.no_reduction')}</option>
            {proposal.reductions.map((r) => (
              <option value={r.id} selected={r.proposed}>
                {r.name} ({r.legalBasis}) · −{r.percentOff} %
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('staff.fees.method')}</legend>
          {(['card', 'cash', 'invoice'] as const).map((method, i) => (
            <label>
              <input type="radio" name="method" value={method} checked={i === 0} /> {t(`staff.fees.method_${method}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <label for="fee-payer">{t('staff.fees.payer')}</label>
          <input type="text" id="fee-payer" name="payerName" maxlength={200} value={proposal.payerName ?? ''} />
        </div>
        <div>
          <label for="fee-language">{t('staff.fees.language')}</label>
          <select id="fee-language" name="payerLanguage">
            {languages.map((lang) => (
              <option value={lang} selected={lang === proposal.payerLanguage}>
                {languageName(lang)}
              </option>
            ))}
          </select>
        </div>
      </StaffForm>
    </StaffLayout>
  );
}

export function PaymentPage(props: { c: Context<AppEnv>; payment: Awaited<ReturnType<typeof paymentSummary>>; reverseKey: string; back?: string | undefined }) {
  const { c, payment } = props;
  const t = staffT(c);
  const mayReverse =
    can(currentStaff(c), 'payment.reverse', { locationId: payment.location_id }) &&
    !payment.reverses_payment_id &&
    !payment.reversed_by &&
    payment.amount_cents !== 0;
  return (
    <StaffLayout c={c} title={`${t('staff.fees.receipt')} ${payment.receipt_number}`}>
      <h1>
        {t('staff.fees.receipt')} <span class="ltr">{payment.receipt_number}</span>
      </h1>
      <dl>
        <dt>{t('staff.fees.item')}</dt>
        <dd>{payment.item_name_de}</dd>
        <dt>{t('staff.fees.amount')}</dt>
        <dd>{euro(c, payment.amount_cents)}</dd>
        <dt>{t('staff.fees.method')}</dt>
        <dd>{t(`staff.fees.method_${payment.method}`)}</dd>
      </dl>
      {payment.reversed_by ? <p>{t('staff.fees.reversed')}</p> : null}
      <p>
        <a href={`/staff/payments/${payment.id}/receipt.pdf`}>{t('staff.fees.print_receipt')}</a>
      </p>
      {props.back ? (
        <p>
          <a class="button" href={props.back}>
            {t('staff.fees.back_to_desk')}
          </a>
        </p>
      ) : null}
      {mayReverse ? (
        <section aria-labelledby="reverse-h">
          <h2 id="reverse-h">{t('staff.fees.reverse')}</h2>
          <StaffForm c={c} action={`/staff/payments/${payment.id}/reverse`} submitLabel={t('staff.fees.reverse')}>
            <input type="hidden" name="idempotencyKey" value={props.reverseKey} />
            <div>
              <label for="reverse-reason">{t('staff.fees.reason')}</label>
              <input type="text" id="reverse-reason" name="reason" required maxlength={500} />
            </div>
          </StaffForm>
        </section>
      ) : null}
    </StaffLayout>
  );
}

export function CashReportPage(props: { c: Context<AppEnv>; report: CashReport; timeOf: (at: Date) => string }) {
  const { c, report } = props;
  const t = staffT(c);
  const csv = `/staff/cash-report?location=${report.location.id}&day=${report.day}&format=csv`;
  return (
    <StaffLayout c={c} title={t('staff.fees.cash_report')}>
      <h1>
        {t('staff.fees.cash_report')} · {report.location.name} · {report.day}
      </h1>
      <p>
        <a href={csv}>{t('staff.fees.download_csv')}</a> · <a href={csv.replace('format=csv', 'format=xlsx')}>{t('staff.fees.download_xlsx')}</a>
      </p>
      <table>
        <caption>{t('staff.fees.payments_of_day')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.fees.receipt')}</th>
            <th scope="col">{t('staff.fees.time')}</th>
            <th scope="col">{t('staff.fees.item')}</th>
            <th scope="col">{t('staff.fees.method')}</th>
            <th scope="col">{t('staff.fees.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {report.payments.map((p) => (
            <tr>
              <td class="ltr">{p.receipt_number}</td>
              <td>{props.timeOf(p.recorded_at)}</td>
              <td>{p.item_name}</td>
              <td>{t(`staff.fees.method_${p.method}`)}</td>
              <td>{euro(c, p.amount_cents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {report.totals.map((total) => (
            <tr>
              <th scope="row" colspan={4}>
                {t(`staff.fees.method_${total.method}`)} ({total.count})
              </th>
              <td>{euro(c, total.cents)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colspan={4}>
              {t('staff.fees.total')}
            </th>
            <td>{euro(c, report.totalCents)}</td>
          </tr>
        </tfoot>
      </table>
    </StaffLayout>
  );
}
