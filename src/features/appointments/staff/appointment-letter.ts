import { type Letter, type LetterBlock, renderLetter } from '../../../platform/pdf/letter-pdf.ts';
import { AppError } from '../../../shared/app-error.ts';
import { formatDate, formatDateTime, formatTime } from '../../../web/format.ts';
import { isLanguage, sourceLang, textDirection, translate, type Lang } from '../../../web/i18n.ts';
import { findServiceById, listLocations, loadLetterhead, type ServiceView } from '../../office/index.ts';
import { recordAudit, type ChangeContext } from '../../staff/index.ts';
import type { NotifyingDeps } from '../notified-changes.ts';
import { openOwnAppointment } from './clerk-calendar.ts';

type Deps = Pick<NotifyingDeps, 'db' | 'clock'> & { publicUrl: string };

/**
 * The appointment confirmation on paper, for a person booked at the counter or on the phone who
 * has no e-mail address (or wants it printed): the confirmation mail's texts, German first with
 * the signature, then in the person's language; the location's letterhead. Printing is a read of
 * the person's data and audited like opening the appointment.
 */
export async function appointmentLetter(deps: Deps, ctx: ChangeContext, id: string): Promise<{ pdf: Buffer; code: string }> {
  const row = await openOwnAppointment(deps, ctx, id);
  if (row.personal_data_erased_at !== null || row.person_name === null) {
    throw new AppError('conflict', 'The personal data of this appointment has been erased: there is nobody to write to.');
  }
  const lang: Lang = isLanguage(row.language) ? row.language : sourceLang;
  const [german, own, locations, letterhead] = await Promise.all([
    findServiceById(deps, sourceLang, row.service_id),
    findServiceById(deps, lang, row.service_id),
    listLocations(deps, { id: row.location_id }),
    loadLetterhead(deps, row.location_id),
  ]);
  const location = locations[0];
  if (!german || !location) throw new AppError('not_found', 'The service or location of this appointment no longer exists.');
  const zone = location.timeZone;
  const manageUrl = `${deps.publicUrl}/${lang}/manage`;

  const section = (l: Lang, service: ServiceView): LetterBlock[] => [
    { kind: 'paragraph', text: translate(l, 'portal.mail.greeting', { name: row.person_name ?? '' }) },
    { kind: 'paragraph', text: translate(l, 'portal.mail.confirmation.intro') },
    {
      kind: 'facts',
      rows: [
        [translate(l, 'portal.appointment.service'), l === sourceLang ? service.name : `${service.name} (${german.name})`],
        [translate(l, 'portal.appointment.when'), formatDateTime(l, row.starts_at, zone)],
        [translate(l, 'portal.appointment.location'), `${location.name}, ${location.address}`],
        [translate(l, 'portal.confirm.code'), row.code],
      ],
    },
    ...(service.requiredDocuments.length > 0
      ? [{ kind: 'heading', text: translate(l, 'portal.services.bring') } as const, { kind: 'list', items: service.requiredDocuments } as const]
      : []),
    { kind: 'heading', text: translate(l, 'portal.manage.change') },
    { kind: 'paragraph', text: translate(l, 'portal.manage.change.text') },
    { kind: 'qr', data: manageUrl, caption: translate(l, 'portal.mail.manage', { url: manageUrl }) },
  ];

  const letter: Letter = {
    title: translate(sourceLang, 'portal.mail.confirmation.subject', {
      date: formatDate(sourceLang, row.starts_at, zone),
      time: formatTime(sourceLang, row.starts_at, zone),
    }),
    lang: sourceLang,
    letterhead: { lines: [letterhead.authority, ...letterhead.contactLines], returnAddress: letterhead.returnAddress },
    recipient: [row.person_name],
    info: [
      [translate(sourceLang, 'portal.confirm.code'), row.code],
      [translate(sourceLang, 'staff.letter.date'), formatDate(sourceLang, deps.clock.now(), zone)],
    ],
    subject: translate(sourceLang, 'portal.mail.confirmation.subject', {
      date: formatDate(sourceLang, row.starts_at, zone),
      time: formatTime(sourceLang, row.starts_at, zone),
    }),
    sections: [
      { lang: sourceLang, dir: 'ltr', blocks: section(sourceLang, german) },
      ...(lang === sourceLang ? [] : [{ lang, dir: textDirection(lang), blocks: section(lang, own ?? german) }]),
    ],
    signature: letterhead.signatureLines,
    pageLabel: (page, pages) => translate(sourceLang, 'staff.letter.page', { page, pages }),
  };
  const pdf = await renderLetter(letter);
  await recordAudit(deps.db, deps.clock, {
    actor: ctx.actor,
    action: 'appointment.letter',
    target: { type: 'appointment', id: row.id },
    screen: 'calendar appointment',
    ip: ctx.ip,
  });
  return { pdf, code: row.code };
}
