/** What Lotse writes into xdomea's application-specific extensions, and reads back on import. */
export const personExtension = { kennung: 'urn:lotse:case-person:1', name: 'Lotse Person' } as const;
export const documentExtension = { kennung: 'urn:lotse:case-document:1', name: 'Lotse Dokument' } as const;
export const xdomeaNamespace = 'urn:xoev-de:xdomea:schema:3.0.0';
/** Format code in the xdomea Dateiformat list for "other"; the media type travels beside it. */
export const sha256Field = (versionNumber: string) => `sha256.${versionNumber}`;

/**
 * xdomea's Dateiformat code list is not part of the published schemas; the code for PDF is the
 * one the official examples use (044). Everything else goes out as "Sonstiges" with the media
 * type in SonstigerName, as the schema's implementation hint asks.
 */
export function formatCode(mediaType: string): { code: string; otherName?: string } {
  return mediaType === 'application/pdf' ? { code: '044' } : { code: 'Sonstiges', otherName: mediaType };
}
export const formatListVersion = '1.0';
