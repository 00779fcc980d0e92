import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createApp } from '../src/app.tsx';
import { createLogger } from '../src/platform/log.ts';
import { systemClock } from '../src/shared/clock.ts';
import { createTestDatabase } from './database.ts';
import { createTestJobs } from './app.ts';

const { db, url } = await createTestDatabase({ poolSize: 2 });
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
const sut = createApp({ db, jobs: createTestJobs(url), logger: createLogger('info', sink), clock: systemClock, bodyLimitBytes: 4096, publicUrl: 'http://localhost:3000' });

test('a request is logged as one JSON line with route pattern, status and request id, and no personal data', async () => {
  const response = await sut.request('/api/v1/appointments/K7Q4MZ2X?email=amina%40example.org&name=Amina', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'session=secret-cookie' },
    body: JSON.stringify({ name: 'Amina Haddad', email: 'amina@example.org', dateOfBirth: '1990-01-01' }),
  });
  const requestId = response.headers.get('x-request-id');
  await new Promise((resolve) => setImmediate(resolve));
  const line = lines.map((text) => JSON.parse(text)).find((entry) => entry.requestId === requestId);
  assert.ok(line, 'the request was logged');
  assert.equal(line.method, 'POST');
  assert.equal(line.status, 404);
  assert.equal(typeof line.ms, 'number');
  const all = lines.join('\n');
  for (const secret of ['amina', 'Amina', 'K7Q4MZ2X', 'secret-cookie', '1990-01-01']) assert.ok(!all.includes(secret), `log contains ${secret}`);
});
