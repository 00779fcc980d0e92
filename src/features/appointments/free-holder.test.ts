import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/database.ts';
import { createClerk, createOffice, createResource, createService, insertAppointment } from '../../../test/office-factory.ts';

// The booking function's choice of holder (migrations 0104, 0106), called directly with the
// candidates in a fixed order: the first free one in that order is taken, whether the first
// candidate is free (the common case) or busy (then all others are checked in one scan).
const { db } = await createTestDatabase();
const office = await createOffice(db);
const serviceId = await createService(db, office, { requiredResourceKind: 'biometrics' });
const [a, b, c] = [await createClerk(db, office), await createClerk(db, office), await createClerk(db, office)];
const [r1, r2] = [await createResource(db, office, 'biometrics'), await createResource(db, office, 'biometrics')];
const none = '00000000-0000-0000-0000-000000000000';
const start = new Date('2026-12-02T08:00:00Z');
const end = new Date('2026-12-02T08:30:00Z');

function book(staffId: string, resourceId: string | null, from: Date, to: Date): Promise<string> {
  return insertAppointment(db, { serviceId, locationId: office.locationId, staffId, resourceId }, from, to, 'online');
}

async function firstFree(kind: 'staff' | 'resource', candidates: string[], options: { except?: string; heldSince?: Date } = {}): Promise<string | null> {
  const { rows } = await sql<{ holder: string | null }>`
    SELECT first_free_holder(${kind}, ${candidates}::uuid[], ${start}, ${end}, ${options.except ?? none}::uuid, ${office.locationId}::uuid, ${options.heldSince ?? null}::timestamptz) AS holder`.execute(
    db,
  );
  return rows[0]!.holder;
}

async function busy(kind: 'staff' | 'resource', candidates: string[], heldSince: Date | null = null): Promise<string[]> {
  const { rows } = await sql<{ busy: string[] }>`
    SELECT busy_holders(${kind}, ${candidates}::uuid[], ${start}, ${end}, ${none}::uuid, ${office.locationId}::uuid, ${heldSince}::timestamptz) AS busy`.execute(
    db,
  );
  return [...rows[0]!.busy].sort();
}

test('the first candidate in the given order that is free is chosen; none free gives null', async () => {
  assert.equal(await firstFree('staff', [a, b, c]), a);
  assert.equal(await firstFree('staff', [c, a, b]), c);
  const overlapping = await book(a, null, new Date('2026-12-02T07:45:00Z'), new Date('2026-12-02T08:15:00Z'));
  await book(b, null, new Date('2026-12-02T08:15:00Z'), new Date('2026-12-02T08:45:00Z'));
  // Touching, not overlapping: ends when the start begins.
  await book(c, null, new Date('2026-12-02T07:30:00Z'), start);
  assert.equal(await firstFree('staff', [a, b, c]), c);
  assert.equal(await firstFree('staff', [b, a]), null);
  assert.equal(await firstFree('staff', []), null);
  assert.deepEqual(await busy('staff', [a, b, c]), [a, b].sort());
  // A moved appointment does not block its own new time.
  assert.equal(await firstFree('staff', [b, a], { except: overlapping }), a);
  // The probe reads the last appointment starting before the end; when that is the moved one, the
  // one before it still counts.
  const d = await createClerk(db, office);
  await book(d, null, new Date('2026-12-02T07:40:00Z'), new Date('2026-12-02T08:05:00Z'));
  const moved = await book(d, null, new Date('2026-12-02T08:10:00Z'), new Date('2026-12-02T08:25:00Z'));
  assert.equal(await firstFree('staff', [d], { except: moved }), null);
  assert.equal(await firstFree('staff', [c, d], { except: moved }), c);
  assert.deepEqual(await busy('staff', [a, b, c, d]), [a, b, d].sort());
});

test('for online callers a time cancelled within the re-release delay still holds its clerk or resource', async () => {
  const later = { start: new Date('2026-12-03T08:00:00Z'), end: new Date('2026-12-03T08:30:00Z') };
  const id = await book(c, r1, later.start, later.end);
  // Cancelled ten minutes ago, with a re-release delay of an hour (fixed instants, not the real now).
  const cancelledAt = new Date('2026-11-23T09:50:00Z');
  await db.updateTable('appointment').set({ status: 'cancelled', cancelled_at: cancelledAt }).where('id', '=', id).execute();
  const heldSince = new Date(cancelledAt.getTime() + 10 * 60_000 - 60 * 60_000);
  const at = async (kind: 'staff' | 'resource', candidates: string[], since: Date | null) =>
    (
      await sql<{ holder: string | null }>`
        SELECT first_free_holder(${kind}, ${candidates}::uuid[], ${later.start}, ${later.end}, ${none}::uuid, ${office.locationId}::uuid, ${since}::timestamptz) AS holder`.execute(
        db,
      )
    ).rows[0]!.holder;
  assert.equal(await at('staff', [c, a], heldSince), a);
  assert.equal(await at('staff', [c, a], null), c);
  assert.equal(await at('resource', [r1, r2], heldSince), r2);
  assert.equal(await at('resource', [r1, r2], null), r1);
});

test('resources are chosen like clerks', async () => {
  // Clerks a and b are busy at this time (first test); c and a new one are free.
  await book(c, r1, start, end);
  assert.equal(await firstFree('resource', [r1, r2]), r2);
  assert.deepEqual(await busy('resource', [r1, r2]), [r1]);
  await book(await createClerk(db, office), r2, start, end);
  assert.equal(await firstFree('resource', [r2, r1]), null);
});
