import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { languageCookie, pageLanguage } from './page-language.ts';

const app = new Hono();
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

test("Leichte Sprache only by the reader's choice; Dari and Kurmanji also by the tags browsers send for them", async () => {
  assert.equal(await languageOf('/staff', { 'accept-language': 'de-x-ls' }), 'de', 'a header never picks a private-use tag');
  assert.equal(await languageOf('/staff', { 'accept-language': 'en, de-x-ls;q=0.9' }), 'en');
  assert.equal(await languageOf('/de-x-ls/services', { 'accept-language': 'de' }), 'de-x-ls', 'the URL prefix is a choice');
  assert.equal(await languageOf('/staff', { cookie: `${languageCookie}=de-x-ls`, 'accept-language': 'de' }), 'de-x-ls', 'so is the cookie');
  assert.equal(await languageOf('/staff', { 'accept-language': 'fa-AF, fa;q=0.8' }), 'prs');
  assert.equal(await languageOf('/staff', { 'accept-language': 'fa-IR' }), 'fa');
  assert.equal(await languageOf('/staff', { 'accept-language': 'ku' }), 'kmr');
  assert.equal(await languageOf('/staff', { 'accept-language': 'ps-AF' }), 'ps');
});
