import { randomBytes } from 'node:crypto';
import type { MailMessage } from './mail-message.ts';

/**
 * The MIME form of a message as Lotse writes them: text and HTML as alternatives, attachments
 * (the .ics) after them, every body base64 in UTF-8, the subject as RFC 2047 encoded words.
 * nodemailer composed the same structure through a stream per part, about 0.7 ms of CPU per mail:
 * after a burst of bookings, composing the confirmations took more CPU than the bookings
 * (docs/performance.md). Returns undefined for what this does not cover (an address or sender
 * that is not plain ASCII), which nodemailer then composes.
 */
export function composeMime(message: MailMessage, envelope: { from: string; messageId: string; date: Date; newline: '\n' | '\r\n' }): Buffer | undefined {
  const from = fromHeader(envelope.from);
  if (!from || !isPlainAddress(message.to) || !/^<[\x21-\x7e]+>$/.test(envelope.messageId) || !/^[A-Za-z0-9-]{1,35}$/.test(message.language)) return undefined;
  for (const attachment of message.attachments ?? []) {
    if (!/^[\x20-\x7e]+$/.test(attachment.filename) || /["\\]/.test(attachment.filename) || !/^[\x20-\x7e]+$/.test(attachment.contentType)) return undefined;
  }
  const nl = envelope.newline;
  const boundary = (kind: string) => `--lotse-${kind}-${randomBytes(8).toString('hex')}`;
  const lines: string[] = [
    `From: ${from}`,
    `To: ${message.to}`,
    // A line break in a subject becomes a space (as nodemailer does): a header is one line.
    `Subject: ${encodeWords(message.subject.replace(/\r?\n|\r/g, ' '), nl)}`,
    `Message-ID: ${envelope.messageId}`,
    `Date: ${rfc5322Date(envelope.date)}`,
    'MIME-Version: 1.0',
    `Content-Language: ${message.language}`,
    'Auto-Submitted: auto-generated',
  ];
  const textPart = (type: string, body: string) => [`Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(body, nl)];
  const alternatives = message.html
    ? (() => {
        const alt = boundary('alt');
        return [
          `Content-Type: multipart/alternative; boundary="${alt}"`,
          '',
          `--${alt}`,
          ...textPart('text/plain', message.text),
          `--${alt}`,
          ...textPart('text/html', message.html),
          `--${alt}--`,
        ];
      })()
    : textPart('text/plain', message.text);
  const attachments = message.attachments ?? [];
  if (attachments.length === 0) {
    lines.push(...alternatives);
  } else {
    const mixed = boundary('mixed');
    lines.push(`Content-Type: multipart/mixed; boundary="${mixed}"`, '', `--${mixed}`, ...alternatives);
    for (const attachment of attachments) {
      lines.push(
        `--${mixed}`,
        `Content-Type: ${attachment.contentType};${nl} name="${attachment.filename}"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename="${attachment.filename}"`,
        '',
        base64Lines(attachment.content, nl),
      );
    }
    lines.push(`--${mixed}--`);
  }
  return Buffer.from(lines.join(nl) + nl, 'utf8');
}

// The sender is the same for every mail of an instance: its header is made once.
let lastFrom: { from: string; header: string | undefined } | undefined;
function fromHeader(from: string): string | undefined {
  if (lastFrom?.from !== from) lastFrom = { from, header: formatFrom(from) };
  return lastFrom.header;
}

/** The name and address of `Name <address>` or a bare address; undefined unless plain ASCII. */
export function plainSender(from: string): { name: string; address: string } | undefined {
  const named = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(from);
  const address = named ? named[2]! : from.trim();
  if (!isPlainAddress(address)) return undefined;
  return { name: named?.[1]?.replace(/^"(.*)"$/, '$1') ?? '', address };
}

/** The From header: the name as encoded words when not plain. */
function formatFrom(from: string): string | undefined {
  const sender = plainSender(from);
  if (!sender) return undefined;
  const { name, address } = sender;
  if (!name) return address;
  if (/^[A-Za-z0-9 .'-]+$/.test(name)) return `"${name}" <${address}>`;
  // Folded onto one line: the sender's name is short.
  return `${encodeWords(name, ' ')} <${address}>`;
}

function isPlainAddress(address: string): boolean {
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+$/.test(address) && address.length <= 254;
}

/** RFC 2047 "B" encoded words (64 characters each), split between characters, folded. */
function encodeWords(text: string, nl: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && text.length <= 60 && !/=\?|\?=/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    // 39 bytes are 52 base64 characters: with "=?UTF-8?B?", "?=" and "Subject: " in front, the
    // first line stays within 78 characters.
    if (bytes + size > 39) {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += char;
    bytes += size;
  }
  if (chunk || words.length === 0) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(nl === ' ' ? ' ' : `${nl} `);
}

function base64Lines(body: string, nl: string): string {
  const encoded = Buffer.from(body, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(nl);
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rfc5322Date(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${weekdays[date.getUTCDay()]}, ${two(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}
