import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { composeMime } from './compose-mime.ts';
import type { MailMessage } from './mail-message.ts';
import { createMailTransport, smtpConnections } from './mail-transport.ts';

const from = 'Ausländerbehörde Wetzlar <noreply@lotse.test>';
const ics = (method: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:${method}\r\nBEGIN:VEVENT\r\nSUMMARY:Termin: Verlängerung (تمديد)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

const messages: MailMessage[] = [
  {
    to: 'amina@example.org',
    subject: 'تم تأكيد موعدك · Ihr Termin ist bestätigt: Verlängerung des Aufenthaltstitels',
    text: 'مرحبا أمينة،\n\nموعدك يوم الثلاثاء.\n\n---\nDeutsche Zusammenfassung: Ihr Termin ist am Dienstag.',
    html: '<!doctype html><html lang="ar" dir="rtl"><body><p>موعدك يوم الثلاثاء.</p><p><a href="https://lotse.test/ar/appointment/ABC?s=x" dir="ltr">https://lotse.test/ar/appointment/ABC?s=x</a></p></body></html>',
    language: 'ar',
    attachments: [{ filename: 'termin-ABC23456.ics', content: ics('PUBLISH'), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
  },
  {
    to: 'olena.test+uk@example.org',
    subject: 'Ваш запис скасовано 😞 · Ihr Termin wurde abgesagt',
    text: 'Шановна Олено,\n'.repeat(40),
    html: `<p>${'Шановна Олено, '.repeat(60)}</p>`,
    language: 'uk',
    attachments: [{ filename: 'termin-XYZ.ics', content: ics('CANCEL'), contentType: 'text/calendar; charset=utf-8; method=CANCEL' }],
  },
  { to: 'plain@example.org', subject: 'Erinnerung: Ihr Termin morgen', text: 'Guten Tag,\nmorgen ist Ihr Termin.', html: '<p>Guten Tag</p>', language: 'de' },
  { to: 'text-only@example.org', subject: 'A subject\r\nBcc: injected@example.org', text: 'Only text, no HTML.', language: 'en' },
  { to: 'fa@example.org', subject: 'نوبت شما', text: 'سلام', language: 'fa' },
];

function addresses(value: AddressObject | AddressObject[] | undefined) {
  return [value ?? []].flat().flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));
}

function essentials(mail: ParsedMail) {
  return {
    subject: mail.subject,
    from: addresses(mail.from),
    to: addresses(mail.to),
    bcc: addresses(mail.bcc),
    messageId: mail.messageId,
    language: mail.headers.get('content-language'),
    autoSubmitted: mail.headers.get('auto-submitted'),
    text: mail.text?.trimEnd(),
    html: mail.html ? String(mail.html).trimEnd() : false,
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString('utf8') })),
  };
}

test('every message reads the same, to a real parser, as nodemailer’s composition of it', async () => {
  const reference = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  for (const [i, message] of messages.entries()) {
    const messageId = `<job-${i}@lotse.test>`;
    const composed = composeMime(message, { from, messageId, date: new Date('2026-11-21T09:30:00Z'), newline: '\r\n' });
    assert.ok(composed, message.subject);
    const ours = await simpleParser(composed);
    const theirs = await simpleParser(
      (
        await reference.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
          attachments: message.attachments?.map((a) => ({ ...a })),
        })
      ).message as Buffer,
    );
    assert.deepEqual(essentials(ours), essentials(theirs), message.subject);
    assert.equal(ours.date?.toISOString(), '2026-11-21T09:30:00.000Z');
    // No header can be smuggled in through the subject, and no line is longer than RFC 5322's 78.
    assert.deepEqual(essentials(ours).bcc, []);
    for (const line of composed.toString('utf8').split('\r\n')) assert.ok(line.length <= 78, line);
  }
});

test('what it does not cover is left to nodemailer: a sender or address that is not plain ASCII', () => {
  const message = messages[2]!;
  const envelope = { from, messageId: '<x@lotse.test>', date: new Date('2026-11-23T07:00:00Z'), newline: '\n' as const };
  assert.equal(composeMime({ ...message, to: 'jörg@beispiel.de' }, envelope), undefined);
  assert.equal(composeMime(message, { ...envelope, from: 'Amt <amt@bücher.de>' }), undefined);
  assert.ok(composeMime(message, { ...envelope, from: 'noreply@lotse.test' }));
});

test('over SMTP to a real SMTP server: envelope, headers and parts arrive as composed', async () => {
  const received: { from: string | false; to: string[]; raw: Buffer }[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : false,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  try {
    const { port } = server.server.address() as AddressInfo;
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from, outboxDir: '/nonexistent' });
    await transport.send(messages[0]!, 'job-1@lotse.test');
    await transport.send({ ...messages[2]!, to: 'jörg@beispiel.de' }, 'job-2@lotse.test');
    assert.equal(received.length, 2);
    assert.equal(received[0]!.from, 'noreply@lotse.test');
    assert.deepEqual(received[0]!.to, ['amina@example.org']);
    const parsed = await simpleParser(received[0]!.raw);
    assert.equal(parsed.subject, messages[0]!.subject);
    assert.equal(parsed.messageId, '<job-1@lotse.test>');
    assert.equal(parsed.headers.get('content-language'), 'ar');
    assert.equal(parsed.attachments[0]?.filename, 'termin-ABC23456.ics');
    assert.match(parsed.attachments[0]!.content.toString('utf8'), /METHOD:PUBLISH/);
    assert.deepEqual(addresses(parsed.from), [{ name: 'Ausländerbehörde Wetzlar', address: 'noreply@lotse.test' }]);
    // The address nodemailer composes instead still arrives.
    assert.equal((await simpleParser(received[1]!.raw)).subject, messages[2]!.subject);
    // A burst goes over a few kept connections, not one connection per mail.
    await Promise.all(Array.from({ length: 12 }, (_, i) => transport.send({ ...messages[4]!, to: `burst${i}@example.org` }, `burst-${i}@lotse.test`)));
    assert.equal(received.length, 14);
    assert.ok(connections <= smtpConnections, `${connections} connections`);
    transport.close();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
