import type { Database } from '../../db/database.ts';
import { listForms, publishedVersion, shownVersion, translationOf, type FormVersion } from './form-store.ts';
import { readerTexts } from './form-texts.ts';

/** The texts of a version in the reader's language: each with the language it is in (German where no translation has it). */
async function textsFor(db: Database, version: FormVersion, lang: string) {
  return readerTexts(version.texts, version.sourceDigest, lang, await translationOf(db, version.id, lang));
}

/** The forms an applicant may start now (active, with a published version), with their titles in the reader's language. */
export async function publishedForms(db: Database, lang: string) {
  const forms = [];
  for (const form of await listForms(db)) {
    if (!form.active || !form.published_id) continue;
    const version = await publishedVersion(db, form.slug);
    if (!version) continue;
    forms.push({ version, texts: await textsFor(db, version, lang) });
  }
  return forms;
}

/**
 * A published or retired version of a form with every text of it in the reader's language (the
 * applications started on a retired version stay on it). Drafts are not shown.
 */
export async function readFormVersion(db: Database, input: { slug: string; number: number; lang: string }) {
  const version = await shownVersion(db, input.slug, input.number);
  if (!version) return undefined;
  return { version, texts: await textsFor(db, version, input.lang) };
}
