import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkedDraft } from '../features/applications/index.ts';
import { isLanguage, textDirection } from '../web/i18n.ts';
import { demoForms } from './demo-forms.ts';

test('every demo form is a valid definition with all its German texts, and each translation has exactly the German keys', () => {
  assert.deepEqual(
    demoForms.map((form) => form.slug),
    ['temporary-protection', 'extension', 'formal-obligation', 'address-change'],
  );
  for (const form of demoForms) {
    const german = form.texts.de ?? {};
    assert.doesNotThrow(() => checkedDraft(form.definition, german), form.slug);
    for (const [lang, texts] of Object.entries(form.texts)) {
      assert.ok(isLanguage(lang), `${form.slug}: ${lang} is a portal language`);
      assert.deepEqual(Object.keys(texts).sort(), Object.keys(german).sort(), `${form.slug} ${lang}: the same keys as German`);
      if (lang === 'de') continue;
      assert.notEqual(texts.title, german.title, `${form.slug} ${lang}: a translated title`);
      if (textDirection(lang) === 'rtl') assert.match(texts.title ?? '', /[\u0600-\u06ff]/, `${form.slug} ${lang}: Arabic script`);
    }
  }
});
