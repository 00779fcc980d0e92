import assert from 'node:assert/strict';
import { test } from 'node:test';
import LinkifyIt from 'linkify-it';
import { createTestDatabase } from '../database.ts';
import { createTestApp, createTestJobs, fixedClock } from '../app.ts';
import { createOutbox } from '../outbox.ts';
import { createTestOffice } from './office-fixture.ts';

const { db, url } = await createTestDatabase();
const office = await createTestOffice(db);
const clock = fixedClock('2026-11-23T06:00:00Z');
const jobs = createTestJobs(url);
const outbox = await createOutbox(jobs);
const app = createTestApp(db, { jobs, clock });
const linkify = new LinkifyIt();

test('a name with a web or mail address is plain text in the mail, never a link', async () => {
  const email = 'links@example.org';
  const name = 'Max https://evil.example/login www.evil.example mail@evil.example';
  const response = await app.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceId: office.serviceId,
      locationId: office.locationId,
      start: '2026-11-25T09:00:00Z',
      person: { name, dateOfBirth: '1990-03-15', email, language: 'en' },
    }),
  });
  assert.equal(response.status, 201);
  // The message as the office sends it, through Lotse's own MIME composition, read by a real parser.
  const mail = await outbox.waitForMail(email);
  const html = String(mail.html);
  const text = mail.text ?? '';
  assert.equal(text.replaceAll('\u200B', '').includes(`Hello ${name},`), true, 'the name reads as typed');
  assert.doesNotMatch(html, /<a[^>]+evil/, 'the office’s HTML links nothing of the name');
  assert.match(html, /<a href="http:\/\/localhost:3000\/en\/appointment\//, 'the office’s own link stays a link');
  // What a mail client's linkifier finds: only the office's own addresses, nothing from the name.
  for (const part of [text, html.replace(/<[^>]+>/g, ' ')]) {
    const found = (linkify.match(part) ?? []).map((m) => m.url);
    assert.ok(found.length > 0, 'the office’s link is still found');
    assert.deepEqual(
      found.filter((u) => /evil/.test(u)),
      [],
      `no link from the name: ${found.join(' ')}`,
    );
  }
  assert.doesNotMatch(String(mail.textAsHtml), /href="[^"]*evil/, 'mailparser’s own linkifier finds none either');
});
