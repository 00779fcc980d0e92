import { createHash } from 'node:crypto';

export type InfoPageTextFields = { title: string; summary: string; body: string };

/**
 * The state of one language of an information page. `unapproved`: a machine translation of the current
 * German text that no person has approved yet (citizens see it with a "machine-translated" mark).
 */
export type InfoPageTextState = 'missing' | 'outdated' | 'unapproved' | 'current';

export type InfoPageTextStatus = { source_digest: string | null; machine_translated: boolean; approved_at: Date | null };

/** Digest of the German text; a translation remembers the digest of the German it was made from. */
export function infoPageDigest(german: InfoPageTextFields): string {
  return createHash('sha256')
    .update(JSON.stringify([german.title, german.summary, german.body]))
    .digest('hex')
    .slice(0, 32);
}

/** Outdated before unapproved: a translation of an older German text needs a translator first, then an approval. */
export function infoPageTextState(german: InfoPageTextFields | undefined, text: InfoPageTextStatus | undefined): InfoPageTextState {
  if (!text) return 'missing';
  if (german && text.source_digest !== infoPageDigest(german)) return 'outdated';
  return awaitsApproval(text) ? 'unapproved' : 'current';
}

/** A machine translation no person has approved: shown to citizens with a mark. */
export function awaitsApproval(text: { machine_translated: boolean; approved_at: Date | null }): boolean {
  return text.machine_translated && text.approved_at === null;
}
