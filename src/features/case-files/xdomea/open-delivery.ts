import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/app-error.ts';
import { parseCsvManifest } from './csv-manifest.ts';
import type { ParsedDelivery } from './delivery-row.ts';
import { type DeliverySource, readAll } from './delivery-source.ts';
import { openFolderSource } from './folder-source.ts';
import { parseXdomeaMessage } from './xdomea-message.ts';
import { openZipSource, type ZipLimits } from './zip-source.ts';

export type OpenedDelivery = ParsedDelivery & {
  kind: 'xdomea' | 'csv';
  /** SHA-256 of the manifest or message: the same delivery run again has the same key. */
  deliveryKey: string;
  source: DeliverySource;
};

const maxManifestBytes = 64 * 1024 ** 2;

/** The manifest: the one CSV file, else the one xdomea message (`<ProzessID>_0401.xml`, `…_0503.xml`, or the only XML). */
function findManifest(source: DeliverySource): { kind: 'csv' | 'xdomea'; path: string } {
  const names = [...source.files.keys()];
  const shallowest = (candidates: string[]) => {
    const depth = Math.min(...candidates.map((name) => name.split('/').length));
    return candidates.filter((name) => name.split('/').length === depth);
  };
  const csv = names.filter((name) => name.toLowerCase().endsWith('.csv'));
  if (csv.length > 0) {
    const top = shallowest(csv);
    if (top.length > 1) throw new AppError('bad_request', `The delivery has more than one CSV manifest: ${top.join(', ')}`);
    return { kind: 'csv', path: top[0]! };
  }
  const xml = names.filter((name) => name.toLowerCase().endsWith('.xml'));
  const messages = xml.filter((name) => /_(0401|0503)\.xml$/i.test(name));
  const candidates = messages.length > 0 ? shallowest(messages) : xml.length > 0 ? shallowest(xml) : [];
  if (candidates.length === 1) return { kind: 'xdomea', path: candidates[0]! };
  if (candidates.length > 1) throw new AppError('bad_request', `The delivery has more than one xdomea message: ${candidates.join(', ')}`);
  throw new AppError('bad_request', 'The delivery has neither a CSV manifest nor an xdomea message (XML).');
}

/** Opens a folder or a zip, finds and reads its manifest; the caller closes `source`. */
export async function openDelivery(location: string, zipLimits?: ZipLimits): Promise<OpenedDelivery> {
  const info = await stat(location).catch(() => undefined);
  if (!info) throw new AppError('not_found', `${path.basename(location)} does not exist`);
  const source = info.isDirectory() ? await openFolderSource(location) : await openZipSource(location, zipLimits);
  try {
    const manifest = findManifest(source);
    const bytes = await readAll(source, manifest.path, maxManifestBytes);
    const deliveryKey = createHash('sha256').update(`${manifest.kind}\n`).update(bytes).digest('hex');
    const text = bytes.toString('utf8');
    const folder = manifest.path.includes('/') ? manifest.path.slice(0, manifest.path.lastIndexOf('/')) : '';
    const parsed = manifest.kind === 'csv' ? parseCsvManifest(text) : parseXdomeaMessage(text, folder);
    // CSV paths are relative to the manifest's folder too.
    const rows =
      manifest.kind === 'csv' && folder !== ''
        ? parsed.rows.map((row) => ({ ...row, files: row.files.map((file) => ({ ...file, path: `${folder}/${file.path}` })) }))
        : parsed.rows;
    return { kind: manifest.kind, deliveryKey, source, rows, unreadable: parsed.unreadable };
  } catch (error) {
    await source.close();
    throw error;
  }
}
