import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../../../shared/app-error.ts';
import type { DeliverySource } from './delivery-source.ts';

export type ZipLimits = {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Uncompressed : compressed, checked for entries above 1 MiB (PDFs compress little; bombs by 1000:1). */
  maxRatio: number;
};

export const defaultZipLimits: ZipLimits = {
  maxEntries: 200_000,
  maxTotalBytes: 100 * 1024 ** 3,
  maxEntryBytes: 2 * 1024 ** 3,
  maxRatio: 100,
};

const symlinkMode = 0o120000;
const fileTypeMask = 0o170000;

function refused(message: string): AppError {
  return new AppError('bad_request', `Zip refused: ${message}`);
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, zip) =>
      error ? reject(refused(error.message)) : resolve(zip),
    );
  });
}

/** Reads the central directory and checks every entry before a single byte is unpacked. */
function readEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > limits.maxEntries) return Promise.reject(refused(`${zip.entryCount} entries (at most ${limits.maxEntries})`));
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  return new Promise((resolve, reject) => {
    zip.on('error', (error: Error) => reject(error instanceof AppError ? error : refused(error.message)));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (name.endsWith('/')) return zip.readEntry();
      if (((entry.externalFileAttributes >>> 16) & fileTypeMask) === symlinkMode) return reject(refused(`symbolic link ${name}`));
      if (entry.isEncrypted()) return reject(refused(`encrypted entry ${name}`));
      if (entries.has(name)) return reject(refused(`entry ${name} twice`));
      const size = entry.uncompressedSize;
      if (size > limits.maxEntryBytes) return reject(refused(`entry ${name} unpacks to ${size} bytes (at most ${limits.maxEntryBytes})`));
      if (size > 1024 ** 2 && size / Math.max(entry.compressedSize, 1) > limits.maxRatio)
        return reject(refused(`entry ${name} is compressed ${Math.round(size / Math.max(entry.compressedSize, 1))}:1 (a zip bomb?)`));
      total += size;
      if (total > limits.maxTotalBytes) return reject(refused(`unpacks to more than ${limits.maxTotalBytes} bytes`));
      entries.set(name, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/**
 * A zip delivery. Refused as a whole (nothing imported) for a path leaving the folder (`../`, an
 * absolute path), a symbolic link, an encrypted entry, too many entries, or sizes and ratios of
 * a zip bomb; yauzl checks while unpacking that no entry yields more bytes than it declared.
 */
export async function openZipSource(zipPath: string, limits: ZipLimits = defaultZipLimits): Promise<DeliverySource> {
  const zip = await openZip(zipPath);
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await readEntries(zip, limits);
  } catch (error) {
    zip.close();
    throw error;
  }
  const files = new Map([...entries].map(([name, entry]) => [name, entry.uncompressedSize]));
  return {
    files,
    open(relativePath) {
      const entry = entries.get(relativePath);
      if (!entry) return Promise.reject(new AppError('not_found', `${relativePath} is not in the zip`));
      return new Promise<Readable>((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => (error ? reject(refused(error.message)) : resolve(stream)));
      });
    },
    async close() {
      zip.close();
    },
  };
}
