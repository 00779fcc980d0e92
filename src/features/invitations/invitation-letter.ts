import { renderLetters, type Letter, type LetterBlock } from '../../platform/pdf/letter-pdf.ts';
import { formatDate, formatDateTime, formatDay, formatFee } from '../../web/format.ts';
import { sourceLang, textDirection, translate, type Lang } from '../../web/i18n.ts';
import type { InvitationContent } from './invitation-content.ts';

/** The invitation's sentences in one language; the letter, the mail and the reminder use them. */
export function invitationTexts(c: InvitationContent, l: Lang) {
  const t = (key: string, values?: Record<string, string>) => translate(l, key, values);
  const zone = c.location.timeZone;
  const service = l === sourceLang ? c.service.german : c.service.own;
  const bring = service.requiredDocuments.length > 0 ? service.requiredDocuments : c.service.german.requiredDocuments;
  return {
    title: t('invitation.letter.title'),
    salutation: t('invitation.letter.salutation', { name: c.person.name }),
    intro: t('invitation.letter.intro', { expiry: formatDay(l, c.expiresOn) }),
    facts: [
      [t('portal.appointment.service'), l === sourceLang ? service.name : `${service.name} (${c.service.german.name})`],
      [t('portal.appointment.when'), formatDateTime(l, c.appointment.starts_at, zone)],
      [t('portal.appointment.location'), `${c.location.name}, ${c.location.address}`],
      [t('portal.confirm.code'), c.appointment.code],
      ...(c.fee ? [[t('invitation.letter.fee'), `${formatFee(l, c.fee.amountCents)} (${c.fee.name}, ${c.fee.legalBasis})`]] : []),
    ] as [string, string][],
    bringLabel: t('portal.services.bring'),
    bring,
    confirm: t('invitation.letter.confirm', { date: formatDay(l, c.confirmBy) }),
    qr: t('invitation.letter.qr', { url: c.shortUrl }),
    nothing: t('invitation.letter.nothing', { date: formatDay(l, c.confirmBy) }),
    mailSubject: t('invitation.mail.subject', { date: formatDate(l, c.appointment.starts_at, zone) }),
    reminderSubject: t('invitation.reminder.subject', { date: formatDate(l, c.appointment.starts_at, zone) }),
    reminder: t('invitation.reminder.intro', { date: formatDay(l, c.confirmBy) }),
  };
}

/** An invitation's letter, or the reminder sent instead of the reminder mail to a person without an e-mail address. */
export type LetterKind = 'invitation' | 'reminder';

function section(c: InvitationContent, l: Lang, kind: LetterKind): LetterBlock[] {
  const x = invitationTexts(c, l);
  return [
    { kind: 'heading', text: kind === 'reminder' ? x.reminderSubject : x.title },
    { kind: 'paragraph', text: x.salutation },
    { kind: 'paragraph', text: kind === 'reminder' ? x.reminder : x.intro },
    { kind: 'facts', rows: x.facts },
    ...(x.bring.length > 0
      ? ([
          { kind: 'heading', text: x.bringLabel },
          { kind: 'list', items: x.bring },
        ] as LetterBlock[])
      : []),
    { kind: 'paragraph', text: x.confirm },
    { kind: 'qr', data: c.shortUrl, caption: x.qr },
    { kind: 'paragraph', text: x.nothing },
  ];
}

/** The invitation (or its reminder) as a letter: German first with the signature, then in the person's language. */
export function invitationLetter(c: InvitationContent, today: Date, kind: LetterKind = 'invitation'): Letter {
  const de = sourceLang;
  const title = kind === 'reminder' ? invitationTexts(c, de).reminderSubject : translate(de, 'invitation.letter.title');
  const recipient = c.letterToFile
    ? [c.person.name, translate(de, 'invitation.letter.to_file')]
    : [c.person.name, c.person.street ?? '', `${c.person.postalCode ?? ''} ${c.person.city ?? ''}`.trim()];
  return {
    title: `${title} ${c.appointment.code}`,
    lang: de,
    letterhead: { lines: [c.letterhead.authority, ...c.letterhead.contactLines], returnAddress: c.letterhead.returnAddress },
    recipient,
    info: [
      ...(c.person.fileReference ? [[translate(de, 'invitation.letter.reference'), c.person.fileReference] as [string, string]] : []),
      [translate(de, 'staff.letter.date'), formatDate(de, today, c.location.timeZone)],
    ],
    subject: `${title} · ${c.appointment.code}`,
    sections: [
      { lang: de, dir: 'ltr', blocks: section(c, de, kind) },
      ...(c.lang === de ? [] : [{ lang: c.lang, dir: textDirection(c.lang), blocks: section(c, c.lang, kind) }]),
    ],
    signature: c.letterhead.signatureLines,
    pageLabel: (page, pages) => translate(de, 'staff.letter.page', { page, pages }),
  };
}

/** Letters of several invitations (or reminders) as one PDF to print (each from a new page). */
export function invitationLettersPdf(contents: readonly InvitationContent[], today: Date, kind: LetterKind = 'invitation'): Promise<Buffer> {
  return renderLetters(
    contents.map((c) => invitationLetter(c, today, kind)),
    // The document's own title (PDF metadata) is for the office, in German.
    { title: `${kind === 'reminder' ? 'Erinnerung: ' : ''}${translate(sourceLang, 'invitation.letter.title')}`, lang: sourceLang },
  );
}
