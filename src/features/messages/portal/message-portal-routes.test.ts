import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../../../../test/app.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { PortalClient } from '../../../../test/portal/portal-client.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { pdfWithText } from '../../../demo/demo-documents.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { openProcedure } from '../../case-files/open-procedure.ts';
import { seedStandardCatalogue } from '../../case-files/procedure-types/seed-standard-catalogue.ts';
import { documentClerk } from '../../../../test/case-document-fixtures.ts';
import { answerMessage } from '../answer-message.ts';
import { createTestJobs } from '../../../../test/app.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T07:00:00Z');
const blobs = createBlobStore({ folder: await temporaryFolder('lotse-message-routes-') });
const jobs = createTestJobs(url);
const app = createTestApp(db, { clock, blobs, jobs, portal: { hmacKey: 'h'.repeat(40) } });
const office = await createOffice(db);
const clerk = await documentClerk(db, [office.locationId]);
const types = await db.transaction().execute((trx) => seedStandardCatalogue(trx, clock.now()));
const file = await createPersonWithFile(db, { locationId: office.locationId, person: { birthDate: { year: 1990, month: 5, day: 17 } } });
const procedure = await openProcedure(
  { db, clock },
  { actor: clerk, screen: 'test', ip: undefined },
  { fileId: file.fileId, procedureTypeId: types.get('extension')! },
);
const pdf = await pdfWithText(['Arbeitsvertrag']);

/** Posts the contact form as a browser does: multipart, with the page's hidden fields. */
async function postContact(
  client: PortalClient,
  path: string,
  page: string,
  fields: Record<string, string>,
  files: { name: string; bytes: Uint8Array; type?: string }[] = [],
  target = app,
) {
  const form = new FormData();
  for (const name of ['_csrf', 'submission']) form.append(name, new RegExp(`name="${name}" value="([^"]+)"`).exec(page)?.[1] ?? '');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (files.length === 0) form.append('attachments', new File([], '', { type: 'application/octet-stream' }));
  for (const file of files) form.append('attachments', new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? 'application/octet-stream' }));
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await target.request(path, { method: 'POST', body: form, headers: { cookie, origin: 'http://localhost:3000' } });
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    client.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  }
  return { status: response.status, html: await response.text(), location: response.headers.get('location') ?? undefined };
}

const persian = { name: 'مهر\u200cنوش رحیمی', dateOfBirth: '1990-05-17', email: 'mehrnoosh@example.org', body: 'سلام، کارت اقامت من کی آماده است؟' };

test('a Persian message about a procedure: right to left, a reference, the answer behind the date of birth', async () => {
  const client = new PortalClient(app);
  const form = await client.get('/fa/contact/procedure');
  assert.equal(form.status, 200);
  assert.match(form.html, /^<!doctype html>/i);
  assert.match(form.html, /<html lang="fa" dir="rtl"/);
  assert.match(form.html, /enctype="multipart\/form-data"/);
  const sent = await postContact(client, '/fa/contact/procedure', form.html, { ...persian, procedureNumber: procedure.number }, [
    { name: 'قرارداد.pdf', bytes: pdf, type: 'application/pdf' },
  ]);
  assert.equal(sent.status, 303, sent.html);
  const reference = /\/fa\/messages\/(N-[A-Z0-9-]+)\/sent$/.exec(sent.location ?? '')?.[1];
  assert.ok(reference);
  const receipt = await client.get(sent.location!);
  assert.ok(receipt.html.includes(reference) && receipt.html.includes(`http://localhost:3000/fa/messages/${reference}`));

  // Another browser with only the link sees the date-of-birth form, not the message.
  const stranger = new PortalClient(app);
  const locked = await stranger.get(`/fa/messages/${reference}`);
  assert.ok(!locked.html.includes(persian.body));
  const wrong = await stranger.post('/fa/messages', locked.html, { reference, dateOfBirth: '1990-05-18' });
  assert.equal(wrong.status, 422);
  const unknown = await stranger.post('/fa/messages', locked.html, { reference: 'N-K7RM-93XH-QD', dateOfBirth: '1990-05-17' });
  assert.equal(unknown.status, 422);
  assert.equal(
    /<div class="error-summary"[\s\S]*?<\/div>/.exec(wrong.html)?.[0],
    /<div class="error-summary"[\s\S]*?<\/div>/.exec(unknown.html)?.[0],
    'a wrong date and an unknown reference answer alike',
  );

  const message = await db.selectFrom('portal_message').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  await answerMessage({ db, clock, blobs, jobs, publicUrl: 'http://localhost:3000' }, clerk, { messageId: message.id, body: 'کارت شما آماده است.' });
  const opened = await stranger.post('/fa/messages', locked.html, { reference: reference.toLowerCase(), dateOfBirth: '1990-05-17' });
  assert.equal(opened.status, 303);
  const page = await stranger.get(opened.location!);
  assert.ok(page.html.includes('کارت شما آماده است.') && page.html.includes(persian.body));
  const read = await db.selectFrom('portal_message_answer').select('read_at').where('message_id', '=', message.id).executeTakeFirstOrThrow();
  assert.deepEqual(read.read_at, clock.now());
});

test('bad input shows the form again with the problems in the reader language; a renamed .exe is refused', async () => {
  const client = new PortalClient(app);
  const form = await client.get('/ar/contact');
  const exe = new Uint8Array(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0x90)]));
  const before = await db.selectFrom('portal_message').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const refused = await postContact(client, '/ar/contact', form.html, { ...persian, location: office.locationId, body: ' ' }, [
    { name: 'scan.pdf', bytes: exe },
  ]);
  assert.equal(refused.status, 422);
  assert.match(refused.html, /<html lang="ar" dir="rtl"/);
  assert.ok(refused.html.includes('يرجى كتابة رسالتك.'), 'the empty text, in Arabic');
  const again = await postContact(client, '/ar/contact', refused.html, { ...persian, location: office.locationId }, [{ name: 'scan.pdf', bytes: exe }]);
  assert.equal(again.status, 422);
  assert.ok(again.html.includes('لا نقبل هذا الملف'), 'the refused file, in Arabic');
  assert.ok(again.html.includes(persian.body), 'what was written is kept');
  const after = await db.selectFrom('portal_message').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(after.n, before.n);
});

