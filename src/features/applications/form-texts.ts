import { createHash } from 'node:crypto';
import { sourceLang } from '../../web/i18n.ts';

export type FormTexts = Record<string, string>;
export type FormTextState = 'missing' | 'outdated' | 'current';

/** Digest of a version's German texts; a translation remembers the digest of the German it was made from. */
export function formTextsDigest(german: FormTexts): string {
  const canonical = JSON.stringify(Object.entries(german).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** As for service texts: outdated only when the German really changed since the translation was made. */
export function formTextState(germanDigest: string, translation: { source_digest: string } | undefined): FormTextState {
  if (!translation) return 'missing';
  return translation.source_digest === germanDigest ? 'current' : 'outdated';
}

/**
 * The texts a reader sees: the translation's text where it has the key, else the German one, with
 * the language each text is in (so the page marks German text `lang="de"`), and the state.
 */
export function readerTexts(german: FormTexts, germanDigest: string, lang: string, translation: { texts: FormTexts; source_digest: string } | undefined) {
  const state: FormTextState = lang === sourceLang ? 'current' : formTextState(germanDigest, translation);
  const text = (key: string): { text: string; lang: string } | undefined => {
    const translated = lang === sourceLang ? undefined : translation?.texts[key];
    if (translated) return { text: translated, lang };
    const source = german[key];
    return source === undefined ? undefined : { text: source, lang: sourceLang };
  };
  return { state, text };
}

export type ReaderTexts = ReturnType<typeof readerTexts>;
