import type { Kysely, Transaction } from 'kysely';
import type { JobDefinition, Jobs } from '../jobs/jobs.ts';
import type { MailMessage } from './mail-message.ts';
import type { MailTransport } from './mail-transport.ts';

export const sendMailJobName = 'mail.send';

/**
 * Queues a message. Pass the transaction that made the change the message is about, so
 * the message is queued exactly when that change commits. Sending is retried with backoff.
 */
export function enqueueMail(
  jobs: Jobs,
  message: MailMessage,
  options: { trx?: Transaction<any> | Kysely<any>; startAfter?: Date; singletonKey?: string } = {},
): Promise<string | null> {
  return jobs.send(sendMailJobName, message, options);
}

export function sendMailJob(
  transport: MailTransport,
  mailDomain: string,
  retry: JobDefinition<MailMessage>['options'] = { retryLimit: 10, retryBackoff: true, retryDelay: 10 },
): JobDefinition<MailMessage> {
  return {
    name: sendMailJobName,
    options: retry,
    handle: (message, job) => transport.send(message, `${job.id}@${mailDomain}`),
  };
}
