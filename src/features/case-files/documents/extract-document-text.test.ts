import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { bytesOf } from '../../../../test/case-document-fixtures.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { imageOnlyPdf, pdfWithText } from '../../../demo/demo-documents.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { addDocumentVersion } from './add-document-version.ts';
import { hasTool } from './external-tools.ts';
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

test('a PDF with only images has no text where no OCR is installed (else its OCR text)', async () => {
  const { documentId } = await addDocument(await imageOnlyPdf(3), 'application/pdf');
  const outcome = await extractDocumentText(deps, documentId);
  const row = await documentRow(documentId);
  assert.equal(row.page_count, 3);
  const ocr = (await hasTool('ocrmypdf')) || (await hasTool('tesseract'));
  if (!ocr) {
    assert.equal(outcome, 'no_text');
    assert.equal(row.text_state, 'no_text');
    assert.equal(row.extracted_text, null);
  } else assert.ok(outcome === 'extracted' || outcome === 'no_text');
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
