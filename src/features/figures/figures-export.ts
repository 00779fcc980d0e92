import type { Cell, Sheet } from '../../platform/export/table-file.ts';
import type { PeriodFigures } from './period-figures.ts';

export const figureTables = [
  'visits',
  'waits',
  'fees',
  'messages',
  'invitations',
  'lookups',
  'applications',
  'decisions',
  'procedures',
  'flow',
  'notices',
] as const;
export type FigureTable = (typeof figureTables)[number];

type T = (key: string) => string;

/** The rows of the invitations table, in this order (the page shows the same). */
export const invitationOutcomes = ['sent', 'confirmed', 'moved', 'released', 'declined', 'open'] as const;
const count = (value: number): Cell => ({ number: value });
const oneDecimal = (value: number | null): Cell => (value === null ? '' : { number: value, decimals: 1 });

/** Each table of the figures page as rows for CSV or a spreadsheet (headers in the staff member's language). */
export function figureSheets(figures: PeriodFigures, t: T): Record<FigureTable, Sheet> {
  return {
    visits: {
      name: t('staff.figures.visits'),
      rows: [
        [
          t('staff.figures.day'),
          t('staff.figures.with_appointment'),
          t('staff.figures.without_appointment'),
          t('staff.figures.share_percent'),
          t('staff.figures.no_shows'),
          t('staff.figures.finished'),
        ],
        ...figures.days.map((d) => [
          d.day,
          count(d.withAppointment),
          count(d.withoutAppointment),
          oneDecimal(d.share === null ? null : d.share * 100),
          count(d.noShows),
          count(d.finished),
        ]),
      ],
    },
    waits: {
      name: t('staff.figures.waits'),
      rows: [
        [t('staff.figures.queue'), t('staff.figures.hour'), t('staff.figures.called'), t('staff.figures.median_minutes'), t('staff.figures.p90_minutes')],
        ...figures.waits.map((w) => [
          `${w.queue} (${w.prefix})`,
          `${String(w.hour).padStart(2, '0')}:00`,
          count(w.called),
          oneDecimal(w.medianMinutes),
          oneDecimal(w.p90Minutes),
        ]),
      ],
    },
    fees: {
      name: t('staff.figures.fees'),
      rows: [
        [t('staff.figures.fee_item'), t('staff.figures.method'), t('staff.figures.payments'), t('staff.figures.sum_eur')],
        ...figures.fees.map((f) => [`${f.itemCode} ${f.itemName}`, t(`staff.fees.method_${f.method}`), count(f.count), { number: f.cents / 100, decimals: 2 }]),
      ],
    },
    messages: {
      name: t('staff.figures.messages'),
      rows: [
        [
          t('staff.figures.week'),
          t('staff.figures.messages_received'),
          t('staff.figures.messages_answered'),
          t('staff.figures.median_hours'),
          t('staff.figures.p90_hours'),
        ],
        ...figures.messages.map((m) => [m.week, count(m.received), count(m.answered), oneDecimal(m.medianHours), oneDecimal(m.p90Hours)]),
      ],
    },
    invitations: {
      name: t('staff.figures.invitations'),
      rows: [
        [t('staff.figures.invitation_outcome'), t('staff.figures.invitations_count')],
        ...invitationOutcomes.map((outcome) => [t(`staff.figures.invitations_${outcome}`), count(figures.invitations[outcome])]),
      ],
    },
    lookups: {
      name: t('staff.figures.lookups'),
      rows: [
        [t('staff.figures.day'), t('staff.figures.status_lookups'), t('staff.figures.found'), t('staff.figures.calls')],
        ...figures.lookups.map((d) => [d.day, count(d.lookups), count(d.found), d.calls === null ? '' : count(d.calls)]),
      ],
    },
    applications: {
      name: t('staff.figures.applications'),
      rows: [
        [t('staff.figures.form'), t('staff.figures.week'), t('staff.figures.applications_submitted'), t('staff.figures.applications_accepted')],
        ...figures.applications.map((a) => [a.form, a.week, count(a.submitted), count(a.accepted)]),
      ],
    },
    decisions: {
      name: t('staff.figures.decisions'),
      rows: [
        [t('staff.figures.procedure_type'), t('staff.figures.decided'), t('staff.figures.median_days'), t('staff.figures.p90_days')],
        ...figures.decisions.map((d) => [d.typeName, count(d.decided), oneDecimal(d.medianDays), oneDecimal(d.p90Days)]),
      ],
    },
    procedures: {
      name: t('staff.figures.procedures'),
      rows: [
        [t('staff.figures.procedure_type'), t('staff.figures.status'), t('staff.figures.open')],
        ...figures.procedures.open.map((p) => [p.typeName, p.statusLabel, count(p.open)]),
      ],
    },
    flow: {
      name: t('staff.figures.flow'),
      rows: [
        [t('staff.figures.procedure_type'), t('staff.figures.opened'), t('staff.figures.closed')],
        ...figures.procedures.flow.map((f) => [f.typeName, count(f.opened), count(f.closed)]),
      ],
    },
    notices: {
      name: t('staff.figures.notices'),
      rows: [
        [t('staff.figures.procedure_type'), t('staff.figures.status'), t('staff.figures.notices_sent'), t('staff.figures.notices_no_address')],
        ...figures.notices.map((n) => [n.typeName, n.statusLabel, count(n.sent), count(n.noAddress)]),
      ],
    },
  };
}
