import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameKeys } from './name-keys.ts';

test('a name is keyed without case, marks and punctuation', () => {
  assert.deepEqual(nameKeys('  Müller-Lüdenscheidt '), { normalized: 'muller ludenscheidt', skeleton: 'mlr ldnschdt' });
});

test('spellings of one name share a skeleton', () => {
  assert.equal(nameKeys('Mohammed').skeleton, nameKeys('Muhammad').skeleton);
});

test('a Persian name with a zero-width non-joiner keeps its letters', () => {
  assert.equal(nameKeys('مهر\u200cنوش').normalized, 'مهر نوش');
});
