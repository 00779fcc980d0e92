import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { createTestApp } from '../../../../test/app.ts';
import { caseFileTestNow } from '../../../../test/case-file-factory.ts';
import { clamdMissing, eicar, startClamd } from '../../../../test/clamd.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { clamdScanner } from '../../../platform/virus-scan/clamd.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { translate } from '../../../web/i18n.ts';
import { createApiToken } from '../../staff/index.ts';
import { addDocumentVersion } from '../documents/add-document-version.ts';
import { pdfBytes, sha256Of, writeCsvDelivery } from './delivery.test-support.ts';
import type { ImportDeps } from './import-deps.ts';
import { importRows } from './import-store.ts';
import { runImport } from './run-import.ts';
import { zipBytes } from './zip.test-support.ts';

const skip = clamdMissing();

/** A PDF carrying the EICAR string in its stream: the kind is right, only the scan refuses it. */
const infectedPdf = () => {
  const clean = pdfBytes();
  return Buffer.concat([clean.subarray(0, 100), Buffer.from(eicar), clean.subarray(100)]);
};

test('with clamd: an infected file is its row’s error in the import report and the others go on; clamd unreachable: no import starts (503), clamd gone mid-run: the import stops, nothing unscanned, a later run resumes', {
  skip,
}, async () => {
  const { db, url } = await createTestDatabase();
  const clock = fixedClock(caseFileTestNow);
  const work = await temporaryFolder('xdomea-scan-');
  const blobs = createBlobStore({ folder: path.join(work, 'blobs') });
  const office = await createOffice(db);
  const { socket } = await startClamd();
  const options = { locationId: office.locationId, startedBy: { staffId: null, label: 'Test' }, heartbeatMs: 50 };
  const scannedBy = (address: string): ImportDeps => ({ db, clock, blobs, virusScanner: clamdScanner(address), addDocumentVersion });
  const documentsOf = async (reference: string) =>
    (
      await db
        .selectFrom('case_document as d')
        .innerJoin('case_file as f', 'f.id', 'd.file_id')
        .select('d.title')
        .where('f.reference', '=', reference)
        .execute()
    ).map((row) => row.title);
  const staging = async () => (await fs.readdir(path.join(work, 'blobs', 'tmp'), { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile());

  // An infected file: its row is quarantined with the reason, the clean rows are imported.
  const folder = await writeCsvDelivery(path.join(work, 'delivery-1'), [
    { reference: 'SCAN-1', path: 'scan1/antrag.pdf', bytes: pdfBytes(), title: 'Antrag' },
    { reference: 'SCAN-1', path: 'scan1/anlage.pdf', bytes: infectedPdf(), title: 'Anlage' },
    { reference: 'SCAN-2', path: 'scan2/pass.pdf', bytes: pdfBytes(), title: 'Pass' },
  ]);
  const summary = await runImport(scannedBy(socket), folder, options);
  assert.deepEqual([summary.state, summary.rowsTotal, summary.rowsDone, summary.rowsQuarantined], ['done', 3, 2, 1]);
  const report = await importRows(db, summary.id);
  const infectedRow = report.find((row) => row.outcome === 'quarantined');
  assert.match(infectedRow?.reason ?? '', /^infected: scan1\/anlage\.pdf \(Lotse\.Test\.EICAR[^)]*\): not imported$/);
  assert.deepEqual(await documentsOf('SCAN-1'), ['Antrag']);
  assert.deepEqual(await documentsOf('SCAN-2'), ['Pass']);
  assert.deepEqual(await staging(), []);

  // clamd unreachable at the start: refused before anything is claimed.
  const second = await writeCsvDelivery(path.join(work, 'delivery-2'), [
    { reference: 'SCAN-3', path: 'scan3/a.pdf', bytes: pdfBytes(), title: 'Bescheid' },
    { reference: 'SCAN-4', path: 'scan4/b.pdf', bytes: pdfBytes(), title: 'Vertrag' },
  ]);
  const importsBefore = (await db.selectFrom('case_import').select('id').execute()).length;
  await assert.rejects(runImport(scannedBy(`${socket}.gone`), second, options), (error) => isAppError(error) && error.code === 'unavailable');
  assert.equal((await db.selectFrom('case_import').select('id').execute()).length, importsBefore, 'no import claimed');

  // clamd goes away after the start (its socket reached through a link that is then removed): the import stops as failed, no row written.
  const link = path.join(work, 'clamd-link.sock');
  await fs.symlink(socket, link);
  let importId = '';
  await assert.rejects(
    runImport(scannedBy(link), second, {
      ...options,
      onStarted: (id) => {
        importId = id;
        rmSync(link);
      },
    }),
    (error) => isAppError(error) && error.details?.problem === 'scan_unavailable',
  );
  const failed = await db.selectFrom('case_import').select(['state']).where('id', '=', importId).executeTakeFirstOrThrow();
  assert.equal(failed.state, 'failed');
  assert.deepEqual(await importRows(db, importId), [], 'no row done or quarantined unscanned');
  assert.deepEqual([...(await documentsOf('SCAN-3')), ...(await documentsOf('SCAN-4'))], []);
  assert.deepEqual(await staging(), []);
  // clamd back: the same delivery resumes that import and brings every row in.
  await fs.symlink(socket, link);
  const resumed = await runImport(scannedBy(link), second, options);
  assert.deepEqual([resumed.id, resumed.state, resumed.rowsDone, resumed.rowsQuarantined], [importId, 'done', 2, 0]);

  // Through the admin page: clamd unreachable is a 503 with the reason in the admin's language; nothing is claimed.
  const app = createTestApp(db, { url, blobs, virusScanner: clamdScanner(`${socket}.gone`) });
  const admin = await addStaff(db, 'admin');
  const browser = new Browser(app);
  await browser.signIn(admin.username);
  const good = pdfBytes();
  const zip = await zipBytes([
    {
      name: 'manifest.csv',
      bytes: `file_reference;family_name;given_names;date_of_birth;document_title;category;path;sha256\nUP-9;Haddad;Lina;1990;Antrag;Antrag;a.pdf;${sha256Of(good)}\n`,
    },
    { name: 'a.pdf', bytes: good },
  ]);
  const form = new FormData();
  form.set('_csrf', await browser.csrfFrom('/staff/admin/imports'));
  form.set('locationId', office.locationId);
  form.set('delivery', new File([new Uint8Array(zip)], 'lieferung.zip', { type: 'application/zip' }));
  const importsNow = (await db.selectFrom('case_import').select('id').execute()).length;
  const refused = await browser.request('/staff/admin/imports', { method: 'POST', body: form });
  assert.equal(refused.status, 503);
  assert.ok(refused.headers.get('retry-after'));
  assert.ok((await refused.text()).includes(translate('de', 'staff.imports.list.scan_unavailable')));
  // The API likewise: a 503 problem naming it.
  const token = (await createApiToken({ db, clock }, { staffId: admin.id, name: 'import', role: 'admin' })).token;
  const apiForm = new FormData();
  apiForm.set('locationId', office.locationId);
  apiForm.set('delivery', new File([new Uint8Array(zip)], 'lieferung.zip', { type: 'application/zip' }));
  const refusedApi = await app.request('/api/v1/imports', { method: 'POST', body: apiForm, headers: { authorization: `Bearer ${token}` } });
  assert.equal(refusedApi.status, 503);
  assert.equal(((await refusedApi.json()) as { problem: string }).problem, 'scan_unavailable');
  assert.equal((await db.selectFrom('case_import').select('id').execute()).length, importsNow, 'no import claimed');
  assert.deepEqual(await documentsOf('UP-9'), []);
});
