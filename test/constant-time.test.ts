import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../src');
const sources = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));

// Secrets (manage secrets' hashes, TOTP codes) are compared with timingSafeEqual: an early-exit
// string comparison lets an attacker learn a secret byte by byte from the answer times.
test('no secret is compared with === or !==', () => {
  const patterns = [
    /[!=]==\s*[\w.]*manage_secret_hash/,
    /manage_secret_hash\s*[!=]==/,
    /hotp\([^)]*\)\s*[!=]==/,
    /[!=]==\s*hotp\(/,
    /totpCode\([^)]*\)\s*[!=]==/,
    /[!=]==\s*totpCode\(/,
  ];
  const found = sources.flatMap(({ file, text }) =>
    text.split('\n').flatMap((line, i) => (patterns.some((p) => p.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
  assert.deepEqual(found, []);
});
