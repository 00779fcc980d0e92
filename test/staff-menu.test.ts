import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBlobStore } from '../src/platform/storage/blob-store.ts';
import { createTestApp, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { createOffice } from './office-factory.ts';
import { addStaff, Browser } from './staff.ts';
import { temporaryFolder } from './temporary-folder.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T09:00:00Z');
const app = createTestApp(db, { clock, blobs: createBlobStore({ folder: await temporaryFolder('lotse-menu-') }) });
const office = await createOffice(db);

const menuLinks = (html: string) => {
  const nav = /<nav[^>]*class="staff-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="(\/[^"]*)"/g)].map((m) => m[1]!).filter((href) => !href.startsWith('/staff/language'));
};

for (const role of ['admin', 'team_lead', 'clerk', 'reception'] as const) {
  test(`the ${role}'s menu offers what the ${role} may open, and every entry opens`, async () => {
    const account = await addStaff(db, role, { locationIds: [office.locationId] });
    const browser = new Browser(app);
    assert.equal((await browser.signIn(account.username)).status, 303);
    const links = menuLinks(await (await browser.get('/staff')).text());
    assert.ok(links.length >= 3, `a menu for ${role}: ${links.join(', ')}`);
    for (const href of links) {
      const page = await browser.get(href);
      assert.equal(page.status, 200, `${role}: ${href}`);
    }
    if (role === 'clerk') assert.ok(links.includes('/staff/applications'), 'clerks find the new online applications');
    if (role === 'admin') for (const href of ['/staff/admin/forms', '/staff/admin/procedure-types', '/staff/figures']) assert.ok(links.includes(href), href);
    if (role === 'reception') assert.ok(!links.includes('/staff/applications'));
  });
}
