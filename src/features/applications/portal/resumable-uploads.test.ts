import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { createApplicationOffice } from '../../../../test/application-fixtures.ts';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { clamdMissing, eicar, startClamd } from '../../../../test/clamd.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { PortalClient } from '../../../../test/portal/portal-client.ts';
import { until } from '../../../../test/until.ts';
import { sql } from 'kysely';
import { pdfWithText } from '../../../demo/demo-documents.ts';
import { createLogger } from '../../../platform/log.ts';
import { createPostgresUploadLocker } from '../../../platform/storage/upload-locker.ts';
import { clamdScanner } from '../../../platform/virus-scan/clamd.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { translate } from '../../../web/i18n.ts';
import { abandonedAfterMs } from './resumable-uploads.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const office = await createApplicationOffice(db, clock);
const jobs = createTestJobs(url);
const publicUrl = 'http://localhost';
const app = createTestApp(db, { clock, blobs: office.blobs, jobs, publicUrl });
const partialFolder = path.join(office.blobs.temporaryFolder, 'resumable');
type App = typeof app;

const decode = (html: string) => html.replace(/&amp;/g, '&');
const uk = (key: string, values?: Record<string, number>) => translate('uk', key, values);
const partials = async () => (await fs.readdir(partialFolder).catch(() => [] as string[])).filter((name) => !name.endsWith('.json'));
/** The partial files that appeared since `before` (other tests leave theirs on purpose). */
const newPartials = async (before: string[]) => (await partials()).filter((name) => !before.includes(name));

/** A started § 24 application in Ukrainian: its address, cookies and the tus address of the passport field. */
async function started(client = new PortalClient(app)) {
  const partialsBefore = await partials();
  const start = await client.get('/uk/apply/temporary-protection');
  const created = await client.post('/uk/apply/temporary-protection', start.html, { email: '' });
  const base = created.location!.replace(/\/1$/, '');
  const page = await client.get(`${base}/4`);
  assert.equal(page.status, 200);
  const endpoint = decode(/data-tus="([^"]+)"/.exec(page.html)?.[1] ?? '');
  assert.match(endpoint, /\/tus\/passport\?_csrf=/);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return { client, base, endpoint, cookie, token: base.split('/').pop()!, partialsBefore };
}

function tus(target: App, address: string, method: string, cookie: string, headers: Record<string, string> = {}, body?: Uint8Array) {
  return target.request(address, {
    method,
    headers: { 'tus-resumable': '1.0.0', origin: publicUrl, cookie, ...headers },
    ...(body ? { body: Uint8Array.from(body) } : {}),
  });
}

const metadata = (fileName: string, type: string) => `filename ${Buffer.from(fileName).toString('base64')},filetype ${Buffer.from(type).toString('base64')}`;

/** Creates an upload and sends its bytes in the pieces given; returns the last answer. */
async function upload(target: App, at: Awaited<ReturnType<typeof started>>, bytes: Uint8Array, pieces = 2, fileName = 'pass.pdf', type = 'application/pdf') {
  const created = await tus(target, at.endpoint, 'POST', at.cookie, { 'upload-length': String(bytes.length), 'upload-metadata': metadata(fileName, type) });
  assert.equal(created.status, 201, await created.clone().text());
  const location = created.headers.get('location')!;
  let offset = 0;
  let last: Response = created;
  const size = Math.ceil(bytes.length / pieces);
  while (offset < bytes.length) {
    const piece = bytes.subarray(offset, offset + size);
    last = await tus(target, location, 'PATCH', at.cookie, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, piece);
    if (last.status !== 204) return { response: last, location };
    offset += piece.length;
  }
  return { response: last, location };
}

const uploadsOf = (token: string) =>
  db
    .selectFrom('application_upload')
    .innerJoin('application', 'application.id', 'application_upload.application_id')
    .select(['application_upload.file_name', 'application_upload.blob_sha256', 'application_upload.size', 'application_upload.page_count'])
    .where('application.token_hash', '=', createHash('sha256').update(token).digest('hex'))
    .execute();

