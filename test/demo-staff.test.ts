import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDemoCredentials, seedDemoStaff } from '../src/demo/seed-demo-staff.ts';
import { seedDemoOffice } from '../src/demo/seed-demo-office.ts';
import { actorForDeviceToken } from '../src/features/staff/api-tokens.ts';
import { translationState } from '../src/features/office/index.ts';
import { createLogger } from '../src/platform/log.ts';
import { createTestApp, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { Browser } from './staff.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');

test('demo mode creates sign-ins for every role once; each works', { timeout: 60_000 }, async () => {
  await seedDemoOffice({ db, clock, logger: createLogger('silent') });
  const credentials = await seedDemoStaff({ db, clock });
  assert.deepEqual([...new Set(credentials.map((c) => c.role))].sort(), ['admin', 'clerk', 'display', 'kiosk', 'reception', 'team_lead']);
  assert.deepEqual(await seedDemoStaff({ db, clock }), [], 'a second start creates and prints nothing');
  assert.match(formatDemoCredentials(credentials, 'http://localhost:3000'), /demo\.admin/);

  const sut = createTestApp(db, { clock });
  for (const c of credentials.filter((c) => c.role !== 'kiosk' && c.role !== 'display')) {
    const browser = new Browser(sut);
    assert.equal((await browser.signIn(c.username, c.secret)).status, 303, c.username);
    assert.match(await (await browser.get('/staff')).text(), new RegExp(c.displayName));
  }
  for (const c of credentials.filter((c) => c.role === 'kiosk' || c.role === 'display')) {
    assert.equal((await actorForDeviceToken(db, c.secret))?.role, c.role);
  }
  const texts = await db.selectFrom('service_text').selectAll().execute();
  const german = texts.filter((t) => t.lang === 'de');
  assert.ok(german.length > 0);
  for (const t of texts.filter((t) => t.lang !== 'de')) {
    assert.equal(
      translationState(
        german.find((g) => g.service_id === t.service_id),
        t,
      ),
      'current',
      `${t.service_id}/${t.lang}`,
    );
  }
  const stored = await db.selectFrom('staff').select('password_hash').where('username', '=', 'demo.admin').executeTakeFirstOrThrow();
  assert.match(stored.password_hash ?? '', /^\$argon2id\$/);
});