test('the same form sent twice (a double click) is one message', async () => {
  // An app of its own: its key counts this address afresh (the other tests sent without a proof of work too).
  const own = createTestApp(db, { clock, blobs, jobs, portal: { hmacKey: 'd'.repeat(40) } });
  const client = new PortalClient(own);
  const form = await client.get('/de/contact');
  const fields = { ...persian, location: office.locationId, body: 'Doppelt geklickt' };
  const [first, second] = await Promise.all([
    postContact(client, '/de/contact', form.html, fields, [], own),
    postContact(client, '/de/contact', form.html, fields, [], own),
  ]);
  assert.equal(first.status, 303);
  assert.equal(second.location, first.location);
  const rows = await db.selectFrom('portal_message').select('id').where('body', '=', 'Doppelt geklickt').execute();
  assert.equal(rows.length, 1);
});

test('1,000 wrong dates of birth from one address: rate limited after the look-up limit', async () => {
  const limited = createTestApp(db, { clock, blobs, jobs, portal: { hmacKey: 'l'.repeat(40), lookupsPerIpPerHour: 20 } });
  const client = new PortalClient(limited);
  const page = await client.get('/de/messages');
  const statuses = new Map<number, number>();
  for (let i = 0; i < 1000; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const response = await client.post('/de/messages', page.html, { reference: 'N-K7RM-93XH-QD', dateOfBirth: `1980-01-${day}` });
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(statuses), { 422: 20, 429: 980 });
});

test('the JSON API sends and reads with problem+json errors', async () => {
  const body = { kind: 'procedure', submissionKey: 'api-submission-0001', procedureNumber: procedure.number, ...persian, language: 'fa' };
  const post = (path: string, json: unknown) =>
    app.request(path, { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json' } });
  const sent = await post('/api/v1/messages', body);
  assert.equal(sent.status, 201);
  const { reference } = (await sent.json()) as { reference: string };
  const repeated = await post('/api/v1/messages', body);
  assert.equal(repeated.status, 200);
  assert.equal(((await repeated.json()) as { reference: string }).reference, reference);
  const bad = await post('/api/v1/messages', { ...body, submissionKey: 'api-submission-0002', dateOfBirth: '1990-05-18', body: '' });
  assert.equal(bad.status, 422);
  assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
  const problem = (await bad.json()) as { errors: { path: string; message: string }[] };
  assert.deepEqual(
    problem.errors.map((e) => `${e.path}:${e.message}`),
    ['body:body_empty'],
  );
  const read = await post('/api/v1/messages/open', { reference, dateOfBirth: '1990-05-17' });
  assert.equal(read.status, 200);
  const view = (await read.json()) as { body: string; answer: unknown };
  assert.equal(view.body, persian.body);
  assert.equal(view.answer, null);
  const wrong = await post('/api/v1/messages/open', { reference, dateOfBirth: '1990-05-18' });
  assert.equal(wrong.status, 404);
  const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(doc.paths['/api/v1/messages'] && doc.paths['/api/v1/messages/open']);
});

test('the API takes attachments as multipart: checked by content like the form, named when the message is read', async () => {
  const fields = { kind: 'procedure', procedureNumber: procedure.number, ...persian, language: 'fa' };
  const send = (submissionKey: string, files: { name: string; bytes: Uint8Array; type: string }[]) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...fields, submissionKey })) form.append(name, value);
    for (const file of files) form.append('attachments', new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
    return app.request('/api/v1/messages', { method: 'POST', body: form });
  };
  const sent = await send('api-multipart-0001', [{ name: 'Arbeitsvertrag.pdf', bytes: pdf, type: 'application/pdf' }]);
  assert.equal(sent.status, 201, await sent.clone().text());
  const { reference } = (await sent.json()) as { reference: string };
  const read = await app.request('/api/v1/messages/open', {
    method: 'POST',
    body: JSON.stringify({ reference, dateOfBirth: '1990-05-17' }),
    headers: { 'content-type': 'application/json' },
  });
  assert.deepEqual(((await read.json()) as { attachments: string[] }).attachments, ['Arbeitsvertrag.pdf']);

  const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
  const refused = await send('api-multipart-0002', [{ name: 'Pass.pdf', bytes: exe, type: 'application/pdf' }]);
  const asText = await app.request('/api/v1/messages', { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
  assert.equal(asText.status, 400, 'neither JSON nor multipart: told how to send it');
  assert.equal(refused.status, 422);
  const problem = (await refused.json()) as { errors: { path: string; message: string }[] };
  assert.deepEqual(
    problem.errors.map((e) => `${e.path}:${e.message}`),
    ['attachments:attachment_type'],
  );
  const empty = await send('api-multipart-0003', [{ name: 'leer.pdf', bytes: new Uint8Array(), type: 'application/pdf' }]);
  assert.equal(empty.status, 422, 'a file of 0 bytes is refused as empty');
  assert.deepEqual(
    ((await empty.json()) as { errors: { message: string }[] }).errors.map((e) => e.message),
    ['attachment_empty'],
  );
  const none = await db.selectFrom('portal_message').select('id').where('submission_key', 'in', ['api-multipart-0002', 'api-multipart-0003']).execute();
  assert.deepEqual(none, [], 'nothing written for the refused message');
});
