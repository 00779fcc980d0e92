import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import { z } from 'zod';
import { jobType, type Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail, type MailMessage } from '../../platform/mail/index.ts';
import { unlinkable } from '../../platform/mail/unlinkable.ts';
import { sourceLang, textDirection, translate, type Lang } from '../../web/i18n.ts';
import { formatDate, formatDateTime, formatTime } from '../../web/format.ts';
import { renderIcs } from './ics.ts';
import type { AppointmentRow } from './portal-engine.ts';
import type { LocationView, ServiceView } from '../office/index.ts';

export type MailKind = 'confirmation' | 'reminder' | 'cancelled' | 'moved' | 'existing';
const reminderPayload = z.strictObject({ appointmentId: z.guid(), startsAt: z.iso.datetime() });
export type ReminderJob = z.infer<typeof reminderPayload>;
/** The reminder the day before; `startsAt` is the start it was planned for (reminder-job.ts). */
export const reminderJobType = jobType('portal.reminder', reminderPayload);

type MailContext = {
  appointment: AppointmentRow;
  service: { [lang: string]: ServiceView };
  location: LocationView;
  publicUrl: string;
  /** The link that opens the appointment (with the manage secret); only when it is known. */
  manageUrl: string | undefined;
  now: Date;
  /** The office made the change (staff), not the person: the message says so. */
  byOffice?: boolean | undefined;
  /** A line from the office for the person, shown under the intro. */
  note?: string | undefined;
};

/** One message in the person's language with a German summary below (the office reads German). */
export function renderAppointmentMail(kind: MailKind, context: MailContext): MailMessage {
  const { appointment, location } = context;
  // Callers write only to people who gave an address (staff may book someone without one).
  const to = appointment.email;
  if (!to) throw new Error('An appointment without an e-mail address gets no mail.');
  const lang: Lang = appointment.language;
  const zone = location.timeZone;
  const service = context.service[lang] ?? context.service[sourceLang]!;
  const german = context.service[sourceLang] ?? service;
  // Each language's values are used by several lines: formatted once per language.
  const formatted = new Map<Lang, { name: string; service: string; date: string; time: string; location: string; code: string }>();
  const values = (l: Lang, s: ServiceView) => {
    let v = formatted.get(l);
    if (!v) {
      v = {
        name: unlinkable(appointment.person_name),
        service: s.name,
        date: formatDate(l, appointment.starts_at, zone),
        time: formatTime(l, appointment.starts_at, zone),
        location: `${location.name}, ${location.address}`,
        code: appointment.code,
      };
      formatted.set(l, v);
    }
    return v;
  };
  const t = (l: Lang, key: string, s: ServiceView) => translate(l, key, values(l, s));
  const manageUrl = context.manageUrl ?? `${context.publicUrl}/${lang}/manage`;
  // Only a cancellation reads differently when the office made it: it apologises and asks to book again.
  const textKey = kind === 'cancelled' && context.byOffice ? 'cancelled_by_office' : kind;
  const note = context.note?.trim();
  const lines = (l: Lang, s: ServiceView) => [
    t(l, `portal.mail.${textKey}.intro`, s),
    '',
    `${translate(l, 'portal.appointment.service')}: ${s.name}${l === sourceLang ? '' : ` (${german.name})`}`,
    `${translate(l, 'portal.appointment.when')}: ${formatDateTime(l, appointment.starts_at, zone)}`,
    `${translate(l, 'portal.appointment.location')}: ${values(l, s).location}`,
    `${translate(l, 'portal.confirm.code')}: ${appointment.code}`,
  ];
  const bring = kind === 'cancelled' ? [] : service.requiredDocuments;
  const ownText = [
    translate(lang, 'portal.mail.greeting', { name: unlinkable(appointment.person_name) }),
    '',
    ...lines(lang, service),
    // Written by staff, usually in German: shown once, under a label in the person's language.
    ...(note ? ['', `${translate(lang, 'portal.mail.note')}: ${note}`] : []),
    ...(bring.length > 0 ? ['', `${translate(lang, 'portal.services.bring')}:`, ...bring.map((doc) => `- ${doc}`)] : []),
    '',
    kind === 'cancelled'
      ? translate(lang, 'portal.mail.rebook', { url: `${context.publicUrl}/${lang}/services` })
      : translate(lang, 'portal.mail.manage', { url: manageUrl }),
  ];
  const germanText = lang === sourceLang ? [] : ['', '---', 'Deutsche Zusammenfassung:', ...lines(sourceLang, german)];
  const subject = `${t(lang, `portal.mail.${textKey}.subject`, service)}${lang === sourceLang ? '' : ` · ${t(sourceLang, `portal.mail.${textKey}.subject`, german)}`}`;
  const html = [
    `<!doctype html><html lang="${lang}" dir="${textDirection(lang)}"><body style="font-family:sans-serif;line-height:1.5">`,
    `<div lang="${lang}" dir="${textDirection(lang)}">`,
    ...ownText.map((line) => (line === '' ? '' : `<p>${escapeWithCode(line, appointment.code, context.publicUrl)}</p>`)),
    '</div>',
    germanText.length > 0
      ? `<hr><div lang="de" dir="ltr">${germanText
          .filter((l) => l && l !== '---')
          .map((line) => `<p>${escapeWithCode(line, appointment.code, context.publicUrl)}</p>`)
          .join('')}</div>`
      : '',
    '</body></html>',
  ].join('\n');
  const message: MailMessage = { to, subject, text: [...ownText, ...germanText].join('\n'), html, language: lang };
  if (kind !== 'reminder') {
    message.attachments = [
      {
        filename: `termin-${appointment.code}.ics`,
        content: appointmentIcs(appointment, service, german, location, context.now, kind === 'cancelled' ? 'CANCEL' : 'PUBLISH'),
        contentType: `text/calendar; charset=utf-8; method=${kind === 'cancelled' ? 'CANCEL' : 'PUBLISH'}`,
      },
    ];
  }
  return message;
}

