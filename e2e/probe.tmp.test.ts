import { test } from 'node:test';
import { startPortal } from './portal-server.ts';
const portal = await startPortal();
test('probe', async () => {
  for (const p of ['/de-x-ls/', '/de-x-ls/services', '/de-x-ls/book/extension/mitte', '/de/services', '/ti/manage', '/xx/services']) {
    const r = await fetch(portal.baseUrl + p);
    console.log(p, r.status, (await r.text()).slice(0, 50));
  }
});
