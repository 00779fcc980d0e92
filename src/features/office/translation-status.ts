import { createHash } from 'node:crypto';

export type ServiceTextFields = { name: string; description: string; audience: string; required_documents: string[]; fee_note: string };
export type TranslationState = 'missing' | 'outdated' | 'current';

/** Digest of the German source text; a translation remembers the digest it was made from. */
export function sourceDigest(german: ServiceTextFields): string {
  const canonical = JSON.stringify([german.name, german.description, german.audience, german.required_documents, german.fee_note]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** Outdated only when the German text really changed since the translation was saved. */
export function translationState(german: ServiceTextFields | undefined, translation: { source_digest: string | null } | undefined): TranslationState {
  if (!translation) return 'missing';
  if (!german) return 'current';
  return translation.source_digest === sourceDigest(german) ? 'current' : 'outdated';
}
