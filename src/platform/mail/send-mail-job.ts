import { jobType, type Connection, type JobDefinition, type Jobs } from '../jobs/jobs.ts';
import { mailMessageSchema, type MailMessage } from './mail-message.ts';
import { mailsSent } from '../metrics/metrics.ts';
import { smtpConnections, type MailTransport } from './mail-transport.ts';

/** One person's messages (a confirmation, then a cancellation) go out one after the other, in the order they were written. */
export const sendMailJobType = jobType('mail.send', mailMessageSchema, { group: (message) => message.to.toLowerCase() });
export const sendMailJobName = sendMailJobType.name;

/**
 * Queues a message. Pass the transaction that made the change the message is about, so
 * the message is queued exactly when that change commits. Sending is retried with backoff.
 */
export function enqueueMail(
  jobs: Jobs,
  message: MailMessage,
  options: { trx?: Connection; startAfter?: Date; singletonKey?: string } = {},
): Promise<string | null> {
  return jobs.send(sendMailJobType, message, options);
}

export function sendMailJob(
  transport: MailTransport,
  mailDomain: string,
  retry: JobDefinition<MailMessage>['options'] = { retryLimit: 10, retryBackoff: true, retryDelay: 10 },
): JobDefinition<MailMessage> {
  return {
    type: sendMailJobType,
    // A mail takes seconds; one that has not gone out within two minutes is tried again.
    options: { expireInSeconds: 120, ...retry },
    // A burst of bookings leaves thousands of mails: fetched 100 at a time, each fetch and its
    // settling cost a third per mail of what they cost 20 at a time (0.16 against 0.47 ms with
    // groups, docs/performance.md). As many run at once as SMTP keeps connections: more sent the
    // outbox 15 % faster but took the Node thread from the bookings of a rush.
    batchSize: 100,
    concurrency: smtpConnections,
    handle: async (message, job) => {
      await transport.send(message, `${job.id}@${mailDomain}`);
      mailsSent.inc();
    },
  };
}
