import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { languages, messageKeys, messagePattern, textDirection, translate } from './i18n.ts';

const required = ['de', 'en', 'uk', 'ru', 'ar', 'fa', 'tr', 'fr'];

test('the portal languages are all there', () => {
  for (const lang of required) assert.ok(languages.includes(lang), `missing catalog ${lang}`);
  assert.equal(languages[0], 'de');
});

// Staff screens are in German with English as second language (docs/decisions.md); citizen texts in all.
const staffOnly = (key: string) => key.startsWith('staff.');
const staffLanguages = ['de', 'en'];

test('every message key exists in every language, and translations are not German copies', () => {
  const keys = messageKeys('de').filter((key) => !staffOnly(key));
  assert.ok(keys.length > 10);
  for (const lang of languages) {
    const own = new Set(messageKeys(lang));
    for (const key of keys) assert.ok(own.has(key), `${lang} lacks ${key}`);
    if (lang === 'de') continue;
    const copies = keys.filter((key) => key !== 'app.name' && messagePattern(lang, key) === messagePattern('de', key));
    assert.deepEqual(copies, [], `${lang} copies German for ${copies.join(', ')}`);
  }
});

test('Arabic and Persian are right-to-left, the rest left-to-right', () => {
  assert.equal(textDirection('ar'), 'rtl');
  assert.equal(textDirection('fa'), 'rtl');
  assert.equal(textDirection('de'), 'ltr');
  assert.equal(textDirection('uk'), 'ltr');
});

test('a missing key falls back to German, an unknown key to itself', () => {
  assert.equal(translate('xx', 'error.home'), translate('de', 'error.home'));
  assert.equal(translate('en', 'no.such.key'), 'no.such.key');
});

test('every message compiles and uses the same placeholders as the German one', () => {
  const placeholders = (pattern: string) =>
    [...pattern.matchAll(/\{(\w+)[,}]/g)]
      .map((m) => m[1])
      .sort()
      .filter((v, i, a) => a.indexOf(v) === i);
  for (const lang of languages) {
    for (const key of messageKeys('de').filter((k) => messagePattern(lang, k) !== undefined)) {
      const pattern = messagePattern(lang, key)!;
      assert.doesNotThrow(() => new IntlMessageFormat(pattern, lang), `${lang} ${key} does not compile`);
      assert.deepEqual(placeholders(pattern), placeholders(messagePattern('de', key)!), `${lang} ${key} placeholders`);
    }
  }
});

test('every staff screen text exists in German and English', () => {
  const keys = messageKeys('de').filter(staffOnly);
  assert.ok(keys.length > 10);
  for (const lang of staffLanguages) {
    const own = new Set(messageKeys(lang));
    for (const key of keys) assert.ok(own.has(key), `${lang} lacks ${key}`);
  }
  const english = new Set(messageKeys('en').filter(staffOnly));
  for (const key of english) assert.ok(keys.includes(key), `de lacks ${key}`);
});
