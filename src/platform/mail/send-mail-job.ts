import type { Kysely, Transaction } from 'kysely';
import type { JobDefinition, Jobs } from '../jobs/jobs.ts';
import type { MailMessage } from './mail-message.ts';
import { mailsSent } from '../metrics/metrics.ts';
import { mailLanes, type MailTransport } from './mail-transport.ts';

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
    // A mail takes seconds; one that has not gone out within two minutes is tried again.
    options: { expireInSeconds: 120, ...retry },
    lanes: mailLanes,
    // One person's messages (a confirmation, then a cancellation) arrive in the order they were written.
    laneKey: (message) => message.to.toLowerCase(),
    handle: async (message, job) => {
      await transport.send(message, `${job.id}@${mailDomain}`);
      mailsSent.inc();
    },
  };
}
