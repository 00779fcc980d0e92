export type { MailMessage } from './mail-message.ts';
export { createMailTransport, type MailTransport } from './mail-transport.ts';
export { enqueueMail, sendMailJob, sendMailJobName } from './send-mail-job.ts';
