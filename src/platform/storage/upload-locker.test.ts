import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ERRORS } from '@tus/server';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/database.ts';
import { createLogger } from '../log.ts';
import { createPostgresUploadLocker } from './upload-locker.ts';

const { db, url } = await createTestDatabase();
const logger = createLogger('silent');
const locker = (acquireTimeoutMs = 5_000) => {
  const sut = createPostgresUploadLocker({ connectionString: url, logger, acquireTimeoutMs, retryMs: 20 });
  after(() => sut.stop());
  return sut;
};
const forever = () => new AbortController().signal;

/** The server processes holding an advisory lock in this test's database. */
const lockHolders = async () =>
  (
    await sql<{ pid: number }>`
      SELECT pid FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(db)
  ).rows.map((row) => row.pid);

test('two requests of one instance for one upload: the second waits for the first (no re-entry through the shared session)', async () => {
  const sut = locker();
  const first = sut.newLock('upload-1');
  let asked = 0;
  await first.lock(forever(), () => {
    asked++;
  });
  const second = sut.newLock('upload-1');
  let secondHasIt = false;
  const waiting = second
    .lock(forever(), () => {})
    .then(() => {
      secondHasIt = true;
    });
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(secondHasIt, false);
  assert.ok(asked > 0, 'the holder was asked to let go');
  await first.unlock();
  await waiting;
  assert.equal(secondHasIt, true);
  // Another upload is not held up by either.
  const other = sut.newLock('upload-2');
  await other.lock(forever(), () => {});
  await other.unlock();
  await second.unlock();
  assert.deepEqual(await lockHolders(), [], 'nothing left locked in PostgreSQL');
});

test('two instances: the holder is asked to let go (NOTIFY); one that does not is waited for until the timeout', async () => {
  const a = locker();
  const b = locker(500);
  const held = a.newLock('upload-3');
  let asked = 0;
  await held.lock(forever(), () => {
    asked++;
  });
  await assert.rejects(
    b.newLock('upload-3').lock(forever(), () => {}),
    (error) => error === ERRORS.ERR_LOCK_TIMEOUT,
  );
  assert.ok(asked > 0, 'the other instance heard the request');
  await held.unlock();
  const next = b.newLock('upload-3');
  await next.lock(forever(), () => {});
  await next.unlock();
});

test('a request that gives up (its client went away) stops waiting at once', async () => {
  const a = locker();
  const b = locker(60_000);
  const held = a.newLock('upload-4');
  await held.lock(forever(), () => {});
  const gone = new AbortController();
  const waiting = b.newLock('upload-4').lock(gone.signal, () => {});
  gone.abort();
  await assert.rejects(waiting, (error) => error === ERRORS.ERR_LOCK_TIMEOUT);
  await held.unlock();
});

test('an instance whose connection is cut: its requests are told to stop, others get the upload, and it connects again', async () => {
  const a = locker();
  const b = locker();
  const held = a.newLock('upload-5');
  let told = false;
  await held.lock(forever(), () => {
    told = true;
  });
  const [pid] = await lockHolders();
  await sql`SELECT pg_terminate_backend(${pid})`.execute(db);
  const taken = b.newLock('upload-5');
  await taken.lock(forever(), () => {});
  // A hears of the cut when its socket closes, which may come a moment after PostgreSQL let go.
  for (let attempt = 0; attempt < 100 && !told; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(told, true);
  // Unlocking what the cut connection held neither fails nor frees B's lock.
  await held.unlock();
  assert.equal((await lockHolders()).length, 1);
  await taken.unlock();
  const again = a.newLock('upload-5');
  await again.lock(forever(), () => {});
  await again.unlock();
  assert.deepEqual(await lockHolders(), []);
});
