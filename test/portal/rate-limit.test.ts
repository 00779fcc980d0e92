import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../database.ts';
import { hit, pruneExpired } from '../../src/features/portal/rate-limit.ts';

const { db } = await createTestDatabase();
const key = 'k'.repeat(40);

test('twenty hits at the same moment against a limit of five: exactly five pass', async () => {
  const now = new Date('2026-11-23T06:10:00Z');
  const results = await Promise.all(
    Array.from({ length: 20 }, () => hit(db, key, { bucket: 'book-ip', subject: '198.51.100.4', limit: 5, windowSeconds: 3600, now })),
  );
  assert.equal(results.filter((r) => r.allowed).length, 5);
  const other = await hit(db, key, { bucket: 'book-ip', subject: '198.51.100.5', limit: 5, windowSeconds: 3600, now });
  assert.ok(other.allowed, 'another address has its own counter');
  const nextWindow = await hit(db, key, { bucket: 'book-ip', subject: '198.51.100.4', limit: 5, windowSeconds: 3600, now: new Date('2026-11-23T07:00:00Z') });
  assert.ok(nextWindow.allowed, 'a new window starts afresh');
  const rows = await db.selectFrom('rate_limit_counter').select(['key_hash']).execute();
  assert.ok(
    rows.every((r) => !r.key_hash.includes('198.51')),
    'addresses are stored only as HMACs',
  );
  await pruneExpired(db, new Date('2026-11-23T07:30:00Z'));
  assert.equal((await db.selectFrom('rate_limit_counter').selectAll().execute()).length, 1, 'only the current window is left');
});
