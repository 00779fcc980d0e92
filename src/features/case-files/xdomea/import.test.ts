import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { describe, test } from 'node:test';
import { caseFileTestNow } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff } from '../../../../test/staff.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import type { Database } from '../../../db/database.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { fixedClock } from '../../../shared/clock.ts';
import type { StaffActor } from '../../staff/index.ts';
import { addDocumentVersion } from '../documents/add-document-version.ts';
import { readAll } from './delivery-source.ts';
import { pdfBytes, sha256Of, writeCsvDelivery } from './delivery.test-support.ts';
import { exportCaseFile } from './export-case-file.ts';
import type { ImportBlobs, ImportDeps } from './import-deps.ts';
import { importRows } from './import-store.ts';
import { runImport } from './run-import.ts';
import { validateXdomea } from './xdomea-schema.test-support.ts';
import { renameInZip, zipBytes } from './zip.test-support.ts';
import { openZipSource } from './zip-source.ts';

const clock = fixedClock(caseFileTestNow);
const work = await temporaryFolder('xdomea-import-');
const { db, url } = await createTestDatabase();
const office = await createOffice(db);
const blobs = createBlobStore({ folder: path.join(work, 'data', 'blobs') });
const deps: ImportDeps = { db, clock, blobs, addDocumentVersion };
const options = { locationId: office.locationId, startedBy: { staffId: null, label: 'Test' }, heartbeatMs: 50 };
let deliveries = 0;
const newFolder = () => path.join(work, `delivery-${++deliveries}`);

async function documentsOf(database: Database, reference: string) {
  return database
    .selectFrom('case_document as d')
    .innerJoin('case_file as f', 'f.id', 'd.file_id')
    .innerJoin('case_document_version as v', 'v.document_id', 'd.id')
    .select(['d.title', 'd.category', 'd.received_on', 'v.number', 'v.blob_sha256', 'v.media_type', 'v.file_name'])
    .where('f.reference', '=', reference)
    .orderBy('d.title')
    .orderBy('v.number')
    .execute();
}

