import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../shared/app-error.ts';
import {
  categoryFrom,
  type DeliveredFile,
  type DeliveredPerson,
  type DeliveryRow,
  fileReferencePattern,
  type ParsedDelivery,
  parseFullDate,
  parseNationalities,
  parsePartialDate,
  safeRelativePath,
  sexFrom,
} from './delivery-row.ts';
import { documentExtension, personExtension, sha256Field } from './xdomea-names.ts';

// biome-ignore lint/suspicious/noExplicitAny: parsed XML is untyped until read field by field below
type Node = any;

const repeated = new Set([
  'Schriftgutobjekt',
  'Dokument',
  'Vorgang',
  'Teilakte',
  'Teilvorgang',
  'Version',
  'Format',
  'Kontakt',
  'AnwendungsspezifischeErweiterung',
  'Feld',
]);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => repeated.has(name),
});

export const supportedMessages = { 'Abgabe.Abgabe.0401': '0401', 'Aussonderung.Aussonderung.0503': '0503' } as const;

const text = (value: Node): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const list = (value: Node): Node[] => (Array.isArray(value) ? value : []);

function extensionFields(node: Node, kennung: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const extension of list(node?.AnwendungsspezifischeErweiterung)) {
    if (text(extension?.Kennung) !== kennung) continue;
    for (const field of list(extension.Feld)) fields.set(text(field?.Name), text(field?.Wert));
  }
  return fields;
}

/** The person of an Akte: Lotse's extension if present, else the first Kontakt with a family name. */
function personOf(akte: Node): DeliveredPerson | string {
  const fields = extensionFields(akte, personExtension.kennung);
  const kontakt = list(akte?.Kontakt).find((candidate) => text(candidate?.Name?.Familienname?.Name) !== '');
  const familyName = fields.get('family_name') ?? text(kontakt?.Name?.Familienname?.Name);
  if (familyName === '') return 'the file has no person (a Kontakt with Familienname)';
  if (familyName.length > 200) return 'family name is longer than 200 characters';
  const birthText = fields.get('date_of_birth') ?? text(kontakt?.Geburt?.Datum);
  let birth: DeliveredPerson['birth'];
  if (birthText !== '') {
    const parsed = parsePartialDate(birthText);
    if ('error' in parsed) return `date of birth: ${parsed.error}`;
    birth = parsed;
  }
  const nationalities = parseNationalities(fields.get('nationalities') ?? '');
  if ('error' in nationalities) return nationalities.error;
  const sex = sexFrom(fields.get('sex') ?? '') ?? 'unknown';
  const birthName = fields.get('birth_name') ?? '';
  const placeOfBirth = fields.get('place_of_birth') ?? '';
  return {
    familyName,
    givenNames: (fields.get('given_names') ?? text(kontakt?.Name?.Vorname?.Name)).slice(0, 200),
    ...(birthName === '' ? {} : { birthName }),
    ...(birth ? { birth } : {}),
    ...(placeOfBirth === '' ? {} : { placeOfBirth }),
    nationalities,
    sex,
  };
}

type Context = { reference: string; person: DeliveredPerson | string; folder: string };
type Collected = { node: Node; context: Context };

function collectDocuments(container: Node, context: Context, into: Collected[]): void {
  for (const dokument of list(container?.Dokument)) into.push({ node: dokument, context });
  for (const vorgang of [...list(container?.Vorgang), ...list(container?.Teilvorgang)]) collectDocuments(vorgang, context, into);
}

function collectAkte(akte: Node, outer: Context, into: Collected[]): void {
  const reference = text(akte?.AllgemeineMetadaten?.Kennzeichen) || outer.reference;
  const own = personOf(akte);
  const context = { ...outer, reference, person: typeof own === 'string' && typeof outer.person !== 'string' ? outer.person : own };
  collectDocuments(akte, context, into);
  if (akte?.Akteninhalt) collectDocuments(akte.Akteninhalt, context, into);
  for (const teilakte of [...list(akte?.Teilakte), ...list(akte?.Akteninhalt?.Teilakte)]) collectAkte(teilakte, context, into);
}