test('a resumable upload in pieces: the server reports how far it got, the finished file is attached once and its partial file removed', async () => {
  const at = await started();
  const passport = await pdfWithText(['Паспорт громадянина України']);
  const created = await tus(app, at.endpoint, 'POST', at.cookie, {
    'upload-length': String(passport.length),
    'upload-metadata': metadata('паспорт.pdf', 'application/pdf'),
  });
  assert.equal(created.status, 201);
  const location = created.headers.get('location')!;
  assert.ok(location.startsWith(`${at.base}/tus/passport/`), location);
  const half = Math.floor(passport.length / 2);
  const first = await tus(
    app,
    location,
    'PATCH',
    at.cookie,
    { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    passport.subarray(0, half),
  );
  assert.equal(first.status, 204);
  // The connection broke here: the client asks where to go on.
  const head = await tus(app, location, 'HEAD', at.cookie);
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('upload-offset'), String(half));
  assert.deepEqual(await uploadsOf(at.token), [], 'nothing attached before the last byte');
  // A piece sent again from an offset the server is past is refused, not stored twice.
  const again = await tus(
    app,
    location,
    'PATCH',
    at.cookie,
    { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    passport.subarray(0, half),
  );
  assert.equal(again.status, 409);
  const rest = await tus(
    app,
    location,
    'PATCH',
    at.cookie,
    { 'upload-offset': String(half), 'content-type': 'application/offset+octet-stream' },
    passport.subarray(half),
  );
  assert.equal(rest.status, 204, await rest.clone().text());
  const rows = await uploadsOf(at.token);
  assert.deepEqual(rows, [
    { file_name: 'паспорт.pdf', blob_sha256: createHash('sha256').update(passport).digest('hex'), size: passport.length, page_count: 1 },
  ]);
  assert.deepEqual(await newPartials(at.partialsBefore), [], 'the partial file is gone');
  assert.equal((await tus(app, location, 'HEAD', at.cookie)).status, 404);
  // The step page lists it like a plain form's upload.
  assert.match((await at.client.get(`${at.base}/4`)).html, /паспорт\.pdf/);
});

test('the same piece sent twice at once (a second tab, a retry racing the first): the file is attached once and intact', async () => {
  const at = await started();
  const passport = await pdfWithText(['Паспорт громадянина України', 'двічі']);
  const created = await tus(app, at.endpoint, 'POST', at.cookie, {
    'upload-length': String(passport.length),
    'upload-metadata': metadata('pass.pdf', 'application/pdf'),
  });
  const location = created.headers.get('location')!;
  const patch = (offset: number) =>
    tus(app, location, 'PATCH', at.cookie, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, passport.subarray(offset));
  const answers = await Promise.all([patch(0), patch(0)]);
  // tus hands the lock to the newer request: one may be cut short, the other may find the offset moved (409),
  // or, when the first one finished the file (attached, its partial removed) before the second was read, no upload left (404).
  const statuses = answers.map((answer) => answer.status);
  for (const status of statuses) assert.ok([204, 409, 423, 404].includes(status), `no error of ours: ${statuses}`);
  assert.ok(statuses.includes(204), `one of them got its bytes in: ${statuses}`);
  const head = await tus(app, location, 'HEAD', at.cookie);
  if (head.status === 200) {
    const offset = Number(head.headers.get('upload-offset'));
    assert.equal((await patch(offset)).status, 204);
  }
  const rows = await uploadsOf(at.token);
  assert.equal(rows.length, 1, JSON.stringify(answers.map((a) => a.status)));
  assert.equal(rows[0]?.blob_sha256, createHash('sha256').update(passport).digest('hex'));
  assert.deepEqual(await newPartials(at.partialsBefore), []);
});

test('refused at creation: an Upload-Length over the field’s limit, an application already submitted, a field that takes no files, no CSRF token', async () => {
  const at = await started();
  const tooLarge = await tus(app, at.endpoint, 'POST', at.cookie, { 'upload-length': String(11 * 1024 * 1024) });
  assert.equal(tooLarge.status, 413);
  assert.equal(await tooLarge.text(), uk('apply.upload.too_large', { max: 10 }));
  const notAFile = await tus(app, at.endpoint.replace('/tus/passport', '/tus/family_name'), 'POST', at.cookie, { 'upload-length': '10' });
  assert.equal(notAFile.status, 400);
  const noToken = await tus(app, at.endpoint.replace(/\?_csrf=.*/, ''), 'POST', at.cookie, { 'upload-length': '10' });
  assert.equal(noToken.status, 403);
  const unknown = await tus(app, at.endpoint.replace(at.token, 'x'.repeat(43)), 'POST', at.cookie, { 'upload-length': '10' });
  assert.equal(unknown.status, 404);
  assert.deepEqual(await newPartials(at.partialsBefore), []);
  await db
    .updateTable('application')
    .set({ state: 'submitted', submitted_at: clock.now(), person_match: 'new' })
    .where('token_hash', '=', createHash('sha256').update(at.token).digest('hex'))
    .execute();
  const submitted = await tus(app, at.endpoint, 'POST', at.cookie, { 'upload-length': '10' });
  assert.equal(submitted.status, 409);
  assert.equal(await submitted.text(), uk('apply.upload.submitted'));
});

test('an upload is continued only at the address of the application and field it was started for', async () => {
  const mine = await started();
  const other = await started();
  const created = await tus(app, mine.endpoint, 'POST', mine.cookie, { 'upload-length': '100' });
  const id = created.headers.get('location')!.split('/').pop()!;
  assert.equal((await tus(app, `${other.base}/tus/passport/${id}`, 'HEAD', other.cookie)).status, 404);
  assert.equal((await tus(app, `${mine.base}/tus/residence_proof/${id}`, 'HEAD', mine.cookie)).status, 404);
  assert.equal((await tus(app, `${mine.base}/tus/passport/${id}`, 'HEAD', mine.cookie)).status, 200);
  // The bytes of an upload are never served back.
  assert.equal((await app.request(`${mine.base}/tus/passport/${id}`)).status, 405);
});

test('the finished file goes through the plain form’s checks: a PDF with JavaScript is refused in the visitor’s language, nothing kept', async () => {
  const at = await started();
  const scripted = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  const { response } = await upload(app, at, scripted);
  assert.equal(response.status, 422);
  assert.equal(await response.text(), uk('apply.upload.pdf_script'));
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(400)]);
  const renamed = await upload(app, at, exe, 1, 'pass.pdf');
  assert.equal(renamed.response.status, 422);
  assert.equal(await renamed.response.text(), uk('apply.upload.wrong_kind'));
  assert.deepEqual(await uploadsOf(at.token), []);
  assert.deepEqual(await newPartials(at.partialsBefore), []);
});

