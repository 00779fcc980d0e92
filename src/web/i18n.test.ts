import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { intlLocale, isNegotiable, languages, messageKeys, messagePattern, textDirection, translate } from './i18n.ts';

// The eight first languages, then issue 16's twelve and Leichte Sprache (docs/languages.md).
const required = ['de', 'en', 'uk', 'ru', 'ar', 'fa', 'tr', 'fr', 'ps', 'prs', 'kmr', 'ti', 'so', 'sq', 'ro', 'pl', 'vi', 'es', 'de-x-ls'];

test('the portal languages are all there', () => {
  for (const lang of required) assert.ok(languages.includes(lang), `missing catalog ${lang}`);
  assert.equal(languages[0], 'de');
});

// Staff screens are in German with English as second language (docs/decisions.md); citizen texts in all.
const staffOnly = (key: string) => key.startsWith('staff.');
const staffLanguages = ['de', 'en'];

/**
 * The only texts a translation may leave as the German one, each with its reason. Anything else
 * equal to the German text is a copy that a reader of that language cannot read.
 */
const sameInEveryLanguage = new Map([['app.name', 'the product name "Lotse"']]);

test('every message key exists in every language, and translations are not German copies', () => {
  const keys = messageKeys('de').filter((key) => !staffOnly(key));
  assert.ok(keys.length > 10);
  for (const lang of languages) {
    const own = new Set(messageKeys(lang));
    for (const key of keys) assert.ok(own.has(key), `${lang} lacks ${key}`);
    if (lang === 'de') continue;
    const copies = keys.filter((key) => !sameInEveryLanguage.has(key) && messagePattern(lang, key) === messagePattern('de', key));
    assert.deepEqual(copies, [], `${lang} copies German for ${copies.join(', ')}`);
  }
});

test('Arabic, Persian, Pashto and Dari are right-to-left, the rest left-to-right', () => {
  const rtl = ['ar', 'fa', 'ps', 'prs'];
  for (const lang of languages) assert.equal(textDirection(lang), rtl.includes(lang) ? 'rtl' : 'ltr', lang);
});

test('the Intl locale keeps the Gregorian calendar and Latin digits, also beside a private-use part', () => {
  assert.equal(intlLocale('fa'), 'fa-u-ca-gregory-nu-latn');
  assert.equal(intlLocale('de-x-ls'), 'de-u-ca-gregory-nu-latn-x-ls');
  assert.equal(new Intl.DateTimeFormat(intlLocale('de-x-ls')).resolvedOptions().locale, 'de-u-ca-gregory-nu-latn');
  assert.equal(new Intl.DateTimeFormat(intlLocale('prs')).resolvedOptions().numberingSystem, 'latn');
  assert.equal(isNegotiable('de-x-ls'), false);
  assert.equal(isNegotiable('prs'), true);
});

// Counts here are days and free times: every category a whole number up to 10 000 falls into
// (French and Spanish "many" is for millions only, so it is not required).
test('every plural names each category its counts can take in that language, and no other', () => {
  const problems: string[] = [];
  for (const lang of languages) {
    const rules = new Intl.PluralRules(intlLocale(lang));
    const needed = new Set(['other', ...Array.from({ length: 10_001 }, (_, n) => rules.select(n))]);
    const known = new Set(rules.resolvedOptions().pluralCategories);
    for (const key of messageKeys(lang)) {
      const pattern = messagePattern(lang, key) ?? '';
      for (const plural of pattern.matchAll(/\{\s*\w+\s*,\s*plural\s*,((?:[^{}]|\{[^{}]*\})*)\}/g)) {
        const used = [...plural[1]!.matchAll(/(=?\w+)\s*\{/g)].map((m) => m[1]!).filter((c) => !c.startsWith('='));
        const lacking = [...needed].filter((c) => !used.includes(c));
        const unknown = used.filter((c) => !known.has(c as Intl.LDMLPluralRule));
        if (lacking.length + unknown.length > 0) problems.push(`${lang} ${key}: lacks ${lacking.join('/')}, unknown ${unknown.join('/')}`);
      }
    }
  }
  assert.deepEqual(problems, []);
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
