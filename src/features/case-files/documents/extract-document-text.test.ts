import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { bytesOf } from '../../../../test/case-document-fixtures.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { pdfText, requireTesseract, scannedPagePng } from '../../../../test/pdf-tools.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { pdfOfImages, pdfWithText } from '../../../demo/demo-documents.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { addDocumentVersion } from './add-document-version.ts';
import { extractDocumentText } from './extract-document-text.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T07:00:00Z');
const blobs = createBlobStore({ folder: await temporaryFolder('lotse-text-') });
const deps = { db, clock, blobs };
const office = await createOffice(db);
const file = await createPersonWithFile(db, { locationId: office.locationId });

async function addDocument(bytes: Uint8Array, mediaType: string, title = 'Schreiben') {
  const blob = await blobs.put(bytesOf(bytes));
  return db.transaction().execute((trx) =>
    addDocumentVersion(deps, trx, {
      fileId: file.fileId,
      metadata: { title, category: 'letter', receivedOn: null, datedOn: null, sender: null, procedureId: null },
      blob,
      mediaType,
      fileName: 'x',
      createdBy: 'Test',
    }),
  );
}
const documentRow = (id: string) =>
  db
    .selectFrom('case_document as d')
    .innerJoin('case_document_version as v', (join) => join.onRef('v.document_id', '=', 'd.id').onRef('v.number', '=', 'd.current_version'))
    .select(['d.text_state', 'v.extracted_text', 'v.page_count'])
    .where('d.id', '=', id)
    .executeTakeFirstOrThrow();
const matches = async (query: string) =>
  (await sql<{ id: string }>`SELECT id FROM case_document WHERE search_vector @@ websearch_to_tsquery('german', ${query})`.execute(db)).rows.map((r) => r.id);

test('the text layer of a PDF is stored with its page count, and the document is found by its words', async () => {
  const pdf = await pdfWithText(['Die Aufenthaltserlaubnis wird verlängert.', 'Zweite Seite: Gebührenbescheid über 100 Euro.'], 'Bescheid');
  const { documentId } = await addDocument(pdf, 'application/pdf', 'Bescheid Verlängerung');
  assert.equal(await extractDocumentText(deps, documentId), 'extracted');
  const row = await documentRow(documentId);
  assert.equal(row.text_state, 'extracted');
  assert.equal(row.page_count, 2);
  assert.match(row.extracted_text ?? '', /Aufenthaltserlaubnis wird verlängert/);
  assert.deepEqual(await matches('Gebührenbescheid'), [documentId]);
  assert.deepEqual(await matches('Verlängerung'), [documentId]);
  // idempotent: a second run (a retried job) changes nothing
  assert.equal(await extractDocumentText(deps, documentId), 'not_pending');
});

test('a scanned letter (a PDF of page images, no text layer) is read by OCR: its words are stored and found', async () => {
  requireTesseract();
  const letter = await pdfWithText(['Bescheid\n\nIhre Aufenthaltserlaubnis wird bis zum 30.06.2028 verlängert.\nBitte bringen Sie Ihren Reisepass mit.']);
  const scan = await pdfOfImages([scannedPagePng(letter), scannedPagePng(await pdfWithText(['Seite zwei: Gebührenbescheid']))]);
  assert.equal(pdfText(scan).trim(), '', 'the scan has no text layer of its own');
  const { documentId } = await addDocument(scan, 'application/pdf', 'Scan');
  assert.equal(await extractDocumentText(deps, documentId), 'extracted');
  const row = await documentRow(documentId);
  assert.equal(row.text_state, 'extracted');
  assert.equal(row.page_count, 2);
  assert.match(row.extracted_text ?? '', /Aufenthaltserlaubnis wird bis zum 30\.06\.2028 verlängert/);
  assert.match(row.extracted_text ?? '', /Gebührenbescheid/);
  assert.deepEqual(await matches('Reisepass'), [documentId]);
});

test('a photo of a page (PNG) is read by OCR; a scan with no writing on it has no text', async () => {
  requireTesseract();
  const photo = scannedPagePng(await pdfWithText(['Meldebescheinigung für Frau Olena Kovalenko']));
  const { documentId } = await addDocument(photo, 'image/png', 'Foto');
  assert.equal(await extractDocumentText(deps, documentId), 'extracted');
  assert.match((await documentRow(documentId)).extracted_text ?? '', /Meldebescheinigung für Frau Olena Kovalenko/);

  const blank = await addDocument(await pdfOfImages([scannedPagePng(await pdfWithText([' ']))]), 'application/pdf');
  assert.equal(await extractDocumentText(deps, blank.documentId), 'no_text');
  assert.equal((await documentRow(blank.documentId)).extracted_text, null);
});

test('a damaged PDF is failed for good; plain text is its own text', async () => {
  const broken = await addDocument(Buffer.from('%PDF-1.7\n1 0 obj kaputt'), 'application/pdf');
  assert.equal(await extractDocumentText(deps, broken.documentId), 'failed');
  assert.equal((await documentRow(broken.documentId)).text_state, 'failed');
  const text = await addDocument(Buffer.from('Aktenvermerk: Vorsprache am Montag.\u0000'), 'text/plain');
  assert.equal(await extractDocumentText(deps, text.documentId), 'extracted');
  assert.equal((await documentRow(text.documentId)).extracted_text, 'Aktenvermerk: Vorsprache am Montag.');
});

test('the text is read from the current version, not the first', async () => {
  const first = await addDocument(await pdfWithText(['erste Fassung']), 'application/pdf');
  const second = await blobs.put(bytesOf(await pdfWithText(['zweite Fassung'])));
  await db.transaction().execute((trx) =>
    addDocumentVersion(deps, trx, {
      fileId: file.fileId,
      documentId: first.documentId,
      blob: second,
      mediaType: 'application/pdf',
      fileName: 'y',
      createdBy: 'Test',
    }),
  );
  assert.equal(await extractDocumentText(deps, first.documentId), 'extracted');
  const row = await documentRow(first.documentId);
  assert.match(row.extracted_text ?? '', /zweite Fassung/);
});
