import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestJobs } from '../../../../test/app.ts';
import { bytesOf, documentClerk, generatedBytes, interruptedBytes } from '../../../../test/case-document-fixtures.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { imageOnlyPdf, pdfWithText } from '../../../demo/demo-documents.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { addDocumentNote } from './add-document-note.ts';
import { addNewVersion } from './add-new-version.ts';
import { deleteDocument } from './delete-document.ts';
import { editDocument } from './edit-document.ts';
import { lockDocument } from './lock-document.ts';
import { unlockDocument } from './unlock-document.ts';
import { uploadDocument } from './upload-document.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T07:00:00Z');
const folder = await temporaryFolder('lotse-docs-');
const blobs = createBlobStore({ folder });
const deps = { db, clock, blobs, uploadMaxBytes: 5 * 1024 * 1024, jobs: createTestJobs(url) };
const office = await createOffice(db);
const clerk = await documentClerk(db, [office.locationId]);
const otherClerk = await documentClerk(db, [office.locationId]);
const metadata = { title: 'Antrag auf Verlängerung', category: 'application', receivedOn: '2026-11-20', datedOn: '', sender: 'Frau Rahimi' };
const pdf = await pdfWithText(['Antrag auf Verlängerung der Aufenthaltserlaubnis']);
const upload = (body: AsyncIterable<Uint8Array>, fileName = 'antrag.pdf', declaredType: string | undefined = 'application/pdf') => ({
  body,
  fileName,
  declaredType,
});

