import type { Connection, Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/index.ts';
import { unlinkable } from '../../platform/mail/unlinkable.ts';
import { formatDate, formatDay, formatTime } from '../../web/format.ts';
import { translate, type Lang } from '../../web/i18n.ts';

export type LotteryMail = { kind: 'entered'; drawAt: Date } | { kind: 'won'; start: Date; holdUntil: Date } | { kind: 'lost' };

export type LotteryMailContext = {
  to: string;
  lang: Lang;
  name: string;
  service: string;
  location: string;
  day: string;
  timeZone: string;
  url: string;
};

/** A lottery message in the person's language, queued with the transaction that decided it. */
export async function queueLotteryMail(jobs: Jobs, trx: Connection, mail: LotteryMail, context: LotteryMailContext): Promise<void> {
  const { lang, timeZone } = context;
  const values: Record<string, string> = {
    name: unlinkable(context.name),
    service: context.service,
    location: context.location,
    day: formatDay(lang, context.day),
    url: context.url,
  };
  if (mail.kind === 'entered') values.time = formatTime(lang, mail.drawAt, timeZone);
  if (mail.kind === 'won') {
    values.date = formatDate(lang, mail.start, timeZone);
    values.time = formatTime(lang, mail.start, timeZone);
    values.until = formatTime(lang, mail.holdUntil, timeZone);
  }
  const t = (key: string) => translate(lang, `lottery.mail.${mail.kind}.${key}`, values);
  await enqueueMail(
    jobs,
    { to: context.to, language: lang, subject: t('subject'), text: `${translate(lang, 'portal.mail.greeting', values)}\n\n${t('text')}\n\n${context.url}\n` },
    { trx },
  );
}
