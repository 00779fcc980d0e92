import type { MailMessage } from '../../../platform/mail/index.ts';
import { isLanguage, sourceLang, translate } from '../../../web/i18n.ts';

/** The e-mail to a person whose appointment is cancelled because the clerk is absent: their language, then German. */
export function cancellationMail(input: {
  email: string;
  language: string;
  code: string;
  starts_at: Date;
  time_zone: string;
  location_name: string;
  /** Service name per language; German is the fallback. */
  service_names: Record<string, string>;
  note: string;
}): MailMessage {
  const lang = isLanguage(input.language) ? input.language : sourceLang;
  const render = (l: string) => {
    const when = new Intl.DateTimeFormat(l, { dateStyle: 'full', timeStyle: 'short', timeZone: input.time_zone }).format(input.starts_at);
    const values = { service: input.service_names[l] ?? input.service_names[sourceLang] ?? '', when, location: input.location_name, code: input.code };
    return [translate(l, 'absencemail.greeting'), '', translate(l, 'absencemail.body', values), '', translate(l, 'absencemail.rebook'), '', translate(l, 'absencemail.sorry')].join('\n');
  };
  const parts = [render(lang)];
  if (input.note.trim()) parts.push('', `${translate(lang, 'absencemail.note')}: ${input.note.trim()}`);
  if (lang !== sourceLang) parts.push('', '—', '', render(sourceLang));
  return {
    to: input.email,
    subject: translate(lang, 'absencemail.subject', { code: input.code }),
    text: parts.join('\n'),
    language: lang,
  };
}
