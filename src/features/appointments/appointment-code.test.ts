import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashManageSecret, manageSecretMatches, newManageSecret } from './appointment-code.ts';

test('manage secrets: 256 random bits each, never repeated across refills of the random pool', () => {
  const secrets = Array.from({ length: 1000 }, () => newManageSecret());
  for (const secret of secrets) {
    assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(secret, 'base64url').length, 32);
  }
  assert.equal(new Set(secrets).size, secrets.length);
  // No two secrets share a 16-byte stretch (a slice handed out twice would).
  const halves = secrets.flatMap((s) => [
    Buffer.from(s, 'base64url').subarray(0, 16).toString('hex'),
    Buffer.from(s, 'base64url').subarray(16).toString('hex'),
  ]);
  assert.equal(new Set(halves).size, halves.length);
  assert.ok(manageSecretMatches(secrets[0]!, hashManageSecret(secrets[0]!)));
  assert.ok(!manageSecretMatches(secrets[1]!, hashManageSecret(secrets[0]!)));
});
