import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkInWindow } from './check-in-window.ts';
import { chooseQueue, surnameInitial, surnameOf } from './routing.ts';

const front = { specialtyId: 'front', routingRule: null, sortOrder: 1 };
const backAK = { specialtyId: 'back-a-k', routingRule: { kind: 'surname', from: 'A', to: 'K' }, sortOrder: 2 };
const backLZ = { specialtyId: 'back-l-z', routingRule: { kind: 'surname', from: 'L', to: 'Z' }, sortOrder: 3 };
const ukraine = { specialtyId: 'ua', routingRule: { kind: 'nationality', countries: ['UA'] }, sortOrder: 4 };

test('surname letters route to the matching back office; accents are folded', () => {
  assert.equal(chooseQueue([backAK, backLZ], { surname: 'Özdemir' }), 'back-l-z');
  assert.equal(chooseQueue([backAK, backLZ], { surname: 'Ahmadi' }), 'back-a-k');
  assert.equal(chooseQueue([backAK, backLZ], { surname: 'Łukaszewicz' }), 'back-l-z');
  assert.equal(surnameInitial('Édouard'), 'E');
  assert.equal(surnameInitial('محمد'), null);
  assert.equal(surnameOf('  Olena  Kovalenko '), 'Kovalenko');
});

test('nationality rules, then an open queue, then the first when nothing can be decided', () => {
  assert.equal(chooseQueue([front, ukraine], { nationality: 'ua' }), 'ua');
  assert.equal(chooseQueue([front, ukraine], { nationality: 'SY' }), 'front');
  assert.equal(chooseQueue([ukraine, backAK], {}), 'back-a-k', 'nothing decidable: the first by sort order');
  assert.equal(chooseQueue([backLZ, ukraine], { surname: 'محمد' }), 'back-l-z');
  assert.equal(chooseQueue([], {}), null);
});

test('the check-in window: 30 minutes before to 15 after by default, edges included', () => {
  const startsAt = new Date('2026-03-29T08:00:00Z');
  const settings = { checkInOpensMinutes: 30, checkInClosesMinutes: 15 };
  assert.equal(checkInWindow(startsAt, new Date('2026-03-29T07:30:00Z'), settings).ok, true);
  assert.equal(checkInWindow(startsAt, new Date('2026-03-29T08:15:00Z'), settings).ok, true);
  const early = checkInWindow(startsAt, new Date('2026-03-29T07:29:59Z'), settings);
  assert.equal(early.ok ? 'ok' : early.reason, 'too_early');
  const late = checkInWindow(startsAt, new Date('2026-03-29T08:15:01Z'), settings);
  assert.equal(late.ok ? 'ok' : late.reason, 'too_late');
});
