import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceDigest, translationState } from './translation-status.ts';

const german = { name: 'Übertrag', description: 'eAT auf neuen Pass', audience: '', required_documents: ['Pass', 'eAT'], fee_note: '' };

test('a translation is missing, current or outdated against the German source', () => {
  assert.equal(translationState(german, undefined), 'missing');
  assert.equal(translationState(german, { source_digest: sourceDigest(german) }), 'current');
  assert.equal(translationState({ ...german, required_documents: ['Pass', 'eAT', 'Foto'] }, { source_digest: sourceDigest(german) }), 'outdated');
});

test('saving the German text unchanged does not make translations outdated', () => {
  const sameAgain = { ...german, required_documents: [...german.required_documents] };
  assert.equal(sourceDigest(sameAgain), sourceDigest(german));
  assert.notEqual(sourceDigest({ ...german, name: 'Übertrag eAT' }), sourceDigest(german));
});
