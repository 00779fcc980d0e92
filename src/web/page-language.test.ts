import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { detectPageLanguage, languageCookie, pageLanguage } from './page-language.ts';

const app = new Hono();
app.use('*', detectPageLanguage);
app.get('*', (c) => c.text(pageLanguage(c)));

async function languageOf(path: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await app.request(path, { headers });
  assert.equal(response.headers.get('set-cookie'), null, 'a guess is not remembered in the cookie');
  return response.text();
}

test('Accept-Language picks the best supported language by weight', async () => {
  const header = async (value: string) => languageOf('/staff', { 'accept-language': value });
  assert.equal(await header('ar-SY,ar;q=0.9,en;q=0.8'), 'ar');
  assert.equal(await header('zh-CN,fa;q=0.5,en;q=0.7'), 'en');
  assert.equal(await header('xx'), 'de');
  assert.equal(await languageOf('/staff'), 'de');
  assert.equal(await header('uk;q=0, ru'), 'ru');
  assert.equal(await header('fr-CA'), 'fr');
});

test('the URL prefix comes first, then the cookie, then the header', async () => {
  const both = { cookie: `${languageCookie}=tr`, 'accept-language': 'fa' };
  assert.equal(await languageOf('/uk/services', both), 'uk');
  assert.equal(await languageOf('/staff', both), 'tr');
  assert.equal(await languageOf('/staff', { cookie: `${languageCookie}=xx`, 'accept-language': 'fa' }), 'fa', 'an unknown cookie value is ignored');
  assert.equal(await languageOf('/xx/services', { 'accept-language': 'en' }), 'en', 'an unknown prefix is not a language');
});