export function appointmentIcs(
  appointment: AppointmentRow,
  service: ServiceView,
  german: ServiceView,
  location: LocationView,
  now: Date,
  method: 'PUBLISH' | 'CANCEL' = 'PUBLISH',
): string {
  const lang = appointment.language;
  const summary = lang === sourceLang ? german.name : `${service.name} (${german.name})`;
  return renderIcs(
    {
      uid: `${appointment.id}@lotse`,
      start: appointment.starts_at,
      end: appointment.ends_at,
      stamp: now,
      // Each change is a new version of the same event, so calendars update instead of duplicating.
      sequence: Math.floor(now.getTime() / 1000) % 2_000_000_000,
      status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
      summary: `${translate(lang, 'portal.ics.summary')}: ${summary}`,
      location: `${location.name}, ${location.address}`,
      description: [
        `${translate(lang, 'portal.confirm.code')}: ${appointment.code}`,
        ...(service.requiredDocuments.length > 0 ? [`${translate(lang, 'portal.services.bring')}:`, ...service.requiredDocuments.map((d) => `- ${d}`)] : []),
      ].join('\n'),
    },
    method,
  );
}

/** Queues the message (and, for a new or moved appointment, the reminder) inside the booking's transaction. */
export async function queueAppointmentMails(jobs: Jobs, trx: Transaction<DB>, kind: Exclude<MailKind, 'reminder'>, context: MailContext): Promise<void> {
  // Staff may book someone who gave no e-mail address: then there is nobody to write to.
  if (!context.appointment.email) return;
  await enqueueMail(jobs, renderAppointmentMail(kind, context), { trx });
  if (kind === 'cancelled' || kind === 'existing') return;
  const remindAt = new Date(context.appointment.starts_at.getTime() - 24 * 3600_000);
  if (remindAt.getTime() <= context.now.getTime()) return;
  const job: ReminderJob = { appointmentId: context.appointment.id, startsAt: context.appointment.starts_at.toISOString() };
  await jobs.send(reminderJobType, job, { trx, startAfter: remindAt });
}

/** Escapes a line for HTML; only Lotse's own links (under PUBLIC_URL) become anchors. */
function escapeWithCode(line: string, code: string, publicUrl: string): string {
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  const escaped = escapeHtml(line);
  const own = escapeHtml(publicUrl).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return escaped
    .replace(new RegExp(`(${own}/[^\\s<]*)`, 'g'), '<a href="$1" dir="ltr">$1</a>')
    .replaceAll(code, `<bdi dir="ltr"><strong>${code}</strong></bdi>`);
}