async function outcomes(importId: string) {
  return (await importRows(db, importId)).map((row) => [row.rowKey, row.outcome, row.reason]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

describe('CSV import', () => {
  test('imports persons, files and documents; broken rows go to quarantine with their reason and the rest goes on', async () => {
    const good = [pdfBytes(), pdfBytes(), pdfBytes()];
    const folder = await writeCsvDelivery(newFolder(), [
      { reference: 'CSV-1', path: 'csv1/antrag.pdf', bytes: good[0], title: 'Antrag' },
      { reference: 'CSV-1', path: 'csv1/pass.pdf', bytes: good[1], title: 'Pass', category: 'passport_copy' },
      {
        reference: 'CSV-2',
        familyName: 'Haddad',
        givenNames: 'Lina',
        dateOfBirth: '1990',
        path: 'csv2/a.pdf',
        bytes: good[2],
        title: 'Bescheid',
        category: 'Bescheid',
      },
      { reference: 'CSV-3', path: 'csv3/wrong.pdf', bytes: pdfBytes(), sha256: 'a'.repeat(64) },
      { reference: 'CSV-3', path: 'csv3/missing.pdf' },
      { reference: 'CSV-3', path: 'csv3/memo.pdf', bytes: pdfBytes(), category: 'Memo' },
      { reference: 'CSV-4', dateOfBirth: '00.00.1990', path: 'csv4/a.pdf', bytes: pdfBytes() },
      { reference: 'CSV-1', path: 'csv1/antrag.pdf', bytes: good[0], title: 'Antrag' },
    ]);
    const summary = await runImport(deps, folder, options);
    assert.deepEqual([summary.state, summary.rowsTotal, summary.rowsDone, summary.rowsQuarantined], ['done', 8, 3, 5]);
    const rows = await outcomes(summary.id);
    assert.deepEqual(
      rows.map(([key, outcome, reason]) => [key, outcome, String(reason ?? '').replace(/:.*/, '')]),
      [
        ['CSV-1/csv1/antrag.pdf', 'imported', ''],
        ['CSV-1/csv1/pass.pdf', 'imported', ''],
        ['CSV-2/csv2/a.pdf', 'imported', ''],
        ['CSV-3/csv3/missing.pdf', 'quarantined', 'file missing'],
        ['CSV-3/csv3/wrong.pdf', 'quarantined', 'checksum mismatch for csv3/wrong.pdf'],
        ['line 7', 'quarantined', 'unknown category "Memo"'],
        ['line 8', 'quarantined', 'date of birth'],
        ['line 9', 'quarantined', 'duplicate row'],
      ],
    );
    assert.match(String(rows.find(([key]) => key === 'line 8')![2]), /00 for an unknown day or month/);
    const csv1 = await documentsOf(db, 'CSV-1');
    assert.deepEqual(
      csv1.map((doc) => [doc.title, doc.category, doc.received_on, doc.number, doc.blob_sha256, doc.media_type]),
      [
        ['Antrag', 'application', '2020-01-02', 1, sha256Of(good[0]!), 'application/pdf'],
        ['Pass', 'passport_copy', '2020-01-02', 1, sha256Of(good[1]!), 'application/pdf'],
      ],
    );
    const person = await db
      .selectFrom('case_person as p')
      .innerJoin('case_file as f', 'f.person_id', 'p.id')
      .select(['p.family_name', 'p.birth_year', 'p.birth_month', 'p.birth_day', 'p.nationalities', 'f.location_id'])
      .where('f.reference', '=', 'CSV-1')
      .executeTakeFirstOrThrow();
    assert.deepEqual(person, {
      family_name: 'Kovalenko',
      birth_year: 1985,
      birth_month: 3,
      birth_day: null,
      nationalities: ['UA'],
      location_id: office.locationId,
    });
    // The bytes are in the store, checked on the way out; the wrong checksum stored nothing.
    const stored = await blobs.get(sha256Of(good[0]!));
    const chunks: Buffer[] = [];
    for await (const chunk of stored) chunks.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(chunks), good[0]);
    assert.equal(await db.selectFrom('case_file').select('id').where('reference', 'in', ['CSV-3', 'CSV-4']).executeTakeFirst(), undefined);
  });

  test('the same delivery again changes nothing; a re-delivered file with other bytes becomes a new version', async () => {
    const first = pdfBytes();
    const rows = [
      { reference: 'RE-1', path: 're/a.pdf', bytes: first, title: 'Antrag' },
      { reference: 'RE-1', path: 're/b.pdf', bytes: pdfBytes(), title: 'Pass' },
    ];
    const folder = await writeCsvDelivery(newFolder(), rows);
    assert.equal((await runImport(deps, folder, options)).rowsDone, 2);
    const again = await runImport(deps, folder, options);
    assert.deepEqual(
      (await outcomes(again.id)).map(([, outcome]) => outcome),
      ['unchanged', 'unchanged'],
    );
    const rescan = pdfBytes();
    const redelivered = await writeCsvDelivery(newFolder(), [{ ...rows[0]!, bytes: rescan }, rows[1]!]);
    const third = await runImport(deps, redelivered, options);
    assert.deepEqual(
      (await outcomes(third.id)).map(([, outcome]) => outcome),
      ['replaced', 'unchanged'],
    );
    const versions = (await documentsOf(db, 'RE-1')).filter((doc) => doc.title === 'Antrag').map((doc) => [doc.number, doc.blob_sha256]);
    assert.deepEqual(versions, [
      [1, sha256Of(first)],
      [2, sha256Of(rescan)],
    ]);
  });

  test('two imports of the same delivery at once: the second is refused with a clear message, the first finishes', async () => {
    const folder = await writeCsvDelivery(newFolder(), [
      { reference: 'TWO-1', path: 'a.pdf', bytes: pdfBytes() },
      { reference: 'TWO-2', path: 'b.pdf', bytes: pdfBytes() },
    ]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const started = new Promise<void>((resolve) => (entered = resolve));
    const slowBlobs: ImportBlobs = {
      stage: async (source, stageOptions) => {
        entered();
        await gate;
        return blobs.stage(source, stageOptions);
      },
      has: (sha256) => blobs.has(sha256),
    };
    const first = runImport({ ...deps, blobs: slowBlobs }, folder, options);
    await started;
    await assert.rejects(runImport(deps, folder, options), (error: Error) => {
      assert.match(
        error.message,
        /^Diese Lieferung wird gerade schon importiert \(Import [0-9a-f-]{36}, seit .*\)\..* \/ This delivery is already being imported/,
      );
      return true;
    });
    release();
    const summary = await first;
    assert.deepEqual([summary.state, summary.rowsDone], ['done', 2]);
    assert.equal((await db.selectFrom('case_import').select('id').where('source_name', '=', path.basename(folder)).execute()).length, 1);
  });

  test('a zip with path traversal is refused as a whole: no import, nothing written', async () => {
    const zipFile = path.join(work, 'evil.zip');
    const manifest = `file_reference;family_name;document_title;category;path;sha256\nEVIL-1;X;T;other;xx/a.pdf;${'0'.repeat(64)}\n`;
    await writeFile(
      zipFile,
      renameInZip(
        await zipBytes([
          { name: 'manifest.csv', bytes: manifest },
          { name: 'xx/a.pdf', bytes: pdfBytes() },
        ]),
        'xx/a.pdf',
        '../a.pdf',
      ),
    );
    const before = await db.selectFrom('case_import').select('id').execute();
    await assert.rejects(runImport(deps, zipFile, options), /Zip refused: invalid relative path: \.\.\/a\.pdf/);
    assert.equal((await db.selectFrom('case_import').select('id').execute()).length, before.length);
  });
});

describe('killed and resumed', () => {
  test('an import killed with SIGKILL halfway finishes on the next run, resuming it, without duplicates', { timeout: 120_000 }, async () => {
    const count = 300;
    const folder = await writeCsvDelivery(
      newFolder(),
      Array.from({ length: count }, (_, i) => ({ reference: `KILL-${Math.floor(i / 3)}`, path: `k/${i}.pdf`, bytes: pdfBytes(60_000) })),
    );
    const location = await db.selectFrom('location').select('slug').where('id', '=', office.locationId).executeTakeFirstOrThrow();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('../../../../scripts/files-import.ts', import.meta.url).pathname, folder, '--location', location.slug, '--parallel', '1'],
      {
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, LOTSE_DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let done = 0;
    for (let waited = 0; done < 20; waited += 10) {
      assert.ok(waited < 60_000, `the import did not start: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      done = (
        await db
          .selectFrom('case_import_row')
          .innerJoin('case_import', 'case_import.id', 'case_import_row.import_id')
          .select('row_key')
          .where('source_name', '=', path.basename(folder))
          .execute()
      ).length;
    }
    child.kill('SIGKILL');
    await exited;
    const killed = await db.selectFrom('case_import').select(['id', 'state']).where('source_name', '=', path.basename(folder)).executeTakeFirstOrThrow();
    assert.equal(killed.state, 'running', 'killed: nobody could mark it');
    const rowsAtKill = (await importRows(db, killed.id)).length;
    assert.ok(rowsAtKill > 0 && rowsAtKill < count, `killed halfway (${rowsAtKill} of ${count})`);

    const resumed = await runImport(deps, folder, options);
    assert.equal(resumed.id, killed.id, 'the same import is resumed');
    assert.deepEqual([resumed.state, resumed.rowsDone, resumed.rowsQuarantined], ['done', count, 0]);
    const documents = await db.selectFrom('case_document').select(['import_key']).where('import_key', 'like', 'KILL-%').execute();
    assert.equal(documents.length, count);
    assert.equal(new Set(documents.map((d) => d.import_key)).size, count);
    const files = await db.selectFrom('case_file').select('id').where('reference', 'like', 'KILL-%').execute();
    assert.equal(files.length, count / 3);
    assert.ok((await importRows(db, killed.id)).every((row) => row.outcome === 'imported'));
  });
});

describe('export and round trip', () => {
  test('a file exported as xdomea 0401 validates against the official schemas and imports into an empty database as the same documents', async () => {
    const bytes = [pdfBytes(), pdfBytes(), Buffer.from('\x89PNG\r\n\x1a\n0000000IHDR0000000000000')];
    await runImport(
      deps,
      await writeCsvDelivery(newFolder(), [
        {
          reference: 'RT 7/2020',
          familyName: 'Олександр',
          givenNames: 'Ковал & <Sohn>',
          dateOfBirth: '1985',
          path: 'rt/antrag.pdf',
          bytes: bytes[0],
          title: 'Antrag',
        },
        { reference: 'RT 7/2020', path: 'rt/bescheid.pdf', bytes: bytes[1], title: 'Bescheid', category: 'decision' },
        { reference: 'RT 7/2020', path: 'rt/foto.png', bytes: bytes[2], title: 'Foto', category: 'photo' },
      ]),
      options,
    );
    // a second version, so the export carries versions
    const rescan = pdfBytes();
    await runImport(deps, await writeCsvDelivery(newFolder(), [{ reference: 'RT 7/2020', path: 'rt/antrag.pdf', bytes: rescan, title: 'Antrag' }]), options);
    const file = await db.selectFrom('case_file').select('id').where('reference', '=', 'RT 7/2020').executeTakeFirstOrThrow();
    const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
    const actor: StaffActor = {
      kind: 'staff',
      staffId: clerk.id,
      displayName: 'Test clerk',
      username: clerk.username,
      role: 'clerk',
      locationIds: [office.locationId],
      specialtyIds: [],
      via: 'session',
    };
    const exported = await exportCaseFile({ db, clock, blobs }, actor, file.id);
    assert.equal(exported.fileName, 'akte-RT_7_2020-xdomea-0401.zip');
    const zipFile = path.join(work, exported.fileName);
    await pipeline(exported.stream, createWriteStream(zipFile));
    const audit = await db.selectFrom('audit_entry').select(['action']).where('target_id', '=', file.id).execute();
    assert.ok(
      audit.some((entry) => entry.action === 'case_file.export'),
      'the export is audited',
    );

    const zip = await openZipSource(zipFile);
    const message = [...zip.files.keys()].find((name) => name.endsWith('_0401.xml'))!;
    const xml = (await readAll(zip, message, 10_000_000)).toString('utf8');
    await zip.close();
    const validation = await validateXdomea(xml, '0401');
    assert.deepEqual(validation.errors, []);
    assert.equal(zip.files.size, 1 + 4, 'the message and four versions');

    const empty = await createTestDatabase();
    const otherOffice = await createOffice(empty.db);
    const otherBlobs = createBlobStore({ folder: path.join(work, 'other-blobs') });
    const summary = await runImport({ db: empty.db, clock, blobs: otherBlobs, addDocumentVersion }, zipFile, {
      ...options,
      locationId: otherOffice.locationId,
    });
    assert.deepEqual([summary.kind, summary.state, summary.rowsDone, summary.rowsQuarantined], ['xdomea', 'done', 3, 0]);
    const strip = (docs: Awaited<ReturnType<typeof documentsOf>>) => docs.map((doc) => ({ ...doc }));
    assert.deepEqual(strip(await documentsOf(empty.db, 'RT 7/2020')), strip(await documentsOf(db, 'RT 7/2020')));
    const person = (database: Database) =>
      database
        .selectFrom('case_person as p')
        .innerJoin('case_file as f', 'f.person_id', 'p.id')
        .select(['family_name', 'given_names', 'birth_year', 'birth_month', 'birth_day', 'nationalities', 'sex'])
        .where('f.reference', '=', 'RT 7/2020')
        .executeTakeFirstOrThrow();
    assert.deepEqual(await person(empty.db), await person(db));
    await rm(zipFile);
  });
});
