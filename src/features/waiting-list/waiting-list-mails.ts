import type { MailMessage } from '../../platform/mail/index.ts';
import { unlinkable } from '../../platform/mail/unlinkable.ts';
import { formatDateTime, formatTime } from '../../web/format.ts';
import { sourceLang, textDirection, translate, type Lang } from '../../web/i18n.ts';

type Common = { to: string; lang: Lang; name: string; url: string; service: string; location: string };
type OfferFacts = { start: Date; expiresAt: Date; timeZone: string };

/**
 * The two mails of the waiting list, in the person's language with a German line below for the
 * office: 'confirm' (the link that confirms the place and later shows it) and 'offer' (a held
 * time, the link to accept it, and until when). The links open a page; only its button acts, so a
 * mail scanner that follows links books nothing.
 */
export function renderWaitingListMail(kind: 'confirm', context: Common): MailMessage;
export function renderWaitingListMail(kind: 'offer', context: Common & OfferFacts): MailMessage;
export function renderWaitingListMail(kind: 'confirm' | 'offer', context: Common & Partial<OfferFacts>): MailMessage {
  const { lang } = context;
  const values = (l: Lang) => ({
    name: unlinkable(context.name),
    service: context.service,
    location: context.location,
    when: context.start && context.timeZone ? formatDateTime(l, context.start, context.timeZone) : '',
    until: context.expiresAt && context.timeZone ? formatTime(l, context.expiresAt, context.timeZone) : '',
  });
  const t = (l: Lang, key: string) => translate(l, `waitingList.mail.${kind}.${key}`, values(l));
  const own = [translate(lang, 'waitingList.mail.greeting', values(lang)), '', t(lang, 'intro'), '', `${t(lang, 'action')}: ${context.url}`];
  const german = lang === sourceLang ? [] : ['', '---', t(sourceLang, 'intro')];
  const subject = `${t(lang, 'subject')}${lang === sourceLang ? '' : ` · ${t(sourceLang, 'subject')}`}`;
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  const paragraph = (line: string) =>
    `<p>${escapeHtml(line).replace(escapeHtml(context.url), `<a href="${escapeHtml(context.url)}" dir="ltr">${escapeHtml(context.url)}</a>`)}</p>`;
  const html = [
    `<!doctype html><html lang="${lang}" dir="${textDirection(lang)}"><body style="font-family:sans-serif;line-height:1.5">`,
    ...own.filter((line) => line !== '').map(paragraph),
    german.length > 0 ? `<hr><p lang="de" dir="ltr">${escapeHtml(german.at(-1)!)}</p>` : '',
    '</body></html>',
  ].join('\n');
  return { to: context.to, subject, text: [...own, ...german].join('\n'), html, language: lang };
}