test('partial uploads nobody continues are removed a day later (by the injected clock)', async () => {
  const at = await started();
  const left = await tus(app, at.endpoint, 'POST', at.cookie, { 'upload-length': '1000' });
  const leftId = left.headers.get('location')!.split('/').pop()!;
  assert.ok((await partials()).includes(leftId));
  clock.advance(abandonedAfterMs - 60_000);
  await tus(app, at.endpoint, 'POST', at.cookie, { 'upload-length': '1000' });
  assert.ok((await partials()).includes(leftId), 'not yet a day old');
  clock.advance(120_000);
  const next = await tus(app, at.endpoint, 'POST', at.cookie, { 'upload-length': '1000' });
  assert.equal(next.status, 201);
  assert.ok(!(await partials()).includes(leftId), 'the abandoned one is gone');
  assert.equal((await tus(app, `${at.base}/tus/passport/${leftId}`, 'HEAD', at.cookie)).status, 404);
});

// Two instances behind a load balancer without sticky sessions: their own tus servers and
// lockers, one database, one blob folder.
const lockerA = createPostgresUploadLocker({ connectionString: url, logger: createLogger('silent') });
const lockerB = createPostgresUploadLocker({ connectionString: url, logger: createLogger('silent') });
after(async () => {
  await lockerA.stop();
  await lockerB.stop();
});
const instanceA = createTestApp(db, { clock, blobs: office.blobs, jobs, publicUrl, uploadLocker: lockerA });
const instanceB = createTestApp(db, { clock, blobs: office.blobs, jobs, publicUrl, uploadLocker: lockerB });
const pieceHeaders = (offset: number) => ({ 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' });

/** A PATCH whose client sends `head` and then goes silent (a half-open connection) until `cut`. */
function stalledPatch(target: App, location: string, cookie: string, head: Uint8Array) {
  let cut: () => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(Uint8Array.from(head));
      cut = () => controller.error(new Error('connection lost'));
    },
  });
  const answer = target.request(location, {
    method: 'PATCH',
    headers: { 'tus-resumable': '1.0.0', origin: publicUrl, cookie, ...pieceHeaders(0) },
    body,
    duplex: 'half',
  } as RequestInit);
  return { answer, cut: () => cut() };
}

