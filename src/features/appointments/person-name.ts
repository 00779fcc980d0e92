/**
 * A person's name as typed, in any script. Stored in NFC, so that "Nguyễn" typed with combining
 * marks (NFD, as macOS keyboards send it) and the precomposed form are the same name for search,
 * letters and the audit trail.
 */
export function normalizePersonName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// The joiners shape letters in Persian (the ZWNJ in "علی‌رضا") and Indic scripts. They are format
// characters (Cf) like the bidi overrides, which are refused: those would reorder the text around a name.
const joiners = '\\u200C\\u200D';
const apostrophes = "'\\u2019\\u02BC\\u02BB";
const hyphens = '\\-\\u2010\\u2011';

/**
 * What the citizen portal accepts: letters and combining marks of every script, the joiners,
 * apostrophes (O'Brien, O’Brien, Hawaiʻi), hyphens (Jean-Luc), dots (Jr.), commas and spaces.
 * It starts with a letter. Digits, symbols and markup are no part of a name.
 */
const portalName = new RegExp(`^\\p{L}[\\p{L}\\p{M}${joiners}${apostrophes}${hyphens} .,]*$`, 'u');

export function isPortalPersonName(name: string): boolean {
  return portalName.test(name);
}

/**
 * What every channel (API, staff, portal) accepts: at least one letter, and no control,
 * format (except the joiners), private-use, surrogate or unassigned characters. Staff and
 * integrations may add digits or brackets ("Müller (Dolmetscher)"), the portal may not.
 */
const forbidden = new RegExp(`[\\p{Cc}\\p{Co}\\p{Cs}\\p{Cn}]|(?![${joiners}])\\p{Cf}`, 'u');

export function isAcceptablePersonName(name: string): boolean {
  return /\p{L}/u.test(name) && !forbidden.test(name);
}
