import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { bytesOf } from '../../../../test/case-document-fixtures.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { pdfWithText } from '../../../demo/demo-documents.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { addDocumentVersion } from './add-document-version.ts';
import { eraseExpiredFiles } from './erase-expired-files.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2036-12-31T22:30:00Z'); // 23:30 in Berlin: the last day of keeping is not over yet
const blobFolder = await temporaryFolder('lotse-retention-');
const blobs = createBlobStore({ folder: blobFolder });
const deps = { db, clock, blobs, timeZone: 'Europe/Berlin' };
const office = await createOffice(db);

async function fileWithDocument(content: Buffer, state: { closed?: string; retentionUntil?: string } = {}) {
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const blob = await blobs.put(bytesOf(content));
  await db.transaction().execute((trx) =>
    addDocumentVersion(deps, trx, {
      fileId: file.fileId,
      metadata: { title: 'Antrag', category: 'application', receivedOn: null, datedOn: null, sender: null, procedureId: null },
      blob,
      mediaType: 'application/pdf',
      fileName: 'a.pdf',
      createdBy: 'Test',
    }),
  );
  if (state.closed)
    await db
      .updateTable('case_file')
      .set({ state: 'closed', closed_at: new Date(state.closed), retention_until: state.retentionUntil ?? null })
      .where('id', '=', file.fileId)
      .execute();
  return { ...file, sha256: blob.sha256 };
}

test('closed files past their retention date are erased with their documents; shared and used bytes stay; the audit stays', async () => {
  const shared = await pdfWithText(['Gemeinsames Merkblatt']);
  const expired = await fileWithDocument(await pdfWithText(['nur in der alten Akte']), { closed: '2026-03-05T10:00:00Z', retentionUntil: '2036-12-30' });
  const alsoExpired = await fileWithDocument(shared, { closed: '2026-03-05T10:00:00Z', retentionUntil: '2036-12-30' });
  const lastDay = await fileWithDocument(await pdfWithText(['letzter Tag']), { closed: '2026-03-05T10:00:00Z', retentionUntil: '2036-12-31' });
  const active = await fileWithDocument(shared);
  await db.insertInto('audit_person').values({ case_person_id: expired.personId, label: 'Rahimi, Mehrnoosh (1990-05-17)' }).execute();

  assert.deepEqual(await eraseExpiredFiles(deps), { files: 2, blobs: 1, staging: 0 });
  const files = await db.selectFrom('case_file').select('id').where('id', 'in', [expired.fileId, alsoExpired.fileId, lastDay.fileId, active.fileId]).execute();
  assert.deepEqual(files.map((f) => f.id).sort(), [lastDay.fileId, active.fileId].sort());
  assert.equal(await db.selectFrom('case_person').select('id').where('id', '=', expired.personId).executeTakeFirst(), undefined);
  assert.equal(await blobs.has(expired.sha256), false);
  assert.equal(await blobs.has(alsoExpired.sha256), true, 'the active file still uses these bytes');
  assert.equal(await blobs.has(lastDay.sha256), true);
  const trail = await db.selectFrom('audit_entry').select(['action', 'actor_label']).where('target_id', '=', expired.fileId).execute();
  assert.deepEqual(trail, [{ action: 'case_file.erase', actor_label: 'Lotse (Aufbewahrungsfrist)' }]);
  const person = await db.selectFrom('audit_person').select(['label', 'case_person_id']).where('label', 'like', 'pseudonym-%').execute();
  assert.equal(person.length, 1);
  assert.equal(person[0]?.case_person_id, null);

  // a day later the last file goes too; a second run finds nothing more
  clock.advance(24 * 3600_000);
  assert.deepEqual(await eraseExpiredFiles(deps), { files: 1, blobs: 1, staging: 0 });
  assert.deepEqual(await eraseExpiredFiles(deps), { files: 0, blobs: 0, staging: 0 });
});

test('the same bytes uploaded again after retention removed them are stored again', async () => {
  const content = await pdfWithText(['wieder hochgeladen']);
  const gone = await fileWithDocument(content, { closed: '2026-01-05T10:00:00Z', retentionUntil: '2030-12-31' });
  await eraseExpiredFiles(deps);
  assert.equal(await blobs.has(gone.sha256), false);
  // the upload stages, then inserts the row and commits the staged bytes: the bytes come back
  const again = await fileWithDocument(content);
  assert.equal(again.sha256, gone.sha256);
  assert.equal(await blobs.has(again.sha256), true);
  const row = await db.selectFrom('blob').select('sha256').where('sha256', '=', again.sha256).executeTakeFirst();
  assert.ok(row);
});

test('the nightly run removes staging files a crash left behind (older than a day by the clock), not those of uploads under way', async () => {
  const staging = path.join(blobFolder, 'tmp');
  await fs.mkdir(staging, { recursive: true });
  const at = async (name: string, hoursAgo: number) => {
    const file = path.join(staging, name);
    await fs.writeFile(file, 'partial upload');
    const then = new Date(clock.now().getTime() - hoursAgo * 3600_000);
    await fs.utimes(file, then, then);
    return file;
  };
  const crashed = await at('crashed.part', 30);
  const underWay = await at('under-way.part', 1);
  const notOurs = await at('README', 30);
  assert.deepEqual(await eraseExpiredFiles(deps), { files: 0, blobs: 0, staging: 1 });
  const left = await fs.readdir(staging);
  assert.deepEqual(left.sort(), [path.basename(notOurs), path.basename(underWay)].sort());
  assert.equal(left.includes(path.basename(crashed)), false);
});
