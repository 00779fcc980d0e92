import { AppError } from '../../shared/app-error.ts';

/** Where the staff page posts the import (app.tsx gives it a body limit of its own, above the file's). */
export const titleImportPath = '/staff/invitations/import';

/** The largest CSV export taken by upload (about 50,000 rows, the import's row limit, of 200 bytes). */
export const titleFileMaxBytes = 10 * 1024 * 1024;

export type DecodedTitleFile = { text: string; encoding: 'UTF-8' | 'Windows-1252' };

const refused = (message: string) => new AppError('validation_failed', message, { fieldErrors: [{ path: 'file', message }] });

/**
 * The text of an uploaded CSV export. German Fachverfahren write UTF-8 (often with a byte-order
 * mark) or Windows-1252; a file that is valid UTF-8 is read as UTF-8, anything else as
 * Windows-1252 — the two are told apart reliably, because umlauts in Windows-1252 are never valid
 * UTF-8. UTF-16 and binary files are refused rather than imported as garbage.
 */
export function decodeTitleFile(bytes: Uint8Array): DecodedTitleFile {
  if (bytes.length === 0) throw refused('Die Datei ist leer. / The file is empty.');
  if (bytes.length > titleFileMaxBytes)
    throw new AppError('payload_too_large', `Die Datei ist größer als ${titleFileMaxBytes / 1024 / 1024} MB. / The file is too large.`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw refused('Die Datei ist in UTF-16 gespeichert. Bitte als UTF-8 oder Windows-1252 (ANSI) exportieren. / UTF-16 is not supported.');
  if (bytes.includes(0)) throw refused('Das ist keine Textdatei (CSV). / This is not a text (CSV) file.');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    if (bom) throw refused('Die Datei ist als UTF-8 gekennzeichnet, enthält aber ungültige Zeichen. / The file claims UTF-8 but is not.');
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}
