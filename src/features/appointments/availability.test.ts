import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { parseBookingStart, safeInstant } from './book-appointment.ts';
import { addDays, bookingWindow, checkSlot, freeStartsByDay, localDateOf, mergeIntervals, type AvailabilityInput, type ClerkSchedule } from './availability.ts';

const zone = 'Europe/Berlin';
const at = (iso: string) => new Date(iso).getTime();

function weekdays(starts: string, ends: string) {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts, ends, validFrom: null, validUntil: null }));
}

function clerk(staffId: string, overrides: Partial<ClerkSchedule> = {}): ClerkSchedule {
  return { staffId, weekly: weekdays('08:00', '10:00'), overrides: [], busy: [], ...overrides };
}

function input(overrides: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    timeZone: zone,
    rules: { durationMinutes: 30, slotMinutes: 30, minLeadMinutes: 0, maxDaysAhead: 60, sameDayRelease: null, requiresResource: false },
    from: '2026-12-01',
    to: '2026-12-01',
    now: at('2026-11-30T12:00:00Z'),
    channel: 'online',
    clerks: [clerk('a')],
    resources: [],
    ...overrides,
  };
}

const startsOf = (i: AvailabilityInput) => freeStartsByDay(i).flatMap((d) => d.starts);

describe('availability', () => {
  test('a clerk’s hours on the slot grid, in local time with offset', () => {
    assert.deepEqual(startsOf(input()), ['2026-12-01T08:00:00+01:00', '2026-12-01T08:30:00+01:00', '2026-12-01T09:00:00+01:00', '2026-12-01T09:30:00+01:00']);
  });

  test('a slot must fit entirely into the hours: 45-minute service on a 15-minute grid', () => {
    const i = input({ rules: { ...input().rules, durationMinutes: 45, slotMinutes: 15 } });
    assert.deepEqual(
      startsOf(i),
      ['08:00', '08:15', '08:30', '08:45', '09:00', '09:15'].map((t) => `2026-12-01T${t}:00+01:00`),
    );
  });

  test('appointments and absences are subtracted; another clerk’s free time still counts', () => {
    const busyA = [
      { start: at('2026-12-01T07:00:00Z'), end: at('2026-12-01T07:30:00Z') }, // 08:00–08:30 local, booked
      { start: at('2026-12-01T08:10:00Z'), end: at('2026-12-01T09:00:00Z') }, // absence 09:10–10:00
    ];
    const onlyA = startsOf(input({ clerks: [clerk('a', { busy: busyA })] }));
    assert.deepEqual(onlyA, ['2026-12-01T08:30:00+01:00']);
    const withB = startsOf(input({ clerks: [clerk('a', { busy: busyA }), clerk('b', { weekly: weekdays('09:00', '09:30') })] }));
    assert.deepEqual(withB, ['2026-12-01T08:30:00+01:00', '2026-12-01T09:00:00+01:00']);
  });

  test('a dated override replaces the template that day only', () => {
    const i = input({
      to: '2026-12-02',
      clerks: [clerk('a', { overrides: [{ day: '2026-12-01', starts: '14:00', ends: '15:00' }] })],
    });
    const days = freeStartsByDay(i);
    assert.deepEqual(days[0]!.starts, ['2026-12-01T14:00:00+01:00', '2026-12-01T14:30:00+01:00']);
    assert.equal(days[1]!.starts.length, 4);
  });

  test('template rows honour their validity dates', () => {
    const i = input({ clerks: [clerk('a', { weekly: [{ weekday: 2, starts: '08:00', ends: '09:00', validFrom: '2026-12-02', validUntil: null }] })] });
    assert.deepEqual(startsOf(i), []);
  });

  test('minimum lead time hides starts that are too soon', () => {
    const i = input({ from: '2026-11-30', to: '2026-11-30', now: at('2026-11-30T07:05:00Z'), rules: { ...input().rules, minLeadMinutes: 60 } });
    // 08:05 local now, +60 min → first start at 09:30 (09:05 rounded up to the grid).
    assert.deepEqual(startsOf(i), ['2026-11-30T09:30:00+01:00']);
  });

  test('same-day release: online sees today only after the release time, staff always', () => {
    const rules = { ...input().rules, sameDayRelease: '07:00' };
    const early = input({ from: '2026-11-30', to: '2026-11-30', now: at('2026-11-30T05:59:00Z'), rules }); // 06:59 local
    assert.deepEqual(startsOf(early), []);
    assert.equal(startsOf({ ...early, channel: 'staff' }).length, 4);
    const released = { ...early, now: at('2026-11-30T06:00:00Z') }; // 07:00 local
    assert.equal(startsOf(released).length, 4);
    // Tomorrow is not affected by the release time.
    assert.equal(startsOf({ ...early, from: '2026-12-01', to: '2026-12-01' }).length, 4);
  });

  test('the booking window ends max days ahead for online callers', () => {
    const rules = { ...input().rules, maxDaysAhead: 1 };
    const days = freeStartsByDay(input({ from: '2026-11-30', to: '2026-12-02', now: at('2026-11-30T05:00:00Z'), rules }));
    assert.deepEqual(
      days.map((d) => d.starts.length),
      [4, 4, 0],
    );
    const staff = freeStartsByDay(input({ from: '2026-11-30', to: '2026-12-02', now: at('2026-11-30T05:00:00Z'), rules, channel: 'staff' }));
    assert.deepEqual(
      staff.map((d) => d.starts.length),
      [4, 4, 4],
    );
  });

  test('past starts are never offered, even to staff', () => {
    const i = input({ from: '2026-12-01', channel: 'staff', now: at('2026-12-01T08:15:00Z') }); // 09:15 local
    assert.deepEqual(startsOf(i), ['2026-12-01T09:30:00+01:00']);
  });

  test('a service needing a resource is offered only when a resource is free too', () => {
    const rules = { ...input().rules, requiresResource: true };
    const resourceBusy = [{ start: at('2026-12-01T07:00:00Z'), end: at('2026-12-01T08:30:00Z') }]; // 08:00–09:30 local
    assert.deepEqual(startsOf(input({ rules, resources: [] })), []);
    assert.deepEqual(startsOf(input({ rules, resources: [{ resourceId: 'r1', busy: resourceBusy }] })), ['2026-12-01T09:30:00+01:00']);
    const two = input({
      rules,
      resources: [
        { resourceId: 'r1', busy: resourceBusy },
        { resourceId: 'r2', busy: [] },
      ],
    });
    assert.equal(startsOf(two).length, 4);
  });

  test('two clerks free at the same time give one start, not two', () => {
    assert.equal(startsOf(input({ clerks: [clerk('a'), clerk('b')] })).length, 4);
  });
});

