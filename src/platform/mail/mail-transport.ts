import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { composeMime, plainSender } from './compose-mime.ts';
import type { MailMessage } from './mail-message.ts';

export type MailTransport = {
  /** Sends one message. `messageId` is stable across retries, so a retried send is recognisable. */
  send(message: MailMessage, messageId: string): Promise<void>;
  describe(): string;
  /** Closes kept connections (SMTP); after the job system has stopped. */
  close(): void;
};

/** The SMTP connections kept open: mail servers limit how many one client may hold. */
export const smtpConnections = 4;

/** SMTP when SMTP_URL is set; otherwise real MIME files (.eml) in the outbox folder. */
export function createMailTransport(options: { smtpUrl: string | undefined; from: string; outboxDir: string }): MailTransport {
  const envelope = (message: MailMessage, messageId: string) => ({
    from: options.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${messageId}>`,
    headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
    attachments: message.attachments?.map((attachment) => ({ ...attachment })),
  });

  // Composed by composeMime where it can (a fraction of nodemailer's CPU); nodemailer does the rest.
  const raw = (message: MailMessage, messageId: string, newline: '\n' | '\r\n') =>
    composeMime(message, { from: options.from, messageId: `<${messageId}>`, date: new Date(), newline });

  if (options.smtpUrl) {
    // Connections are kept and reused: a new connection (and TLS handshake, and login) per mail
    // made a morning's confirmations slow, and mail servers limit how fast connections may come.
    // `?pool=false` (or other pool settings) in SMTP_URL still win.
    const smtp = nodemailer.createTransport({ url: options.smtpUrl, pool: true, maxConnections: smtpConnections, maxMessages: 100 });
    const sender = plainSender(options.from)?.address;
    return {
      async send(message, messageId) {
        // composeMime composes only for a plain sender: then `sender` is its address.
        const composed = raw(message, messageId, '\r\n');
        await smtp.sendMail(composed && sender ? { envelope: { from: sender, to: [message.to] }, raw: composed } : envelope(message, messageId));
      },
      describe: () => 'smtp',
      close: () => smtp.close(),
    };
  }

  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let folder: Promise<unknown> | undefined;
  return {
    async send(message, messageId) {
      const composed = raw(message, messageId, '\n') ?? ((await files.sendMail(envelope(message, messageId))).message as Buffer);
      // The folder is made once, and again after any failed write (it may have been removed).
      folder ??= fs.mkdir(options.outboxDir, { recursive: true });
      try {
        await folder;
        // Named by the message id: a retried send overwrites instead of duplicating.
        const safeId = messageId.replace(/[^A-Za-z0-9._-]/g, '_');
        const target = path.join(options.outboxDir, `${safeId}.eml`);
        const temporary = `${target}.tmp`;
        await fs.writeFile(temporary, composed);
        await fs.rename(temporary, target);
      } catch (error) {
        folder = undefined;
        throw error;
      }
    },
    describe: () => `outbox ${options.outboxDir}`,
    close: () => {},
  };
}
