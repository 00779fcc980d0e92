import type { MailMessage } from '../../platform/mail/index.ts';
import { sourceLang, textDirection } from '../../web/i18n.ts';
import type { InvitationContent } from './invitation-content.ts';
import { invitationTexts } from './invitation-letter.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/**
 * The invitation (or its reminder) by e-mail: in the person's language, then in German (the office
 * reads German; the person may show it). Only for persons with an address (the caller checks).
 */
export function invitationMail(c: InvitationContent, kind: 'invitation' | 'reminder', to: string): MailMessage {
  const languages = c.lang === sourceLang ? [sourceLang] : [c.lang, sourceLang];
  const parts = languages.map((l) => {
    const x = invitationTexts(c, l);
    const lines = [
      x.salutation,
      kind === 'reminder' ? x.reminder : x.intro,
      ...x.facts.map(([label, value]) => `${label}: ${value}`),
      ...(x.bring.length > 0 ? [`${x.bringLabel}:`, ...x.bring.map((d) => `- ${d}`)] : []),
      x.confirm,
      c.manageUrl,
      x.nothing,
    ];
    return { l, lines, subject: kind === 'reminder' ? x.reminderSubject : x.mailSubject };
  });
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    ...parts.map(
      (p, i) =>
        `${i > 0 ? '<hr>' : ''}<div lang="${p.l}" dir="${textDirection(p.l)}">${p.lines
          .map((line) => (line === c.manageUrl ? `<p><a href="${escapeHtml(line)}" dir="ltr">${escapeHtml(line)}</a></p>` : `<p>${escapeHtml(line)}</p>`))
          .join('')}</div>`,
    ),
    '</body></html>',
  ].join('\n');
  return {
    to,
    subject: parts.map((p) => p.subject).join(' · '),
    text: parts.map((p) => p.lines.join('\n')).join('\n\n---\n\n'),
    html,
    language: c.lang,
  };
}