describe('availability across DST in Europe/Berlin', () => {
  const night = weekdays('00:00', '06:00');
  const rules = { durationMinutes: 30, slotMinutes: 30, minLeadMinutes: 0, maxDaysAhead: 60, sameDayRelease: null, requiresResource: false };

  test('last Sunday of March: no start at a non-existent local time, none missing', () => {
    const starts = startsOf(input({ from: '2027-03-28', to: '2027-03-28', now: at('2027-03-01T00:00:00Z'), rules, clerks: [clerk('a', { weekly: night })] }));
    // 00:00–06:00 local is 5 real hours that day: 02:00–03:00 does not exist.
    assert.equal(starts.length, 10);
    assert.equal(new Set(starts).size, starts.length);
    assert.ok(!starts.some((s) => s.startsWith('2027-03-28T02:')), 'no 02:xx local time');
    assert.deepEqual(starts.slice(3, 6), ['2027-03-28T01:30:00+01:00', '2027-03-28T03:00:00+02:00', '2027-03-28T03:30:00+02:00']);
    // Every start is a real, distinct instant on the grid.
    const instants = starts.map((s) => new Date(s).getTime());
    for (let i = 1; i < instants.length; i++) assert.equal(instants[i]! - instants[i - 1]!, 30 * 60_000);
  });

  test('last Sunday of October: the repeated hour is offered twice with distinct offsets, nothing duplicated', () => {
    const starts = startsOf(input({ from: '2026-10-25', to: '2026-10-25', now: at('2026-10-01T00:00:00Z'), rules, clerks: [clerk('a', { weekly: night })] }));
    // 00:00–06:00 local is 7 real hours that day.
    assert.equal(starts.length, 14);
    assert.equal(new Set(starts.map((s) => new Date(s).getTime())).size, 14);
    assert.deepEqual(starts.slice(4, 8), ['2026-10-25T02:00:00+02:00', '2026-10-25T02:30:00+02:00', '2026-10-25T02:00:00+01:00', '2026-10-25T02:30:00+01:00']);
  });

  test('ordinary office hours on DST Sundays and the weeks around them keep their local times', () => {
    for (const [from, to] of [
      ['2027-03-26', '2027-03-29'],
      ['2026-10-23', '2026-10-26'],
    ] as const) {
      const days = freeStartsByDay(input({ from, to, now: at(`${from}T00:00:00Z`), clerks: [clerk('a', { weekly: weekdays('07:00', '08:00') })] }));
      for (const day of days) {
        assert.deepEqual(
          day.starts.map((s) => s.slice(11, 16)),
          ['07:00', '07:30'],
          day.date,
        );
        assert.equal(new Date(day.starts[0]!).toISOString().slice(0, 10), day.date);
      }
      assert.notEqual(days[0]!.starts[0]!.slice(19), days.at(-1)!.starts[0]!.slice(19), 'offset changes across the weekend');
    }
  });

  test('a 45-minute grid stays on local wall-clock multiples after the spring jump', () => {
    const starts = startsOf(
      input({
        from: '2027-03-28',
        to: '2027-03-28',
        now: at('2027-03-01T00:00:00Z'),
        rules: { ...rules, durationMinutes: 45, slotMinutes: 45 },
        clerks: [clerk('a', { weekly: night })],
      }),
    );
    for (const s of starts) {
      const [h, m] = s.slice(11, 16).split(':').map(Number);
      assert.equal((h! * 60 + m!) % 45, 0, s);
    }
  });
});

