import type { Database } from '../db/database.ts';
import { checkedDraft, formTextsDigest } from '../features/applications/index.ts';
import type { Clock } from '../shared/clock.ts';
import type { DemoForm } from './forms/demo-form.ts';
import { addressChangeForm } from './forms/address-change-form.ts';
import { extensionForm } from './forms/extension-form.ts';
import { formalObligationForm } from './forms/formal-obligation-form.ts';
import { temporaryProtectionForm } from './forms/temporary-protection-form.ts';

export const demoForms: readonly DemoForm[] = [temporaryProtectionForm, extensionForm, formalObligationForm, addressChangeForm];

/**
 * The demo office's application forms, each published as version 1 with its translations, at the
 * given location. The procedure types come from the standard catalogue (seeded before).
 */
export async function seedDemoForms(db: Database, clock: Clock, locationId: string, forms: readonly DemoForm[] = demoForms): Promise<void> {
  const now = clock.now();
  for (const form of forms) {
    const { definition, texts } = checkedDraft(form.definition, form.texts.de);
    const type = await db.selectFrom('procedure_type').select('id').where('code', '=', form.procedureTypeCode).executeTakeFirstOrThrow();
    const { id: formId } = await db
      .insertInto('application_form')
      .values({ slug: form.slug, location_id: locationId, procedure_type_id: type.id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const digest = formTextsDigest(texts);
    const { id: versionId } = await db
      .insertInto('application_form_version')
      .values({
        form_id: formId,
        number: 1,
        state: 'published',
        published_at: now,
        definition: JSON.stringify(definition),
        texts: JSON.stringify(texts),
        source_digest: digest,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [lang, translated] of Object.entries(form.texts)) {
      if (lang === 'de') continue;
      await db
        .insertInto('application_form_text')
        .values({ form_version_id: versionId, lang, texts: JSON.stringify(translated), source_digest: digest, updated_at: now })
        .execute();
    }
  }
}
