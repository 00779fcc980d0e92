import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { clamdMissing, eicar, startClamd } from '../../../../test/clamd.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { PortalClient } from '../../../../test/portal/portal-client.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { pdfWithText } from '../../../demo/demo-documents.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { clamdScanner } from '../../../platform/virus-scan/clamd.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { translate } from '../../../web/i18n.ts';

const skip = clamdMissing();

test('with clamd: the contact form’s and the API’s attachments are scanned; infected 422 in the visitor’s language, clamd unreachable 503, no message without its files', {
  skip,
}, async () => {
  const { db, url } = await createTestDatabase();
  const clock = fixedClock('2026-11-23T07:00:00Z');
  const folder = await temporaryFolder('lotse-message-scan-');
  const blobs = createBlobStore({ folder });
  const jobs = createTestJobs(url);
  const { socket } = await startClamd();
  const portal = { hmacKey: 'h'.repeat(40), bookingsPerIpPerHour: 100, noScriptBookingsPerIpPerHour: 100 };
  const scanned = createTestApp(db, { clock, blobs, jobs, portal, virusScanner: clamdScanner(socket) });
  const down = createTestApp(db, { clock, blobs, jobs, portal, virusScanner: clamdScanner(`${socket}.gone`) });
  const office = await createOffice(db);
  const pdf = await pdfWithText(['Arbeitsvertrag']);
  const infectedJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]), Buffer.alloc(2000, 1), Buffer.from(eicar)]);
  const sender = { name: 'Олена Коваль', dateOfBirth: '1988-03-02', email: 'olena@example.org', body: 'Надсилаю договір.' };

  const messages = async () =>
    Number(
      (
        await db
          .selectFrom('portal_message')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const attachments = async () =>
    Number(
      (
        await db
          .selectFrom('portal_message_attachment')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const staging = async () => (await fs.readdir(path.join(folder, 'tmp'), { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile());
  const nothingWritten = async (sent: number, files: number) => {
    assert.equal(await messages(), sent, 'no message row');
    assert.equal(await attachments(), files, 'no attachment row');
    assert.deepEqual(await staging(), [], 'no staged bytes left');
  };

  /** The contact form as a browser posts it: multipart, with the page's hidden fields. */
  const contact = async (target: typeof scanned, lang: string, files: { name: string; bytes: Uint8Array; type: string }[]) => {
    const client = new PortalClient(target);
    const page = await client.get(`/${lang}/contact`);
    const form = new FormData();
    for (const name of ['_csrf', 'submission']) form.append(name, new RegExp(`name="${name}" value="([^"]+)"`).exec(page.html)?.[1] ?? '');
    for (const [name, value] of Object.entries({ ...sender, location: office.locationId })) form.append(name, value);
    for (const file of files) form.append('attachments', new File([Buffer.from(file.bytes)], file.name, { type: file.type }));
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return target.request(`/${lang}/contact`, { method: 'POST', body: form, headers: { cookie, origin: 'http://localhost:3000' } });
  };
  const api = (target: typeof scanned, submissionKey: string, files: { name: string; bytes: Uint8Array; type: string }[]) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ kind: 'general', locationId: office.locationId, ...sender, language: 'uk', submissionKey }))
      form.append(name, value);
    for (const file of files) form.append('attachments', new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
    return target.request('/api/v1/messages', { method: 'POST', body: form });
  };
  const contract = { name: 'договір.pdf', bytes: pdf, type: 'application/pdf' };
  const photo = { name: 'фото.jpg', bytes: infectedJpeg, type: 'image/jpeg' };

  // Infected (beside a clean file): the form again with the reason in the visitor's language, nothing sent.
  for (const lang of ['uk', 'ar']) {
    const refused = await contact(scanned, lang, [contract, photo]);
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, new RegExp(`<html lang="${lang}"`));
    assert.ok(html.includes(translate(lang, 'portal.messages.error.attachment_infected')));
  }
  await nothingWritten(0, 0);
  const refusedApi = await api(scanned, 'virus-scan-api-0001', [contract, photo]);
  assert.equal(refusedApi.status, 422);
  assert.deepEqual(
    ((await refusedApi.json()) as { errors: { path: string; message: string }[] }).errors.map((e) => `${e.path}:${e.message}`),
    ['attachments:attachment_infected'],
  );
  await nothingWritten(0, 0);

  // Clean files pass the scan.
  const sent = await contact(scanned, 'uk', [contract]);
  assert.equal(sent.status, 303);
  assert.equal((await api(scanned, 'virus-scan-api-0002', [contract])).status, 201);
  await nothingWritten(2, 2);

  // clamd unreachable: "try again in a few minutes" (503, Retry-After), nothing sent.
  const unavailable = await contact(down, 'uk', [contract]);
  assert.equal(unavailable.status, 503);
  assert.ok(unavailable.headers.get('retry-after'));
  assert.ok((await unavailable.text()).includes(translate('uk', 'portal.messages.error.attachment_scan_unavailable')));
  const unavailableApi = await api(down, 'virus-scan-api-0003', [contract]);
  assert.equal(unavailableApi.status, 503);
  assert.equal(((await unavailableApi.json()) as { problem: string }).problem, 'scan_unavailable');
  await nothingWritten(2, 2);
});
