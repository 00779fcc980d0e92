import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { serve } from '@hono/node-server';
import { createRoute, z } from '@hono/zod-openapi';
import { createTestDatabase } from './database.ts';
import { createTestApp, json } from './app.ts';
import { AppError } from '../src/shared/app-error.ts';

const { db } = await createTestDatabase();
const sut = createTestApp(db, { bodyLimitBytes: 2048 });

// A route of the test's own, to drive validation and error paths through the real edge.
sut.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/echo',
    request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().max(20), count: z.number().int() }) } }, required: true } },
    responses: { 200: { description: 'echo', content: { 'application/json': { schema: z.object({ name: z.string() }) } } } },
  }),
  (c) => c.json({ name: c.req.valid('json').name }, 200),
);
sut.get('/api/v1/boom', () => {
  throw new Error('database password is hunter2');
});
sut.get('/api/v1/taken', () => {
  throw new AppError('slot_taken', 'That time was booked meanwhile.');
});

test('health and readiness answer', async () => {
  assert.deepEqual(await json(await sut.request('/healthz')), { status: 'ok' });
  const ready = await sut.request('/readyz');
  assert.equal(ready.status, 200);
  assert.deepEqual(await json(ready), { status: 'ready' });
});

test('an unknown API route is a 404 problem with the request id', async () => {
  const response = await sut.request('/api/v1/nothing-here');
  assert.equal(response.status, 404);
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
  const body = await json(response);
  assert.equal(body.status, 404);
  assert.equal(body.code, 'not_found');
  assert.equal(body.requestId, response.headers.get('x-request-id'));
  assert.ok(body.requestId);
});

test('invalid JSON is a 400, never a 500', async () => {
  const response = await sut.request('/api/v1/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
  assert.equal(response.status, 400);
  assert.equal((await json(response)).code, 'invalid_json');
});

test('a body that fails its schema is a 422 naming every field', async () => {
  const response = await sut.request('/api/v1/echo', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'x'.repeat(21), count: 'three' }),
  });
  assert.equal(response.status, 422);
  const body = await json(response);
  assert.equal(body.code, 'validation_failed');
  assert.deepEqual(body.errors.map((e: { path: string }) => e.path).sort(), ['count', 'name']);
});

test('a body over the limit is a 413', async () => {
  const response = await sut.request('/api/v1/echo', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'x'.repeat(5000), count: 1 }),
  });
  assert.equal(response.status, 413);
  assert.equal((await json(response)).code, 'payload_too_large');
});

test('an AppError keeps its code and status', async () => {
  const response = await sut.request('/api/v1/taken');
  assert.equal(response.status, 409);
  assert.equal((await json(response)).code, 'slot_taken');
});

test('an unexpected error is a 500 that reveals nothing', async () => {
  const response = await sut.request('/api/v1/boom');
  assert.equal(response.status, 500);
  const text = await response.text();
  assert.doesNotMatch(text, /hunter2/);
  assert.equal(JSON.parse(text).code, 'internal');
});

test('a page that does not exist is a friendly page in the reader language', async () => {
  const response = await sut.request('/no/such/page', { headers: { 'accept-language': 'ar,en;q=0.5' } });
  assert.equal(response.status, 404);
  const html = await response.text();
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /الصفحة غير موجودة/);
});

test('security headers are set', async () => {
  const response = await sut.request('/healthz');
  assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN');
});

test('the OpenAPI document is generated', async () => {
  const response = await sut.request('/api/openapi.json');
  assert.equal(response.status, 200);
  const doc = await json(response);
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/v1/echo']);
});

test('assets are served under hashed names with long caching', async () => {
  const html = await (await sut.request('/missing')).text();
  const href = /href="(\/assets\/base\.[0-9a-f]{10}\.css)"/.exec(html)?.[1];
  assert.ok(href);
  const response = await sut.request(href, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-encoding'), 'gzip');
  assert.match(response.headers.get('cache-control') ?? '', /immutable/);
  assert.equal((await sut.request('/assets/base.0000000000.css')).status, 404);
});

test('over a real socket: a stated length over the limit is a 413, a streamed (chunked) body is counted, a fitting body is read', async () => {
  const server = serve({ fetch: sut.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const post = (body: string, chunked: boolean) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const headers: Record<string, string | number> = { 'content-type': 'application/json' };
      if (!chunked) headers['content-length'] = Buffer.byteLength(body);
      const request = http.request({ host: '127.0.0.1', port, path: '/api/v1/echo', method: 'POST', headers }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
      // Two writes without a length: Node sends them chunked.
      if (chunked) request.write(body.slice(0, 10));
      request.end(chunked ? body.slice(10) : body);
    });
  const big = JSON.stringify({ name: 'x'.repeat(5000), count: 1 });
  const fitting = JSON.stringify({ name: 'Olena', count: 1 });
  for (const chunked of [false, true]) {
    const tooLarge = await post(big, chunked);
    assert.equal(tooLarge.status, 413, `chunked: ${chunked}`);
    assert.equal(JSON.parse(tooLarge.body).code, 'payload_too_large');
    const ok = await post(fitting, chunked);
    assert.equal(ok.status, 200, `chunked: ${chunked}`);
    assert.deepEqual(JSON.parse(ok.body), { name: 'Olena' });
    const malformed = await post('{"name": ', chunked);
    assert.equal(malformed.status, 400, `chunked: ${chunked}`);
  }
});
