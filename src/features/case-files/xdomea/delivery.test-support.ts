import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A small but real PDF (file-type recognizes it), padded with random bytes in a stream to the size asked. */
export function pdfBytes(size = 2000, seed = randomBytes(8).toString('hex')): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${seed}\n1 0 obj << /Length ${size} >>\nstream\n`);
  const tail = Buffer.from('\nendstream\nendobj\n%%EOF\n');
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length - tail.length)), tail]);
}

export type CsvDeliveryRow = {
  reference: string;
  familyName?: string;
  givenNames?: string;
  dateOfBirth?: string;
  nationality?: string;
  title?: string;
  category?: string;
  path: string;
  /** the file's bytes; left out: the file is missing */
  bytes?: Buffer;
  /** the manifest's checksum; defaults to the real one */
  sha256?: string;
};

const header = 'file_reference;family_name;given_names;date_of_birth;nationality;sex;document_title;category;received_on;path;sha256';

/** Writes a CSV delivery (manifest.csv and the files beside it) into a folder. */
export async function writeCsvDelivery(folder: string, rows: CsvDeliveryRow[]): Promise<string> {
  await mkdir(folder, { recursive: true });
  const lines = [header];
  for (const row of rows) {
    if (row.bytes) {
      await mkdir(path.dirname(path.join(folder, row.path)), { recursive: true });
      await writeFile(path.join(folder, row.path), row.bytes);
    }
    lines.push(
      [
        row.reference,
        row.familyName ?? 'Kovalenko',
        row.givenNames ?? 'Oleksandr',
        row.dateOfBirth ?? '03.1985',
        row.nationality ?? 'UA',
        'm',
        row.title ?? `Dokument ${row.path}`,
        row.category ?? 'Antrag',
        '02.01.2020',
        row.path,
        row.sha256 ?? (row.bytes ? sha256Of(row.bytes) : '0'.repeat(64)),
      ].join(';'),
    );
  }
  await writeFile(path.join(folder, 'manifest.csv'), `${lines.join('\n')}\n`);
  return folder;
}
