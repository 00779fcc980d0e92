import assert from 'node:assert/strict';
import { test } from 'node:test';
import { infoPageBlocks } from './info-page-body.ts';
import { infoPageDigest, infoPageTextState } from './info-page-status.ts';

const german = { title: 'Gebühren', summary: 'Was kostet was?', body: 'Die Gebühren richten sich nach der AufenthV.' };
const made = (from: typeof german, machine = false, approvedAt: Date | null = null) => ({
  source_digest: infoPageDigest(from),
  machine_translated: machine,
  approved_at: approvedAt,
});

test('a translation is missing, outdated, unapproved (machine-translated) or current', () => {
  assert.equal(infoPageTextState(german, undefined), 'missing');
  assert.equal(infoPageTextState(german, made(german)), 'current');
  assert.equal(infoPageTextState(german, made(german, true)), 'unapproved');
  assert.equal(infoPageTextState(german, made(german, true, new Date('2026-12-01T10:00:00Z'))), 'current');
  const changed = { ...german, body: `${german.body} Ermäßigungen gibt es für Kinder.` };
  assert.equal(infoPageTextState(changed, made(german)), 'outdated');
  assert.equal(infoPageTextState(changed, made(german, true)), 'outdated', 'a translator first, then an approval');
});

test('the digest changes with each field and only with them', () => {
  assert.equal(infoPageDigest({ ...german }), infoPageDigest(german));
  assert.notEqual(infoPageDigest({ ...german, title: 'Gebühren 2026' }), infoPageDigest(german));
  assert.notEqual(infoPageDigest({ ...german, summary: '' }), infoPageDigest(german));
  // Fields do not run into each other.
  assert.notEqual(infoPageDigest({ title: 'a', summary: 'b c', body: '' }), infoPageDigest({ title: 'a b', summary: 'c', body: '' }));
});

test('the body is paragraphs and "- " lists, nothing else', () => {
  const body = 'Erster Absatz\nzweite Zeile.\n\nSie brauchen:\n- Pass\n- Foto\n\n<script>alert(1)</script>';
  assert.deepEqual(infoPageBlocks(body), [
    { kind: 'paragraph', text: 'Erster Absatz zweite Zeile.' },
    { kind: 'paragraph', text: 'Sie brauchen:' },
    { kind: 'list', items: ['Pass', 'Foto'] },
    { kind: 'paragraph', text: '<script>alert(1)</script>' },
  ]);
  assert.deepEqual(infoPageBlocks(''), []);
  assert.deepEqual(infoPageBlocks('- a\r\n- b\r\nDanach.'), [
    { kind: 'list', items: ['a', 'b'] },
    { kind: 'paragraph', text: 'Danach.' },
  ]);
});
