import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
const shot = async (n) => { await page.screenshot({ path: `/tmp/shots/flow_${n}.png`, fullPage: true }); console.log(n, page.url(), await page.title()); };
await page.goto('http://localhost:3999/uk/apply/temporary-protection');
await page.click('button[type=submit]');
await page.waitForLoadState();
await shot(1);
await browser.close();