describe('checkSlot', () => {
  const base = input({ clerks: [clerk('a'), clerk('b', { busy: [{ start: at('2026-12-01T07:00:00Z'), end: at('2026-12-01T07:30:00Z') }] })] });

  test('names the clerks free for a start', () => {
    const check = checkSlot(base, at('2026-12-01T07:00:00Z'));
    assert.equal(check.kind, 'free');
    assert.deepEqual(check.kind === 'free' && check.clerkIds, ['a']);
    const later = checkSlot(base, at('2026-12-01T07:30:00Z'));
    assert.deepEqual(later.kind === 'free' && later.clerkIds.sort(), ['a', 'b']);
  });

  test('off the grid, outside the window, taken', () => {
    assert.equal(checkSlot(base, at('2026-12-01T07:10:00Z')).kind, 'off_grid');
    assert.equal(checkSlot(base, at('2026-11-30T07:00:00Z')).kind, 'outside_window');
    assert.equal(checkSlot(base, at('2027-06-01T07:00:00Z')).kind, 'outside_window');
    assert.equal(checkSlot(base, at('2026-12-01T10:00:00Z')).kind, 'taken');
    assert.equal(checkSlot({ ...base, clerks: [] }, at('2026-12-01T07:00:00Z')).kind, 'taken');
  });

  test('agrees with availability for every start: the clerks named are exactly those each offering it, DST days included', () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 7;
    const seen = { free: 0, taken: 0, someClerksBusy: 0 };
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    for (const date of ['2026-03-29', '2026-10-25', '2026-12-02', '2026-07-14']) {
      for (let round = 0; round < 6; round++) {
        const dayStart = at(`${date}T00:00:00Z`) - 3 * 3600_000;
        const clerks = ['a', 'b', 'c', 'd'].map((id) => {
          const first = 60 + 15 * random(40);
          const split = first + 15 * (4 + random(16));
          const weekly = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
            { weekday, starts: time(first), ends: time(split), validFrom: null, validUntil: null },
            {
              weekday,
              starts: time(split + 15 * random(4)),
              ends: time(Math.min(split + 15 * (4 + random(24)), 23 * 60 + 45)),
              validFrom: null,
              validUntil: null,
            },
          ]);
          const busy = Array.from({ length: random(4) }, () => {
            const start = dayStart + 5 * 60_000 * random(300);
            return { start, end: start + 5 * 60_000 * (1 + random(18)) };
          });
          return clerk(id, { weekly, busy });
        });
        const rules = {
          durationMinutes: 15 * (1 + random(4)),
          slotMinutes: 15,
          minLeadMinutes: 0,
          maxDaysAhead: 400,
          sameDayRelease: null,
          requiresResource: false,
        };
        const base = input({ clerks, rules, from: date, to: date, now: at('2026-01-01T00:00:00Z') });
        const offeredBy = new Map(
          clerks.map((c) => [c.staffId, new Set(freeStartsByDay({ ...base, clerks: [c] })[0]!.starts.map((s) => new Date(s).getTime()))]),
        );
        for (let t = at(`${date}T00:00:00Z`) - 2 * 3600_000; t < at(`${date}T23:00:00Z`); t += 15 * 60_000) {
          const check = checkSlot(base, t);
          if (check.kind === 'off_grid' || check.kind === 'outside_window') continue;
          const expected = clerks.filter((c) => offeredBy.get(c.staffId)!.has(t)).map((c) => c.staffId);
          assert.deepEqual(check.kind === 'free' ? check.clerkIds : [], expected, `${date} round ${round} at ${new Date(t).toISOString()}`);
          seen[check.kind]++;
          if (expected.length > 0 && expected.length < clerks.length) seen.someClerksBusy++;
        }
      }
    }
    // The generator must have produced all three situations, or the comparison proves little.
    assert.ok(seen.free > 100 && seen.taken > 100 && seen.someClerksBusy > 50, JSON.stringify(seen));
  });
});

