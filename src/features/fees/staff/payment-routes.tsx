import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { formatTime } from '../../../web/format.ts';
import { isLanguage } from '../../../web/i18n.ts';
import { changeContext, currentStaff, idParam, parseForm, requireStaff, staffLang } from '../../staff/index.ts';
import { cashReport, cashReportCsv, cashReportXlsx } from '../cash-report.ts';
import type { FeeDeps } from '../fee-deps.ts';
import { paymentSummary } from '../payment-summary.ts';
import { proposeFee } from '../propose-fee.ts';
import { receiptLetter } from '../receipt-letter.ts';
import { recordPayment } from '../record-payment.ts';
import { reversePayment } from '../reverse-payment.ts';
import { CashReportPage, PaymentFormPage, PaymentPage } from './payment-pages.tsx';

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional());
const key = z.string().min(8).max(100);
/** Where "back" leads after a payment taken at the desk: only the desk itself (no open redirect). */
const deskBack = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .string()
    .max(300)
    .regex(/^\/desk(\?[A-Za-z0-9=&%._-]*)?$/)
    .optional(),
);

/** Fees at the counter: the finish dialog's payment, its receipt, a reversal, the cash report. */
export function paymentRoutes(deps: FeeDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/payments', requireStaff(deps));
  routes.use('/staff/payments/*', requireStaff(deps));
  routes.use('/staff/cash-report', requireStaff(deps));

  routes.get('/staff/payments/new', async (c) => {
    const query = z.object({ appointment: optionalId, location: optionalId, ticket: optionalId, back: deskBack }).safeParse(c.req.query());
    if (!query.success) throw new AppError('not_found', 'Not found.');
    const proposal = await proposeFee(deps, currentStaff(c), {
      appointmentId: query.data.appointment,
      locationId: query.data.location,
      ticketId: query.data.ticket,
    });
    return c.html(<PaymentFormPage c={c} proposal={proposal} idempotencyKey={randomUUID()} back={query.data.back} />);
  });

  routes.post('/staff/payments', async (c) => {
    const form = await parseForm(
      c,
      z.object({
        locationId: z.uuid(),
        feeItemId: z.uuid(),
        reductionId: optionalId,
        method: z.enum(['card', 'cash', 'invoice']),
        appointmentId: optionalId,
        ticketId: optionalId,
        back: deskBack,
        payerName: z.string().trim().max(200).default(''),
        payerLanguage: z.string().refine((l) => isLanguage(l), 'a supported language'),
        idempotencyKey: key,
      }),
    );
    const { id } = await recordPayment(deps, changeContext(c), {
      locationId: form.locationId,
      feeItemId: form.feeItemId,
      reductionId: form.reductionId ?? null,
      method: form.method,
      appointmentId: form.appointmentId ?? null,
      ticketId: form.ticketId ?? null,
      payerName: form.payerName || null,
      payerLanguage: form.payerLanguage,
      idempotencyKey: form.idempotencyKey,
    });
    return c.redirect(`/staff/payments/${id}${form.back ? `?back=${encodeURIComponent(form.back)}` : ''}`, 303);
  });

  routes.get('/staff/payments/:id', async (c) => {
    const payment = await paymentSummary(deps, changeContext(c), idParam(c.req.param('id')));
    const back = deskBack.safeParse(c.req.query('back'));
    return c.html(<PaymentPage c={c} payment={payment} reverseKey={randomUUID()} back={back.success ? back.data : undefined} />);
  });

  routes.get('/staff/payments/:id/receipt.pdf', async (c) => {
    const { pdf, number } = await receiptLetter(deps, changeContext(c), idParam(c.req.param('id')));
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="Quittung-${number.replace(/[^A-Za-z0-9-]/g, '')}.pdf"`,
      'cache-control': 'no-store',
    });
  });

  routes.post('/staff/payments/:id/reverse', async (c) => {
    const form = await parseForm(c, z.object({ reason: z.string().trim().min(1).max(500), idempotencyKey: key }));
    const { id } = await reversePayment(deps, changeContext(c), { paymentId: idParam(c.req.param('id')), ...form });
    return c.redirect(`/staff/payments/${id}`, 303);
  });

  routes.get('/staff/cash-report', async (c) => {
    const query = z
      .object({ location: z.uuid().optional(), day: z.iso.date().optional(), format: z.enum(['html', 'csv', 'xlsx']).default('html') })
      .safeParse(c.req.query());
    if (!query.success) throw new AppError('validation_failed', 'Choose a location and a day (YYYY-MM-DD).');
    // Without a choice: the actor's own (first) location, today there.
    const locationId = query.data.location ?? currentStaff(c).locationIds[0];
    if (!locationId) throw new AppError('validation_failed', 'Choose a location (…/staff/cash-report?location=…).');
    const report = await cashReport(deps, changeContext(c), { locationId, day: query.data.day });
    const timeOf = (at: Date) => formatTime(staffLang(c), at, report.location.timeZone);
    if (query.data.format === 'csv') {
      return c.body(cashReportCsv(report, timeOf), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="Kassenbericht-${report.day}.csv"`,
        'cache-control': 'no-store',
      });
    }
    if (query.data.format === 'xlsx') {
      return c.body(new Uint8Array(await cashReportXlsx(report, timeOf)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="Kassenbericht-${report.day}.xlsx"`,
        'cache-control': 'no-store',
      });
    }
    return c.html(<CashReportPage c={c} report={report} timeOf={timeOf} />);
  });

  return routes;
}
