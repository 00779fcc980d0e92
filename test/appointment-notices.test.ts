import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bookAppointment, cancelAppointment, createAppointmentNotices, onlineRequester, type AppointmentChange } from '../src/features/appointments/index.ts';
import { recordNotice } from '../src/features/appointments/appointment-notices.ts';
import { fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { createClerk, createOffice, createService, person } from './office-factory.ts';

const { db } = await createTestDatabase({ poolSize: 12 });
const clock = fixedClock('2026-12-01T06:00:00Z');
const office = await createOffice(db);
const serviceId = await createService(db, office);
await createClerk(db, office, { starts: '08:00', ends: '18:00' });

function countingDeliverer() {
  const delivered: AppointmentChange[] = [];
  return { delivered, changed: async (_trx: unknown, change: AppointmentChange) => void delivered.push(change) };
}

async function bookWithNotice(start: string): Promise<string> {
  const { appointment } = await bookAppointment(
    { db, clock },
    { serviceId, locationId: office.locationId, start, person: person(), actor: onlineRequester, notify: true },
  );
  return appointment.id;
}

test('two instances delivering at the same moment deliver each notice exactly once, in order', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const hour = String(8 + Math.floor((i % 20) / 2)).padStart(2, '0');
    ids.push(await bookWithNotice(`2026-12-${i < 20 ? '07' : '10'}T${hour}:${i % 2 ? '30' : '00'}:00+01:00`));
  }
  const a = countingDeliverer();
  const b = countingDeliverer();
  const [na, nb] = await Promise.all([createAppointmentNotices({ db, deliverer: a }).deliver(), createAppointmentNotices({ db, deliverer: b }).deliver()]);
  assert.equal(na + nb, 30);
  const all = [...a.delivered, ...b.delivered].map((c) => c.appointmentId).sort();
  assert.deepEqual(all, [...ids].sort(), 'every booking told once, none twice');
  assert.equal((await db.selectFrom('appointment_notice').select('id').execute()).length, 0);
});

test('a booking cancelled before its notice went out is told only of the cancellation', async () => {
  const id = await bookWithNotice('2026-12-08T08:00:00+01:00');
  await db.transaction().execute(async (trx) => {
    await cancelAppointment({ db: trx, clock }, { appointmentId: id, verifiedByPortal: true }, onlineRequester);
    await recordNotice(trx, { kind: 'cancelled', appointmentId: id, actor: onlineRequester, at: clock.now() });
  });
  const deliverer = countingDeliverer();
  await createAppointmentNotices({ db, deliverer }).deliver();
  assert.deepEqual(
    deliverer.delivered.map((c) => c.kind),
    ['cancelled'],
  );
});

test('a failing delivery is retried a few times, then left for an administrator without blocking the others', async () => {
  const broken = await bookWithNotice('2026-12-09T08:00:00+01:00');
  const fine = await bookWithNotice('2026-12-09T09:00:00+01:00');
  const delivered: string[] = [];
  const notices = createAppointmentNotices({
    db,
    deliverer: {
      async changed(_trx, change) {
        if (change.appointmentId === broken) throw new Error('cannot render');
        delivered.push(change.appointmentId);
      },
    },
  });
  for (let i = 0; i < 7; i++) await notices.deliver();
  assert.deepEqual(delivered, [fine]);
  const left = await db.selectFrom('appointment_notice').select(['appointment_id', 'failed_attempts']).execute();
  assert.deepEqual(left, [{ appointment_id: broken, failed_attempts: 5 }]);
});