async function newFile() {
  return createPersonWithFile(db, { locationId: office.locationId });
}
const countRows = async (table: 'case_document' | 'case_document_version' | 'blob', fileId?: string) => {
  if (table === 'case_document' && fileId)
    return (await db.selectFrom('case_document').select(db.fn.countAll<number>().as('n')).where('file_id', '=', fileId).executeTakeFirstOrThrow()).n;
  return (await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
};
const stagedFiles = async () => fs.readdir(path.join(folder, 'tmp')).catch(() => []);

test('a clerk uploads a PDF: document, version 1, blob, audit and a queued text job, all at once', async () => {
  const file = await newFile();
  const sut = await uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(pdf)) });
  assert.equal(sut.number, 1);
  const document = await db.selectFrom('case_document').selectAll().where('id', '=', sut.documentId).executeTakeFirstOrThrow();
  assert.equal(document.title, 'Antrag auf Verlängerung');
  assert.equal(document.received_on, '2026-11-20');
  assert.equal(document.dated_on, null);
  assert.equal(document.text_state, 'pending');
  const version = await db.selectFrom('case_document_version').selectAll().where('document_id', '=', sut.documentId).executeTakeFirstOrThrow();
  assert.equal(version.media_type, 'application/pdf');
  assert.equal(Number(version.size), pdf.length);
  assert.equal(version.created_by_staff_id, clerk.staffId);
  assert.equal(await blobs.has(version.blob_sha256), true);
  const audit = await db.selectFrom('audit_entry').select('action').where('target_id', '=', sut.documentId).execute();
  assert.deepEqual(audit, [{ action: 'case_document.add' }]);
  const jobs = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'case-files.extract-document-text' AND data->>'documentId' = ${sut.documentId}`.execute(db);
  assert.equal(jobs.rows[0]?.n, 1);
  assert.deepEqual(await stagedFiles(), []);
});

test('a "PDF" that is no PDF is refused with 422, and nothing is kept', async () => {
  const file = await newFile();
  const blobsBefore = await countRows('blob');
  await assert.rejects(uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf('Dies ist ein Brief, kein PDF.')) }), {
    code: 'validation_failed',
    message: /kein PDF/,
  });
  // named .txt but declared as PDF by the browser: still refused
  await assert.rejects(uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf('Hallo'), 'notiz.txt') }), {
    code: 'validation_failed',
  });
  assert.equal(await countRows('case_document', file.fileId), 0);
  assert.equal(await countRows('blob'), blobsBefore);
  assert.deepEqual(await stagedFiles(), []);
});

test('kinds outside the allow-list are refused whatever their name; plain text and images are taken', async () => {
  const file = await newFile();
  const zip = Buffer.from('504b0304140000000800', 'hex');
  await assert.rejects(
    uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(zip, Buffer.alloc(200)), 'scan.jpg', 'image/jpeg') }),
    {
      code: 'validation_failed',
      message: /nicht angenommen/,
    },
  );
  await assert.rejects(
    uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(Buffer.from([0, 1, 2, 3, 0xff])), 'x.txt', 'text/plain') }),
    {
      code: 'validation_failed',
    },
  );
  const text = await uploadDocument(deps, clerk, {
    fileId: file.fileId,
    metadata,
    upload: upload(bytesOf('Vermerk: Pass vorgelegt.\n'), 'vermerk.txt', 'text/plain'),
  });
  const { scanLikePng } = await import('../../../demo/demo-documents.ts');
  const image = await uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(scanLikePng(30, 30)), 'foto.png', 'image/png') });
  const types = await db
    .selectFrom('case_document_version')
    .select(['document_id', 'media_type'])
    .where('document_id', 'in', [text.documentId, image.documentId])
    .execute();
  assert.deepEqual(
    new Map(types.map((t) => [t.document_id, t.media_type])),
    new Map([
      [text.documentId, 'text/plain'],
      [image.documentId, 'image/png'],
    ]),
  );
});

test('a 2 GB upload is refused with 413 after the limit, without reading the rest; nothing is kept', async () => {
  const file = await newFile();
  let chunks = 0;
  const twoGigabytes = generatedBytes(32 * 1024, 64 * 1024, () => chunks++);
  await assert.rejects(uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(twoGigabytes, 'riesig.tif', 'image/tiff') }), {
    code: 'payload_too_large',
  });
  assert.ok(chunks <= 5 * 16 + 1, `read ${chunks} chunks of 64 KiB`);
  assert.equal(await countRows('case_document', file.fileId), 0);
  assert.deepEqual(await stagedFiles(), []);
});

test('an upload broken off halfway leaves no version row and no file', async () => {
  const file = await newFile();
  await assert.rejects(
    uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(interruptedBytes(pdf.subarray(0, 500))) }),
    /connection reset/,
  );
  assert.equal(await countRows('case_document', file.fileId), 0);
  assert.deepEqual(await stagedFiles(), []);
});

test('bad metadata, unknown files and documents, and other locations are refused before a byte is read', async () => {
  const file = await newFile();
  let read = false;
  const watched = (async function* () {
    read = true;
    yield new Uint8Array(1);
  })();
  await assert.rejects(
    uploadDocument(deps, clerk, { fileId: file.fileId, metadata: { ...metadata, title: '', category: 'love_letter' }, upload: upload(watched) }),
    (error: { code: string; fieldErrors: { path: string }[] }) => {
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(error.fieldErrors.map((f) => f.path).sort(), ['category', 'title']);
      return true;
    },
  );
  await assert.rejects(uploadDocument(deps, clerk, { fileId: '00000000-0000-4000-8000-000000000000', metadata, upload: upload(watched) }), {
    code: 'not_found',
  });
  await assert.rejects(addNewVersion(deps, clerk, { fileId: file.fileId, documentId: '00000000-0000-4000-8000-000000000000', upload: upload(watched) }), {
    code: 'not_found',
  });
  const elsewhere = await documentClerk(db, [(await createOffice(db)).locationId]);
  await assert.rejects(uploadDocument(deps, elsewhere, { fileId: file.fileId, metadata, upload: upload(watched) }), { code: 'forbidden' });
  assert.equal(read, false);
});

test('two new versions at once get 2 and 3, never the same number or a gap', async () => {
  const file = await newFile();
  const first = await uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(pdf)) });
  const [a, b] = await Promise.all([
    addNewVersion(deps, clerk, { fileId: file.fileId, documentId: first.documentId, upload: upload(bytesOf(await pdfWithText(['Zweite Fassung']))) }),
    addNewVersion(deps, otherClerk, { fileId: file.fileId, documentId: first.documentId, upload: upload(bytesOf(await pdfWithText(['Dritte Fassung']))) }),
  ]);
  assert.deepEqual([a.number, b.number].sort(), [2, 3]);
  const versions = await db.selectFrom('case_document_version').select('number').where('document_id', '=', first.documentId).orderBy('number').execute();
  assert.deepEqual(
    versions.map((v) => v.number),
    [1, 2, 3],
  );
  const document = await db.selectFrom('case_document').select(['current_version']).where('id', '=', first.documentId).executeTakeFirstOrThrow();
  assert.equal(document.current_version, 3);
});

test('a lock keeps other clerks from adding versions, editing and deleting until it is released or runs out', async () => {
  const file = await newFile();
  const doc = await uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(pdf)) });
  const { lockedUntil } = await lockDocument(deps, clerk, { fileId: file.fileId, documentId: doc.documentId, minutes: 30 });
  assert.equal(lockedUntil.toISOString(), '2026-11-23T07:30:00.000Z');
  const locked = { code: 'conflict', message: /ausgecheckt von Test clerk/ };
  await assert.rejects(addNewVersion(deps, otherClerk, { fileId: file.fileId, documentId: doc.documentId, upload: upload(bytesOf(pdf)) }), locked);
  await assert.rejects(deleteDocument(deps, otherClerk, { fileId: file.fileId, documentId: doc.documentId }), locked);
  await assert.rejects(editDocument(deps, otherClerk, { fileId: file.fileId, documentId: doc.documentId, basedOn: 2, metadata }), locked);
  await assert.rejects(lockDocument(deps, otherClerk, { fileId: file.fileId, documentId: doc.documentId }), locked);
  await assert.rejects(unlockDocument(deps, otherClerk, { fileId: file.fileId, documentId: doc.documentId }), locked);
  // the holder works on
  assert.equal(
    (await addNewVersion(deps, clerk, { fileId: file.fileId, documentId: doc.documentId, upload: upload(bytesOf(await pdfWithText(['neu']))) })).number,
    2,
  );
  await unlockDocument(deps, clerk, { fileId: file.fileId, documentId: doc.documentId });
  assert.equal((await addNewVersion(deps, otherClerk, { fileId: file.fileId, documentId: doc.documentId, upload: upload(bytesOf(pdf)) })).number, 3);
  // a lock runs out by itself
  await lockDocument(deps, otherClerk, { fileId: file.fileId, documentId: doc.documentId, minutes: 5 });
  const later = fixedClock('2026-11-23T07:06:00Z');
  await deleteDocument({ ...deps, clock: later }, clerk, { fileId: file.fileId, documentId: doc.documentId });
  assert.equal(await countRows('case_document', file.fileId), 0);
  await assert.rejects(lockDocument(deps, clerk, { fileId: file.fileId, documentId: doc.documentId, minutes: 10_000 }), { code: 'validation_failed' });
});

test('a team lead may release anybody’s lock', async () => {
  const file = await newFile();
  const lead = await documentClerk(db, [office.locationId], 'team_lead');
  const doc = await uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(pdf)) });
  await lockDocument(deps, clerk, { fileId: file.fileId, documentId: doc.documentId });
  await unlockDocument(deps, lead, { fileId: file.fileId, documentId: doc.documentId });
  const row = await db.selectFrom('case_document').select('locked_by_staff_id').where('id', '=', doc.documentId).executeTakeFirstOrThrow();
  assert.equal(row.locked_by_staff_id, null);
});

test('an edit based on an old version is refused with 409; a new title gives a new search vector', async () => {
  const file = await newFile();
  const doc = await uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(pdf)) });
  const edited = await editDocument(deps, clerk, {
    fileId: file.fileId,
    documentId: doc.documentId,
    basedOn: 1,
    metadata: { ...metadata, title: 'Bescheid Einbürgerung' },
  });
  assert.equal(edited.version, 2);
  await assert.rejects(editDocument(deps, otherClerk, { fileId: file.fileId, documentId: doc.documentId, basedOn: 1, metadata }), {
    code: 'conflict',
    message: /inzwischen geändert/,
  });
  const found = await sql<{ id: string }>`SELECT id FROM case_document WHERE search_vector @@ websearch_to_tsquery('german', 'Einbürgerung')`.execute(db);
  assert.deepEqual(
    found.rows.map((r) => r.id),
    [doc.documentId],
  );
  await assert.rejects(
    editDocument(deps, clerk, { fileId: file.fileId, documentId: doc.documentId, basedOn: 2, metadata: { ...metadata, receivedOn: '2026-02-30' } }),
    {
      code: 'validation_failed',
    },
  );
  await assert.rejects(
    editDocument(deps, clerk, {
      fileId: file.fileId,
      documentId: doc.documentId,
      basedOn: 2,
      metadata: { ...metadata, procedureId: '00000000-0000-4000-8000-000000000000' },
    }),
    { code: 'validation_failed' },
  );
});

test('notes on a document; empty or unknown documents refused', async () => {
  const file = await newFile();
  const doc = await uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(pdf)) });
  await addDocumentNote(deps, clerk, { fileId: file.fileId, documentId: doc.documentId, text: 'Original lag vor.' });
  await assert.rejects(addDocumentNote(deps, clerk, { fileId: file.fileId, documentId: doc.documentId, text: '  ' }), { code: 'validation_failed' });
  await assert.rejects(addDocumentNote(deps, clerk, { fileId: file.fileId, documentId: '00000000-0000-4000-8000-000000000000', text: 'x' }), {
    code: 'not_found',
  });
  const notes = await db.selectFrom('case_note').select(['text', 'by_label']).where('document_id', '=', doc.documentId).execute();
  assert.deepEqual(notes, [{ text: 'Original lag vor.', by_label: clerk.displayName }]);
});

test('an image-only PDF is a PDF too', async () => {
  const file = await newFile();
  const doc = await uploadDocument(deps, clerk, { fileId: file.fileId, metadata, upload: upload(bytesOf(await imageOnlyPdf())) });
  assert.equal(doc.number, 1);
});
