import type { PartialDate } from './delivery-row.ts';
import { documentExtension, formatCode, formatListVersion, personExtension, sha256Field, xdomeaNamespace } from './xdomea-names.ts';

export type ExportedVersion = { number: number; fileName: string; mediaType: string; sha256: string; createdBy: string; createdAt: Date };
export type ExportedDocument = {
  id: string;
  title: string;
  category: string;
  receivedOn: string | null;
  datedOn: string | null;
  sender: string | null;
  versions: ExportedVersion[];
};
export type ExportedFile = {
  fileId: string;
  reference: string;
  sender: { office: string; location: string };
  person: {
    familyName: string;
    givenNames: string;
    birthName: string | null;
    birth: PartialDate | null;
    placeOfBirth: string | null;
    nationalities: string[];
    sex: string;
  };
  documents: ExportedDocument[];
};

/** Control characters other than tab, newline and carriage return cannot appear in XML 1.0 at all. */
const withoutForbidden = (value: string) =>
  [...value]
    .filter((char) => {
      const code = char.codePointAt(0)!;
      return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff;
    })
    .join('');

const escapeXml = (value: string) => withoutForbidden(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function element(name: string, content: string | undefined | null): string {
  return content === undefined || content === null || content === '' ? '' : `<xdomea:${name}>${escapeXml(content)}</xdomea:${name}>`;
}

const dateTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function formatPartialDate(date: PartialDate): string {
  return [String(date.year).padStart(4, '0'), date.month, date.day]
    .filter((part) => part !== undefined)
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
}

/** The name under which a version's bytes travel in the zip (schema: starts with a UUID). */
export function primaryFileName(documentId: string, version: ExportedVersion): string {
  const safe = version.fileName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-120);
  return `${documentId}_v${version.number}_${safe}`;
}

function extension(kennung: string, name: string, fields: [string, string | null | undefined][]): string {
  const feld = fields
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([fieldName, value]) => `<xdomea:Feld>${element('Name', fieldName)}${element('Wert', value)}</xdomea:Feld>`)
    .join('');
  return `<xdomea:AnwendungsspezifischeErweiterung>${element('Kennung', kennung)}${element('Name', name)}${feld}</xdomea:AnwendungsspezifischeErweiterung>`;
}

function documentXml(document: ExportedDocument): string {
  const versions = document.versions
    .map((version) => {
      const format = formatCode(version.mediaType);
      return (
        `<xdomea:Version>${element('Nummer', String(version.number))}<xdomea:Format>` +
        `<xdomea:Name listURI="urn:xoev-de:xdomea:codeliste:dateiformat" listVersionID="${formatListVersion}"><code>${escapeXml(format.code)}</code></xdomea:Name>` +
        `${element('SonstigerName', format.otherName)}<xdomea:Version></xdomea:Version>` +
        `<xdomea:Primaerdokument>${element('Dateiname', primaryFileName(document.id, version))}${element('DateinameOriginal', version.fileName)}` +
        `${element('Ersteller', version.createdBy)}${element('DatumUhrzeit', dateTime(version.createdAt))}</xdomea:Primaerdokument>` +
        '</xdomea:Format></xdomea:Version>'
      );
    })
    .join('');
  const sender = document.sender ? `<xdomea:Absender><xdomea:Institution>${element('Name', document.sender)}</xdomea:Institution></xdomea:Absender>` : '';
  const hashes = extension(
    documentExtension.kennung,
    documentExtension.name,
    document.versions.map((version) => [sha256Field(String(version.number)), version.sha256]),
  );
  return (
    `<xdomea:Dokument><xdomea:Identifikation>${element('ID', document.id)}</xdomea:Identifikation>` +
    `<xdomea:AllgemeineMetadaten>${element('Betreff', document.title)}</xdomea:AllgemeineMetadaten>` +
    `${element('Posteingangsdatum', document.receivedOn)}${element('DatumDesSchreibens', document.datedOn)}${element('Typ', document.category)}` +
    `${versions}${sender}${hashes}</xdomea:Dokument>`
  );
}

/**
 * A person's whole file as an xdomea 3.0 Abgabe (0401) message: one Akte with the person as
 * Kontakt (and every person field Lotse keeps in an application-specific extension, since
 * xdomea has no place for a partial date of birth or nationalities), and every document with
 * all its versions. The SHA-256 of each version travels in the document's extension.
 */
export function abgabeMessage(file: ExportedFile, processId: string, createdAt: Date): string {
  const person = file.person;
  const fullBirth = person.birth?.day !== undefined ? formatPartialDate(person.birth) : undefined;
  const kontakt =
    '<xdomea:Kontakt><xdomea:Name>' +
    `<xdomea:Familienname>${element('Name', person.familyName)}</xdomea:Familienname>` +
    (person.givenNames ? `<xdomea:Vorname>${element('Name', person.givenNames)}</xdomea:Vorname>` : '') +
    '</xdomea:Name>' +
    (fullBirth ? `<xdomea:Geburt>${element('Datum', fullBirth)}</xdomea:Geburt>` : '') +
    '</xdomea:Kontakt>';
  const personFields = extension(personExtension.kennung, personExtension.name, [
    ['family_name', person.familyName],
    ['given_names', person.givenNames],
    ['birth_name', person.birthName],
    ['date_of_birth', person.birth ? formatPartialDate(person.birth) : null],
    ['place_of_birth', person.placeOfBirth],
    ['nationalities', person.nationalities.join(',')],
    ['sex', person.sex],
  ]);
  const institution = (name: string) => `<xdomea:Institution>${element('Name', name)}</xdomea:Institution>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<xdomea:Abgabe.Abgabe.0401 xmlns:xdomea="${xdomeaNamespace}">` +
    `<xdomea:Kopf>${element('ProzessID', processId)}<xdomea:Nachrichtentyp listURI="urn:xoev-de:xdomea:codeliste:nachrichtentyp" listVersionID="2.0"><code>0401</code></xdomea:Nachrichtentyp>` +
    `${element('Erstellungszeitpunkt', dateTime(createdAt))}` +
    `<xdomea:Absender>${institution(file.sender.office)}<xdomea:Organisationseinheit>${element('Name', file.sender.location)}</xdomea:Organisationseinheit></xdomea:Absender>` +
    `<xdomea:Empfaenger>${institution('Empfangende Behörde')}</xdomea:Empfaenger>` +
    `<xdomea:SendendesSystem>${element('Produktname', 'Lotse')}</xdomea:SendendesSystem>` +
    `${element('Importbestaetigung', '1')}${element('Empfangsbestaetigung', '1')}</xdomea:Kopf>` +
    `<xdomea:Schriftgutobjekt><xdomea:Akte><xdomea:Identifikation>${element('ID', file.fileId)}</xdomea:Identifikation>` +
    `<xdomea:AllgemeineMetadaten>${element('Betreff', `Ausländerakte ${person.familyName}, ${person.givenNames}`.trim())}${element('Kennzeichen', file.reference)}</xdomea:AllgemeineMetadaten>` +
    `<xdomea:Akteninhalt>${file.documents.map(documentXml).join('')}</xdomea:Akteninhalt>` +
    `${kontakt}${personFields}</xdomea:Akte></xdomea:Schriftgutobjekt>` +
    '</xdomea:Abgabe.Abgabe.0401>\n'
  );
}
