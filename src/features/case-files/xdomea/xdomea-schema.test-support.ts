import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';

/**
 * For tests only: the official xdomea 3.0.0 schemas, unmodified, kept in the repository
 * (vendor/xdomea-3.0.0, free of third-party rights) so that a clean checkout validates offline.
 */
export const xdomeaStandardFolder = process.env.XDOMEA_STANDARD_FOLDER ?? path.resolve(import.meta.dirname, '../../../../vendor/xdomea-3.0.0');

const mainSchema = { '0401': 'xdomea-Nachrichten-AbgabeDurchfuehren.xsd', '0503': 'xdomea-Nachrichten-AussonderungDurchfuehren.xsd' } as const;

/**
 * Validates a message against the unmodified official schemas with xmllint (WebAssembly). Every
 * xsd is loaded; xmllint-wasm keeps its files in one flat folder, so the one import that points
 * to a sibling folder (the XÖV code type) is pointed at the flat name when loading.
 */
export async function validateXdomea(xml: string, messageType: keyof typeof mainSchema): Promise<{ valid: boolean; errors: string[] }> {
  const schemas = path.join(xdomeaStandardFolder, 'schemas');
  const names = (await readdir(schemas)).filter((name) => name.endsWith('.xsd'));
  const load = async (name: string) => ({
    fileName: name,
    contents: (await readFile(path.join(schemas, name), 'utf8')).replace('../xoev/code/1_0/xoev-code.xsd', 'xoev-code.xsd'),
  });
  const preload = await Promise.all(names.filter((name) => name !== mainSchema[messageType]).map(load));
  preload.push({ fileName: 'xoev-code.xsd', contents: await readFile(path.join(xdomeaStandardFolder, 'xoev/code/1_0/xoev-code.xsd'), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName: 'message.xml', contents: xml }],
    schema: [await load(mainSchema[messageType])],
    preload,
    maxMemoryPages: memoryPages.GiB,
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}
