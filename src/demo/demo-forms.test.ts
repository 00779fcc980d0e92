import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkedDraft } from '../features/applications/index.ts';
import { isLanguage, languages, sourceLang, textDirection } from '../web/i18n.ts';
import { demoForms } from './demo-forms.ts';

/** Whole texts that may read the same as the German in another language: names and § references need no translation. */
const sameAsGerman = new Set(['§ 24 AufenthG', 'Bürgeramt']);
/** Plain-language German reuses the standard German where that is already short and plain. */
const plainGerman = 'de-x-ls';
const placeholders = (text: string) => [...text.matchAll(/\{\s*([\w.]+)/g)].map((m) => m[1]).sort();
const bidiControls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const arabicScript = /[\u0600-\u06ff]/;
const scriptOf: Record<string, RegExp> = {
  ti: /[\u1200-\u137f]/,
  ru: /[\u0400-\u04ff]/,
  uk: /[\u0400-\u04ff]/,
};

test('every demo form is a valid definition with all its German texts, and each translation has exactly the German keys', () => {
  assert.deepEqual(
    demoForms.map((form) => form.slug),
    ['temporary-protection', 'extension', 'formal-obligation', 'address-change'],
  );
  for (const form of demoForms) {
    const german = form.texts.de ?? {};
    assert.deepEqual(Object.keys(form.texts)[0], sourceLang, `${form.slug}: German first`);
    assert.doesNotThrow(() => checkedDraft(form.definition, german), form.slug);
    for (const [lang, texts] of Object.entries(form.texts)) {
      assert.ok(isLanguage(lang), `${form.slug}: ${lang} is a portal language`);
      assert.deepEqual(Object.keys(texts).sort(), Object.keys(german).sort(), `${form.slug} ${lang}: the same keys as German`);
    }
  }
});

test('every demo form is translated into every portal language: real text, the German placeholders, the right script, no direction marks', () => {
  for (const form of demoForms) {
    const german = form.texts.de ?? {};
    assert.deepEqual(Object.keys(form.texts).sort(), [...languages].sort(), `${form.slug}: a file for every portal language`);
    for (const lang of languages) {
      if (lang === sourceLang) continue;
      const texts = form.texts[lang] ?? {};
      for (const [key, source] of Object.entries(german)) {
        const text = texts[key] ?? '';
        const where = `${form.slug} ${lang} ${key}`;
        assert.equal(text, text.trim(), `${where}: no stray spaces`);
        assert.notEqual(text, '', `${where}: translated`);
        if (lang !== plainGerman && !sameAsGerman.has(text)) assert.notEqual(text, source, `${where}: not the German text`);
        assert.deepEqual(placeholders(text), placeholders(source), `${where}: the placeholders of the German`);
        assert.doesNotMatch(text, bidiControls, `${where}: no direction marks (the page sets dir)`);
        if (textDirection(lang) === 'rtl') assert.match(text, arabicScript, `${where}: Arabic script`);
        const script = scriptOf[lang];
        if (script) assert.match(text, script, `${where}: the language's script`);
      }
    }
  }
});

test('Dari is not Persian and Leichte Sprache is not the standard German', () => {
  const share = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).filter((key) => a[key] === b[key]).length / Object.keys(a).length;
  for (const form of demoForms) {
    const { de = {}, fa = {}, prs = {} } = form.texts;
    const plain = form.texts[plainGerman] ?? {};
    assert.ok(share(prs, fa) < 0.5, `${form.slug}: most Dari texts differ from the Persian ones`);
    assert.ok(share(plain, de) < 0.2, `${form.slug}: most plain-language texts are rewritten`);
    for (const key of ['title', 'intro']) assert.notEqual(plain[key], de[key], `${form.slug} ${key}: in plain language`);
  }
});
