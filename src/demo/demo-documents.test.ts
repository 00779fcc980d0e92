import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPersonWithFile } from '../../test/case-file-factory.ts';
import { createTestDatabase } from '../../test/database.ts';
import { createOffice } from '../../test/office-factory.ts';
import { pdfText } from '../../test/pdf-tools.ts';
import { temporaryFolder } from '../../test/temporary-folder.ts';
import { extractDocumentText } from '../features/case-files/documents/extract-document-text.ts';
import { createBlobStore } from '../platform/storage/blob-store.ts';
import { fixedClock } from '../shared/clock.ts';
import { pdfWithText, seedDemoDocuments } from './demo-documents.ts';

const { db } = await createTestDatabase();
const deps = { db, clock: fixedClock('2026-11-23T07:00:00Z'), blobs: createBlobStore({ folder: await temporaryFolder('lotse-demo-docs-') }) };

test('demo documents: text PDFs and image-only scans on the given files, once', async () => {
  const office = await createOffice(db);
  const files = await Promise.all([1, 2, 3, 4].map(() => createPersonWithFile(db, { locationId: office.locationId })));
  assert.equal(
    await seedDemoDocuments(
      deps,
      files.map((f) => f.fileId),
      3,
    ),
    12,
  );
  assert.equal(
    await seedDemoDocuments(
      deps,
      files.map((f) => f.fileId),
      3,
    ),
    0,
  );
  const documents = await db.selectFrom('case_document').select(['id', 'title']).execute();
  assert.equal(documents.length, 12);
  const outcomes = await Promise.all(documents.map((d) => extractDocumentText(deps, d.id)));
  assert.ok(outcomes.includes('extracted'));
  assert.ok(outcomes.includes('no_text'), 'some demo documents are scans without text');
});

test('the demo PDFs carry a text layer a reader’s tool can read', async () => {
  assert.match(pdfText(await pdfWithText(['Fiktionsbescheinigung für Frau Müller'])), /Fiktionsbescheinigung für Frau Müller/);
});
