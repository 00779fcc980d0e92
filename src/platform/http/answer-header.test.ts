import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { setAnswerHeader } from './answer-header.ts';

test('a header set after the route changes the answer in place; an answer with fixed headers is rebuilt', async () => {
  const app = new Hono();
  const kept: boolean[] = [];
  app.use('*', async (c, next) => {
    await next();
    const answer = c.res;
    setAnswerHeader(c, 'Cache-Control', 'no-store');
    kept.push(c.res === answer);
  });
  app.get('/json', (c) => c.json({ ok: true }));
  // Response.redirect's headers are immutable: setting one throws, so the answer is rebuilt.
  app.get('/away', () => Response.redirect('http://localhost/elsewhere', 302));

  const json = await app.request('/json');
  assert.equal(json.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await json.json(), { ok: true });
  const away = await app.request('/away');
  assert.equal(away.status, 302);
  assert.equal(away.headers.get('cache-control'), 'no-store');
  assert.equal(away.headers.get('location'), 'http://localhost/elsewhere');
  assert.deepEqual(kept, [true, false], 'the JSON answer is the same object, the redirect a new one');
});