test('mergeIntervals joins overlapping and touching intervals', () => {
  assert.deepEqual(
    mergeIntervals([
      { start: 5, end: 8 },
      { start: 1, end: 3 },
      { start: 3, end: 4 },
      { start: 7, end: 9 },
    ]),
    [
      { start: 1, end: 4 },
      { start: 5, end: 9 },
    ],
  );
});

describe('local dates without Temporal on the hot path', () => {
  const zones = ['Europe/Berlin', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'];
  const temporalDate = (t: number, timeZone: string) => Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(timeZone).toPlainDate().toString();

  test('localDateOf agrees with Temporal around every local midnight and DST change of 2026', () => {
    for (const timeZone of zones) {
      let checked = 0;
      for (let day = Temporal.PlainDate.from('2025-12-30'); Temporal.PlainDate.compare(day, '2027-01-02') <= 0; day = day.add({ days: 1 })) {
        const midnight = day.toZonedDateTime({ timeZone }).epochMilliseconds;
        for (const t of [midnight - 1, midnight, midnight + 1, midnight + 2 * 3600_000 + 30 * 60_000, midnight + 12 * 3600_000]) {
          assert.equal(localDateOf(t, timeZone), temporalDate(t, timeZone), `${timeZone} ${new Date(t).toISOString()}`);
          checked++;
        }
      }
      assert.ok(checked > 1800);
    }
    // Far outside the years a booking uses, the answer still comes from the zone rules.
    assert.equal(localDateOf(Date.UTC(12000, 0, 1, 23, 30), 'Europe/Berlin'), '+012000-01-02');
  });

  test('addDays is calendar arithmetic across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-03-29', 366), '2027-03-30');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
  });

  test('the same-day release compares wall-clock times, also on the October day with its repeated hour', () => {
    const rules = { durationMinutes: 30, slotMinutes: 30, minLeadMinutes: 0, maxDaysAhead: 5, sameDayRelease: '02:30:00', requiresResource: false };
    // 25 October 2026: 02:00–03:00 CEST, then 02:00–03:00 CET again.
    const firstTwoFifteen = at('2026-10-25T00:15:00Z');
    const secondTwoFifteen = at('2026-10-25T01:15:00Z');
    const secondTwoForty = at('2026-10-25T01:40:00Z');
    assert.equal(bookingWindow(zone, rules, firstTwoFifteen, 'online').todayHeld, true);
    assert.equal(bookingWindow(zone, rules, at('2026-10-25T00:40:00Z'), 'online').todayHeld, false);
    assert.equal(bookingWindow(zone, rules, secondTwoFifteen, 'online').todayHeld, true);
    assert.equal(bookingWindow(zone, rules, secondTwoForty, 'online').todayHeld, false);
    assert.deepEqual(bookingWindow(zone, rules, secondTwoForty, 'online'), {
      today: '2026-10-25',
      earliest: secondTwoForty,
      lastDate: '2026-10-30',
      todayHeld: false,
    });
    assert.equal(bookingWindow(zone, rules, firstTwoFifteen, 'staff').todayHeld, false);
  });
});

test('a start is read exactly as Temporal reads it, valid or not', () => {
  const temporal = (value: string) => {
    try {
      return Temporal.Instant.from(value).epochMilliseconds;
    } catch {
      return undefined;
    }
  };
  const values = [
    '2026-12-01T09:30:00+01:00',
    '2026-12-01T09:30+01:00',
    '2026-12-01T09:30:00Z',
    '2026-12-01T09:30:00.5Z',
    '2026-12-01T09:30:00.29-03:30',
    '2026-12-01T09:30:00.123456789+05:45',
    '2026-03-29T02:30:00+01:00',
    '1969-12-31T23:59:59.999Z',
    '1000-01-01T00:00:00+14:00',
    '2026-02-30T09:30:00+01:00',
    '2026-02-29T09:30:00+01:00',
    '2028-02-29T09:30:00+01:00',
    '2026-12-01T24:00:00+01:00',
    '2026-12-01T09:60:00+01:00',
    '2026-12-31T23:59:60Z',
    '2026-12-01T09:30:00+24:00',
    '2026-12-01T09:30:00+01:60',
    '2026-12-01t09:30:00z',
    '2026-12-01T09:30:00',
    '2026-12-01 09:30:00+01:00',
    '20261201T093000+0100',
    '+002026-12-01T09:30:00Z',
    '2026-13-01T09:30:00Z',
    '',
    'tomorrow',
  ];
  for (const value of values) assert.equal(safeInstant(value), temporal(value), value);
  assert.throws(() => parseBookingStart('2026-02-30T09:30:00+01:00'), /date and time with offset/);
});
