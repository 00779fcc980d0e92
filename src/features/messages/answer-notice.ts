import type { MailMessage } from '../../platform/mail/index.ts';
import { sourceLang, translate } from '../../web/i18n.ts';

/**
 * "You have an answer": the e-mail says only that, in the person's language with the German
 * beside it, and where to read it. The answer itself stays behind the link and the date of birth.
 */
export function answerNotice(message: { reference: string; email: string; language: string }, publicUrl: string): MailMessage {
  const link = `${publicUrl.replace(/\/$/, '')}/${message.language}/messages/${message.reference}`;
  const own = (key: string) => translate(message.language, key, { reference: message.reference });
  const german = (key: string) => translate(sourceLang, key, { reference: message.reference });
  const lines = [own('portal.messages.mail.text'), '', link, '', own('portal.messages.mail.dob')];
  if (message.language !== sourceLang) lines.push('', '—', german('portal.messages.mail.text'), german('portal.messages.mail.dob'));
  return { to: message.email, subject: own('portal.messages.mail.subject'), text: lines.join('\n'), language: message.language };
}
