import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';

/**
 * A Lotse backup is one gzip file of JSON lines: a header, then each table (a table line and its
 * rows, each row as PostgreSQL's own `row_to_json` text), then optionally the data folder's files
 * (a file line and its content in base64 lines), then an end line with the counts and the SHA-256
 * of every line before it. A file that is cut short, altered or not a backup fails the check.
 */
export const backupFormat = 'lotse-backup';
export const backupFormatVersion = 1;
export const fileChunkBytes = 48 * 1024;

export type BackupHeader = {
  format: typeof backupFormat;
  version: number;
  createdAt: string;
  /** Applied migrations in the order they ran: restore re-creates exactly this schema. */
  migrations: { name: string; timestamp: string }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
};
export type TableHeader = { table: string; columns: string[]; rows: number };
export type FileHeader = { file: string; size: number };
type EndLine = { end: true; tables: number; rows: number; files: number; sha256: string };

export class BackupError extends Error {}

export type BackupEvent =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: TableHeader }
  | { kind: 'row'; json: string }
  | { kind: 'file'; file: FileHeader }
  | { kind: 'chunk'; data: Buffer }
  | { kind: 'end'; tables: number; rows: number; files: number };

/** Writes a backup to `<path>.partial` (readable by the owner only) and renames it when complete. */
export async function createBackupSink(filePath: string) {
  const partial = `${filePath}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = zlib.createGzip({ level: 6 });
  gzip.pipe(out);
  const hash = createHash('sha256');
  const counts = { tables: 0, rows: 0, files: 0 };
  async function line(text: string): Promise<void> {
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    hash.update(bytes);
    if (!gzip.write(bytes)) await once(gzip, 'drain');
  }
  return {
    header: (header: BackupHeader) => line(JSON.stringify(header)),
    table: (table: TableHeader) => {
      counts.tables++;
      return line(JSON.stringify(table));
    },
    row: (json: string) => {
      counts.rows++;
      return line(json);
    },
    file: (file: FileHeader) => {
      counts.files++;
      return line(JSON.stringify(file));
    },
    chunk: (data: Buffer) => line(data.toString('base64')),
    async finish(): Promise<typeof counts> {
      const end: EndLine = { end: true, ...counts, sha256: hash.digest('hex') };
      gzip.end(`${JSON.stringify(end)}\n`);
      await finished(out);
      await fs.promises.rename(partial, filePath);
      return counts;
    },
    async abandon(): Promise<void> {
      gzip.destroy();
      out.destroy();
      await fs.promises.rm(partial, { force: true });
    },
  };
}

async function* lines(filePath: string): AsyncGenerator<string> {
  const input = fs.createReadStream(filePath);
  const gunzip = zlib.createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let newline: number;
      while ((newline = rest.indexOf('\n')) >= 0) {
        yield rest.slice(0, newline);
        rest = rest.slice(newline + 1);
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The file is not a complete Lotse backup (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  rest += decoder.end();
  if (rest.length) yield rest;
}

function parse<T>(text: string | undefined, what: string): T {
  try {
    if (text === undefined) throw new Error('missing');
    return JSON.parse(text) as T;
  } catch {
    throw new BackupError(`The file is not a complete Lotse backup (${what} unreadable).`);
  }
}

/**
 * Reads a backup line by line and checks it as it goes; the last event comes only after the
 * end line's hash and counts matched. Restore reads the whole file once before it writes anything.
 */
export async function* readBackup(filePath: string): AsyncGenerator<BackupEvent> {
  const source = lines(filePath);
  const hash: Hash = createHash('sha256');
  const next = async (what: string): Promise<string> => {
    const result = await source.next();
    if (result.done) throw new BackupError(`The file is not a complete Lotse backup (it ends before the ${what}).`);
    return result.value;
  };
  const take = async (what: string): Promise<string> => {
    const text = await next(what);
    hash.update(`${text}\n`, 'utf8');
    return text;
  };
  const header = parse<BackupHeader>(await take('header'), 'header');
  if (header.format !== backupFormat) throw new BackupError('The file is not a Lotse backup.');
  if (header.version !== backupFormatVersion)
    throw new BackupError(`The backup has format version ${header.version}; this Lotse reads version ${backupFormatVersion}.`);
  yield { kind: 'header', header };
  const counts = { tables: 0, rows: 0, files: 0 };
  for (;;) {
    const text = await next('end line');
    const item = parse<Partial<TableHeader & FileHeader & EndLine>>(text, 'a section line');
    if (item.end) {
      if (item.sha256 !== hash.digest('hex') || item.tables !== counts.tables || item.rows !== counts.rows || item.files !== counts.files) {
        throw new BackupError('The backup is damaged: its content does not match its checksum.');
      }
      if (!(await source.next()).done) throw new BackupError('The backup is damaged: there is data after its end.');
      yield { kind: 'end', ...counts };
      return;
    }
    hash.update(`${text}\n`, 'utf8');
    if (typeof item.table === 'string' && Array.isArray(item.columns) && Number.isInteger(item.rows)) {
      counts.tables++;
      yield { kind: 'table', table: { table: item.table, columns: item.columns, rows: item.rows! } };
      for (let i = 0; i < item.rows!; i++) {
        const row = await take(`rows of ${item.table}`);
        if (!row.startsWith('{') || !row.endsWith('}')) throw new BackupError(`The backup is damaged: a row of ${item.table} is unreadable.`);
        counts.rows++;
        yield { kind: 'row', json: row };
      }
    } else if (typeof item.file === 'string' && Number.isInteger(item.size)) {
      counts.files++;
      yield { kind: 'file', file: { file: item.file, size: item.size! } };
      for (let left = item.size!; left > 0; ) {
        const data = Buffer.from(await take(`content of a file`), 'base64');
        if (data.length === 0 || data.length > left) throw new BackupError('The backup is damaged: a file has the wrong size.');
        left -= data.length;
        yield { kind: 'chunk', data };
      }
    } else {
      throw new BackupError('The backup is damaged: an unknown section.');
    }
  }
}
