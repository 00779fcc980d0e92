import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { testPassword } from '../test/staff.ts';

export const chromiumPath = '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling out, which this machine refuses.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Real Chromium, headless. A missing browser fails the test (never a silent skip). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium); browser tests do not skip.`);
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  after(() => browser.close());
  return browser;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page and returns its violations, one readable
 * line each (rule, help, first elements); an empty list means the page is clean. It is evaluated
 * through the DevTools protocol, so the page's CSP (no inline scripts) stays as it is.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).join(', ')})`);
}

/** Signs a staff member in on the sign-in page, as they would, and waits until they are let in. */
export async function signInStaff(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/staff/sign-in`);
  await page.fill('#username', username);
  await page.fill('#password', testPassword);
  await page.locator('form button[type=submit]').first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/staff/sign-in'));
}
