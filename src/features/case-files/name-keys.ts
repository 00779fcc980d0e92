/**
 * The keys a name is searched by (stored in case_person_name). `normalized`: lower case, marks
 * removed, single spaces. `skeleton`: a looser key in which vowels and doubled letters fold, so
 * that spellings of one name meet (Mohammed / Muhammad → "mhmd").
 * Transliteration of other scripts into Latin comes with the search (issue 13).
 */
export type NameKeys = { normalized: string; skeleton: string };

export function nameKeys(value: string): NameKeys {
  const normalized = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const skeleton = normalized
    .replace(/[aeiouy]/g, '')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/ +/g, ' ')
    .trim();
  return { normalized, skeleton };
}