function versionsOf(dokument: Node, folder: string): DeliveredFile[] | string {
  const hashes = extensionFields(dokument, documentExtension.kennung);
  const versions = list(dokument?.Version)
    .map((version, index) => ({ version, number: text(version?.Nummer) || String(index + 1), index }))
    .sort((a, b) => (Number(a.number) || a.index) - (Number(b.number) || b.index));
  const files: DeliveredFile[] = [];
  for (const { version, number } of versions) {
    const primary = list(version?.Format)[0]?.Primaerdokument;
    const name = text(primary?.Dateiname);
    const relative = safeRelativePath(folder === '' ? name : `${folder}/${name}`);
    if (relative === undefined || name.includes('/') || name.includes('\\')) return `primary file name "${name}" is empty or not a plain file name`;
    const declared = hashes.get(sha256Field(number));
    if (declared !== undefined && !/^[0-9a-f]{64}$/.test(declared)) return `declared sha256 of version ${number} is not 64 hexadecimal digits`;
    const original = text(primary?.DateinameOriginal) || name;
    files.push({ path: relative, fileName: original.slice(0, 255), ...(declared ? { sha256: declared } : {}) });
  }
  return files.length > 0 ? files : 'the document has no version with a primary file';
}

function rowOf({ node, context }: Collected, position: number): DeliveryRow | string {
  const id = text(node?.Identifikation?.ID).toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return 'the document has no Identifikation/ID (UUID)';
  const reference = text(node?.AllgemeineMetadaten?.Kennzeichen) && !context.reference ? text(node.AllgemeineMetadaten.Kennzeichen) : context.reference;
  if (!fileReferencePattern.test(reference)) return `file reference (Kennzeichen) "${reference}" is empty or not a valid file reference`;
  if (typeof context.person === 'string') return context.person;
  const files = versionsOf(node, context.folder);
  if (typeof files === 'string') return files;
  const dates: { receivedOn?: string; datedOn?: string } = {};
  for (const [element, key] of [
    ['Posteingangsdatum', 'receivedOn'],
    ['DatumDesSchreibens', 'datedOn'],
  ] as const) {
    if (text(node?.[element]) === '') continue;
    const date = parseFullDate(text(node[element]));
    if (typeof date !== 'string') return `${element}: ${date.error}`;
    dates[key] = date;
  }
  const title = (text(node?.AllgemeineMetadaten?.Betreff) || files.at(-1)!.fileName).slice(0, 300);
  const sender = text(node?.Absender?.[0]?.Institution?.Name) || text(node?.Absender?.Institution?.Name);
  return {
    rowKey: `xdomea:${id}`,
    position,
    fileReference: reference,
    person: context.person,
    // Other systems' document types are free text: anything Lotse does not know becomes "other".
    document: { title, category: categoryFrom(text(node?.Typ)) ?? 'other', ...dates, ...(sender ? { sender: sender.slice(0, 300) } : {}) },
    files,
  };
}

/**
 * Reads an xdomea 3.0 Abgabe (0401) or Aussonderung (0503) message: every Dokument (in Akten,
 * Teilakten, Vorgänge or on its own) becomes one row; its primary files are expected beside the
 * message (`folder` is the message's folder inside the delivery).
 */
export function parseXdomeaMessage(xml: string, folder = ''): ParsedDelivery & { messageType: '0401' | '0503'; processId: string } {
  let root: Node;
  try {
    root = parser.parse(xml);
  } catch (error) {
    throw new AppError('bad_request', `The xdomea message is not well-formed XML: ${(error as Error).message}`);
  }
  const name = Object.keys(root).find((key) => key in supportedMessages) as keyof typeof supportedMessages | undefined;
  if (!name) throw new AppError('bad_request', 'Not an xdomea 3.0 Abgabe (0401) or Aussonderung (0503) message');
  const message = root[name];
  const collected: Collected[] = [];
  const outer: Context = { reference: '', person: 'the document belongs to no file with a person', folder };
  for (const objekt of list(message?.Schriftgutobjekt)) {
    if (objekt?.Akte) collectAkte(objekt.Akte, outer, collected);
    if (objekt?.Vorgang)
      collectDocuments({ Vorgang: [objekt.Vorgang] }, { ...outer, reference: text(objekt.Vorgang?.AllgemeineMetadaten?.Kennzeichen) }, collected);
    if (objekt?.Dokument) for (const dokument of list(objekt.Dokument)) collected.push({ node: dokument, context: outer });
  }
  const result: ParsedDelivery = { rows: [], unreadable: [] };
  const seen = new Set<string>();
  collected.forEach((entry, index) => {
    const position = index + 1;
    const row = rowOf(entry, position);
    const id = text(entry.node?.Identifikation?.ID) || `document ${position}`;
    if (typeof row === 'string') result.unreadable.push({ rowKey: `xdomea:${id}`, position, reason: row });
    else if (seen.has(row.rowKey))
      result.unreadable.push({ rowKey: `xdomea:${id}#${position}`, position, reason: 'duplicate document: the same Identifikation/ID twice' });
    else {
      seen.add(row.rowKey);
      result.rows.push(row);
    }
  });
  return { ...result, messageType: supportedMessages[name], processId: text(message?.Kopf?.ProzessID) };
}