/** Waits until the partial file on the shared folder holds `size` bytes. */
const partialReaches = (id: string, size: number) =>
  until(`the partial file holds ${size} bytes`, async () => (await fs.stat(path.join(partialFolder, id)).catch(() => undefined))?.size === size);

test('two instances: an upload started on A and cut off is continued on B (HEAD, PATCH) and attached once, intact', async () => {
  const at = await started(new PortalClient(instanceA));
  const passport = await pdfWithText(['Паспорт громадянина України, два сервери']);
  const created = await tus(instanceA, at.endpoint, 'POST', at.cookie, {
    'upload-length': String(passport.length),
    'upload-metadata': metadata('паспорт.pdf', 'application/pdf'),
  });
  assert.equal(created.status, 201);
  const location = created.headers.get('location')!;
  const id = location.split('/').pop()!;
  const part = Math.floor(passport.length / 3);
  const onA = stalledPatch(instanceA, location, at.cookie, passport.subarray(0, part));
  await partialReaches(id, part);
  onA.cut();
  assert.equal((await onA.answer).status, 423);
  // The load balancer sends the retry to B: it finds the bytes A received and takes the rest.
  const head = await tus(instanceB, location, 'HEAD', at.cookie);
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('upload-offset'), String(part));
  const rest = await tus(instanceB, location, 'PATCH', at.cookie, pieceHeaders(part), passport.subarray(part));
  assert.equal(rest.status, 204, await rest.clone().text());
  assert.deepEqual(await uploadsOf(at.token), [
    { file_name: 'паспорт.pdf', blob_sha256: createHash('sha256').update(passport).digest('hex'), size: passport.length, page_count: 1 },
  ]);
  assert.deepEqual(await newPartials(at.partialsBefore), []);
  // The last piece sent again to A after the file was handed over: nothing attached twice.
  const late = await tus(instanceA, location, 'PATCH', at.cookie, pieceHeaders(part), passport.subarray(part));
  assert.equal(late.status, 404);
  assert.equal((await uploadsOf(at.token)).length, 1);
});

test('two instances: the same piece sent to A and B at the same moment is written once; the other answer is a 4xx', async () => {
  const at = await started(new PortalClient(instanceA));
  const passport = await pdfWithText(['Паспорт громадянина України', 'одночасно']);
  const created = await tus(instanceA, at.endpoint, 'POST', at.cookie, {
    'upload-length': String(passport.length),
    'upload-metadata': metadata('pass.pdf', 'application/pdf'),
  });
  const location = created.headers.get('location')!;
  const answers = await Promise.all([instanceA, instanceB].map((target) => tus(target, location, 'PATCH', at.cookie, pieceHeaders(0), passport)));
  const statuses = answers.map((answer) => answer.status).sort();
  assert.equal(statuses.filter((status) => status === 204).length, 1, `one wins: ${statuses}`);
  const loser = answers.find((answer) => answer.status !== 204)!;
  // The loser found the offset moved (409) or the file already handed over (404).
  assert.ok([404, 409].includes(loser.status), `${statuses}`);
  if (loser.status === 409) assert.equal(await loser.text(), uk('error.conflict.text'));
  const rows = await uploadsOf(at.token);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.blob_sha256, createHash('sha256').update(passport).digest('hex'));
  assert.deepEqual(await newPartials(at.partialsBefore), []);
});

test('two instances: a request on B asks A to let go of an upload whose client went silent; A stops, nothing is written twice', async () => {
  const at = await started(new PortalClient(instanceA));
  const passport = await pdfWithText(['Паспорт громадянина України', 'мовчання']);
  const created = await tus(instanceA, at.endpoint, 'POST', at.cookie, {
    'upload-length': String(passport.length),
    'upload-metadata': metadata('pass.pdf', 'application/pdf'),
  });
  const location = created.headers.get('location')!;
  const id = location.split('/').pop()!;
  const half = Math.floor(passport.length / 2);
  const onA = stalledPatch(instanceA, location, at.cookie, passport.subarray(0, half));
  await partialReaches(id, half);
  // The client retries through B from the start: B asks A (NOTIFY), A ends its request keeping
  // what it received (and says so), B finds the offset moved.
  const retry = await tus(instanceB, location, 'PATCH', at.cookie, pieceHeaders(0), passport);
  const stopped = await onA.answer;
  assert.equal(stopped.status, 204);
  assert.equal(stopped.headers.get('upload-offset'), String(half));
  assert.equal(stopped.headers.get('connection'), 'close');
  assert.equal(retry.status, 409);
  const head = await tus(instanceB, location, 'HEAD', at.cookie);
  assert.equal(head.headers.get('upload-offset'), String(half));
  assert.equal((await tus(instanceB, location, 'PATCH', at.cookie, pieceHeaders(half), passport.subarray(half))).status, 204);
  const rows = await uploadsOf(at.token);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.blob_sha256, createHash('sha256').update(passport).digest('hex'));
  onA.cut();
});

