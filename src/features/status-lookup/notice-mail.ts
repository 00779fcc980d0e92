import type { MailMessage } from '../../platform/mail/index.ts';
import { unlinkable } from '../../platform/mail/unlinkable.ts';
import { formatDate } from '../../web/format.ts';
import { isLanguage, sourceLang, textDirection, translate, type Lang } from '../../web/i18n.ts';

export type NoticeContent = {
  to: string;
  language: string | null;
  name: string;
  number: string;
  /** The status's texts by language (the notice's status, not a later one). */
  texts: Record<string, { label: string; nextStep: string }>;
  at: Date;
  timeZone: string;
  missing: { kind: string; note: string | null }[];
  publicUrl: string;
};

/**
 * The notice of a new status, in the person's language with a German summary below (the office
 * reads German, and a text not translated yet is German anyway). No more of the file than the
 * look-up shows.
 */
export function renderNoticeMail(content: NoticeContent): MailMessage {
  const lang: Lang = content.language && isLanguage(content.language) ? content.language : sourceLang;
  const textsIn = (l: Lang) => content.texts[l] ?? content.texts[sourceLang] ?? { label: '', nextStep: '' };
  const url = `${content.publicUrl}/${lang}/status`;
  const values = (l: Lang) => ({ number: content.number, status: textsIn(l).label, date: formatDate(l, content.at, content.timeZone) });
  const summary = (l: Lang) => {
    const next = textsIn(l).nextStep;
    const missing = content.missing.map((doc) => `- ${translate(l, `status.doc.${doc.kind}`)}${doc.note ? ` (${doc.note})` : ''}`);
    return [
      translate(l, 'status.mail.intro', values(l)),
      ...(next ? ['', `${translate(l, 'status.result.next')}: ${next}`] : []),
      ...(missing.length > 0 ? ['', `${translate(l, 'status.result.missing')}:`, ...missing] : []),
    ];
  };
  const own = [
    translate(lang, 'portal.mail.greeting', { name: unlinkable(content.name) }),
    '',
    ...summary(lang),
    '',
    translate(lang, 'status.mail.lookup', { url }),
  ];
  const german = lang === sourceLang ? [] : ['', '---', 'Deutsche Zusammenfassung:', ...summary(sourceLang)];
  const subject = (l: Lang) => translate(l, 'status.mail.subject', { number: content.number });
  const paragraphs = (lines: string[]) =>
    lines
      .filter((line) => line !== '' && line !== '---')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('\n');
  const html = [
    `<!doctype html><html lang="${lang}" dir="${textDirection(lang)}"><body style="font-family:sans-serif;line-height:1.5">`,
    `<div lang="${lang}" dir="${textDirection(lang)}">${paragraphs(own)}</div>`,
    german.length > 0 ? `<hr><div lang="de" dir="ltr">${paragraphs(german)}</div>` : '',
    '</body></html>',
  ].join('\n');
  return {
    to: content.to,
    subject: lang === sourceLang ? subject(lang) : `${subject(lang)} · ${subject(sourceLang)}`,
    text: [...own, ...german].join('\n'),
    html,
    language: lang,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
