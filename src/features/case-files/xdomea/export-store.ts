import type { Database } from '../../../db/database.ts';
import type { ExportedDocument, ExportedFile } from './export-message.ts';

/** Everything an Abgabe carries for one file, except the bytes (those come from the blob store). */
export async function loadFileForExport(
  db: Database,
  fileId: string,
): Promise<(Omit<ExportedFile, 'sender'> & { locationId: string; locationName: string }) | undefined> {
  const file = await db
    .selectFrom('case_file as f')
    .innerJoin('case_person as p', 'p.id', 'f.person_id')
    .innerJoin('location as l', 'l.id', 'f.location_id')
    .select([
      'f.id',
      'f.reference',
      'f.location_id',
      'l.name as location_name',
      'p.family_name',
      'p.given_names',
      'p.birth_name',
      'p.birth_year',
      'p.birth_month',
      'p.birth_day',
      'p.place_of_birth',
      'p.nationalities',
      'p.sex',
    ])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
  if (!file) return undefined;
  const versions = await db
    .selectFrom('case_document as d')
    .innerJoin('case_document_version as v', 'v.document_id', 'd.id')
    .select([
      'd.id',
      'd.title',
      'd.category',
      'd.received_on',
      'd.dated_on',
      'd.sender',
      'v.number',
      'v.file_name',
      'v.media_type',
      'v.blob_sha256',
      'v.created_by',
      'v.created_at',
    ])
    .where('d.file_id', '=', fileId)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .orderBy('v.number')
    .execute();
  const documents = new Map<string, ExportedDocument>();
  for (const row of versions) {
    let document = documents.get(row.id);
    if (!document) {
      document = {
        id: row.id,
        title: row.title,
        category: row.category,
        receivedOn: row.received_on as string | null,
        datedOn: row.dated_on as string | null,
        sender: row.sender,
        versions: [],
      };
      documents.set(row.id, document);
    }
    document.versions.push({
      number: row.number,
      fileName: row.file_name,
      mediaType: row.media_type,
      sha256: row.blob_sha256,
      createdBy: row.created_by,
      createdAt: row.created_at,
    });
  }
  const birth =
    file.birth_year === null
      ? null
      : {
          year: file.birth_year,
          ...(file.birth_month === null ? {} : { month: file.birth_month }),
          ...(file.birth_day === null ? {} : { day: file.birth_day }),
        };
  return {
    fileId: file.id,
    reference: file.reference,
    locationId: file.location_id,
    locationName: file.location_name,
    person: {
      familyName: file.family_name,
      givenNames: file.given_names,
      birthName: file.birth_name,
      birth,
      placeOfBirth: file.place_of_birth,
      nationalities: file.nationalities,
      sex: file.sex,
    },
    documents: [...documents.values()],
  };
}