test('two instances: a lock held by an instance that crashed (its connection gone) does not block the upload', async () => {
  const at = await started(new PortalClient(instanceA));
  const created = await tus(instanceA, at.endpoint, 'POST', at.cookie, { 'upload-length': '1000' });
  const location = created.headers.get('location')!;
  const id = location.split('/').pop()!;
  // A hung instance: it holds the upload and never answers a request to let go.
  const hung = createPostgresUploadLocker({ connectionString: url, logger: createLogger('silent') });
  after(() => hung.stop());
  await hung.newLock(id).lock(new AbortController().signal, () => {});
  const head = Promise.resolve(tus(instanceB, location, 'HEAD', at.cookie));
  const waiting = await Promise.race([head.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 1000))]);
  assert.equal(waiting, 'waiting', 'B waits while the lock is held');
  // The instance dies: PostgreSQL ends its session and lets go of its locks.
  const holders = await sql<{ pid: number }>`
    SELECT pid FROM pg_locks
    WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(db);
  assert.equal(holders.rows.length, 1);
  await sql`SELECT pg_terminate_backend(${holders.rows[0]!.pid})`.execute(db);
  const answer = await head;
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('upload-offset'), '0');
});

const skip = clamdMissing();

test('with clamd: an infected file is refused (plain form and tus) in the visitor’s language; clamd down refuses with 503, never accepts unscanned', {
  skip,
}, async () => {
  const { socket } = await startClamd();
  const scanned = createTestApp(db, { clock, blobs: office.blobs, jobs, publicUrl, virusScanner: clamdScanner(socket) });
  const at = await started(new PortalClient(scanned));
  const infectedJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]), Buffer.alloc(2000, 1), Buffer.from(eicar)]);
  // The plain form: back to the step with the message.
  const csrf = decode(at.endpoint).split('_csrf=')[1]!;
  const plain = async (target: App, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([Uint8Array.from(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
    const response = await target.request(`${at.base}/upload/passport?_csrf=${csrf}&step=4`, {
      method: 'POST',
      body: form,
      headers: { cookie: at.cookie, origin: publicUrl },
    });
    assert.equal(response.status, 303);
    return target.request(response.headers.get('location')!, { headers: { cookie: at.cookie } });
  };
  const refused = await plain(scanned, infectedJpeg);
  assert.equal(refused.status, 422);
  assert.ok((await refused.text()).includes(uk('apply.upload.infected')));
  const viaTus = await upload(scanned, at, infectedJpeg, 2, 'photo.jpg', 'image/jpeg');
  assert.equal(viaTus.response.status, 422);
  assert.equal(await viaTus.response.text(), uk('apply.upload.infected'));
  assert.deepEqual(await uploadsOf(at.token), []);
  // A clean file passes the scan.
  const passport = await pdfWithText(['Паспорт']);
  assert.equal((await upload(scanned, at, passport)).response.status, 204);
  assert.equal((await uploadsOf(at.token)).length, 1);
  // clamd unreachable: "try again later", nothing accepted.
  const down = createTestApp(db, { clock, blobs: office.blobs, jobs, publicUrl, virusScanner: clamdScanner(`${socket}.gone`) });
  const unavailable = await plain(down, passport);
  assert.equal(unavailable.status, 503);
  assert.ok(unavailable.headers.get('retry-after'));
  assert.ok((await unavailable.text()).includes(uk('apply.upload.scan_unavailable')));
  const tusDown = await upload(down, at, passport, 1);
  assert.equal(tusDown.response.status, 503);
  assert.equal(await tusDown.response.text(), uk('apply.upload.scan_unavailable'));
  assert.equal((await uploadsOf(at.token)).length, 1, 'nothing accepted unscanned');
  assert.deepEqual(await newPartials(at.partialsBefore), []);
});
