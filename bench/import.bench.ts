/**
 * npm run bench:import — files per second of the case-file import (issue 13: ≥ 50 files/s).
 *
 * Generates BENCH_FILES (default 300) files of 5 PDFs each, about 1 MB per file (5 × 200 KB of
 * incompressible bytes), once as a CSV delivery (a folder) and once as an xdomea 0401 delivery
 * (a zip), and imports each into a fresh embedded PostgreSQL (durable settings) with the folder
 * blob store: checksums, staging, storage, person + file + document + version rows, the per-row
 * report. Baselines in the same run, on the same bytes and rows, say what the machine can do:
 * reading and hashing only, copying only (read + write + fsync + rename, as the store does),
 * both, and a bare INSERT of the same rows (one statement per table per file, no app).
 * BENCH_PARALLEL (default 8) rows of different files at once.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { addDocumentVersion } from '../src/features/case-files/documents/add-document-version.ts';
import { abgabeMessage, type ExportedFile, primaryFileName } from '../src/features/case-files/xdomea/export-message.ts';
import type { ImportDeps } from '../src/features/case-files/xdomea/import-deps.ts';
import { runImport } from '../src/features/case-files/xdomea/run-import.ts';
import { createBlobStore } from '../src/platform/storage/blob-store.ts';
import { systemClock } from '../src/shared/clock.ts';
import { round, startBenchDatabase } from './bench-support.ts';

const files = Number(process.env.BENCH_FILES ?? 300);
const parallel = Number(process.env.BENCH_PARALLEL ?? 8);
const perFile = 5;
const pdfSize = 200 * 1024;
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-bench-import-'));

function pdf(): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% ${randomUUID()}\n1 0 obj << /Length ${pdfSize} >>\nstream\n`);
  const tail = Buffer.from('\nendstream\nendobj\n%%EOF\n');
  return Buffer.concat([head, randomBytes(pdfSize - head.length - tail.length), tail]);
}

// The deliveries: the same documents as CSV (a folder) and as xdomea (a zip), different bytes each
// so that the second import does not find the first one's blobs.
type Doc = { reference: string; path: string; sha256: string };
async function csvDelivery(folder: string): Promise<Doc[]> {
  const docs: Doc[] = [];
  const lines = ['file_reference;family_name;given_names;date_of_birth;nationality;sex;document_title;category;received_on;path;sha256'];
  for (let f = 0; f < files; f++) {
    await fs.mkdir(path.join(folder, `f${f}`), { recursive: true });
    for (let d = 0; d < perFile; d++) {
      const bytes = pdf();
      const relative = `f${f}/d${d}.pdf`;
      await fs.writeFile(path.join(folder, relative), bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      docs.push({ reference: `BENCH-${f}`, path: relative, sha256 });
      lines.push(`BENCH-${f};Kovalenko;Oleksandr;03.1985;UA;m;Dokument ${d};Antrag;02.01.2020;${relative};${sha256}`);
    }
  }
  await fs.writeFile(path.join(folder, 'manifest.csv'), `${lines.join('\n')}\n`);
  return docs;
}

async function xdomeaDelivery(zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = pipeline(zip.outputStream, createWriteStream(zipPath));
  const message: string[] = [];
  for (let f = 0; f < files; f++) {
    const file: ExportedFile = {
      fileId: randomUUID(),
      reference: `XD-${f}`,
      sender: { office: 'Bench', location: 'Bench' },
      person: { familyName: 'Haddad', givenNames: 'Lina', birthName: null, birth: { year: 1990 }, placeOfBirth: null, nationalities: ['SY'], sex: 'female' },
      documents: [],
    };
    for (let d = 0; d < perFile; d++) {
      const bytes = pdf();
      const version = {
        number: 1,
        fileName: `d${d}.pdf`,
        mediaType: 'application/pdf',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        createdBy: 'Scan',
        createdAt: new Date('2026-01-01T00:00:00Z'),
      };
      const document = {
        id: randomUUID(),
        title: `Dokument ${d}`,
        category: 'application',
        receivedOn: null,
        datedOn: null,
        sender: null,
        versions: [version],
      };
      file.documents.push(document);
      zip.addBuffer(bytes, primaryFileName(document.id, version), { compress: false });
    }
    message.push(abgabeMessage(file, randomUUID(), new Date('2026-01-01T00:00:00Z')));
  }
  // One message with every Akte: the Schriftgutobjekte of the single-file messages, joined.
  const objects = message.map((xml) => xml.slice(xml.indexOf('<xdomea:Schriftgutobjekt>'), xml.lastIndexOf('</xdomea:Abgabe.Abgabe.0401>')));
  const first = message[0]!;
  const whole = `${first.slice(0, first.indexOf('<xdomea:Schriftgutobjekt>')) + objects.join('')}</xdomea:Abgabe.Abgabe.0401>\n`;
  zip.addBuffer(Buffer.from(whole), `${randomUUID()}_0401.xml`);
  zip.end();
  await done;
}

const csvFolder = path.join(work, 'csv');
const docs = await csvDelivery(csvFolder);
const zipPath = path.join(work, 'delivery.zip');
await xdomeaDelivery(zipPath);
const totalBytes = docs.length * pdfSize;

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { seconds: (performance.now() - start) / 1000, value };
}

/** The same bytes through the same number of parallel lanes as the import. */
async function lanes(work: (doc: Doc, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < docs.length) {
        const index = next++;
        await work(docs[index]!, index);
      }
    }),
  );
}

const copyFolder = path.join(work, 'copy');
await fs.mkdir(copyFolder);
const hashOnly = await timed(() =>
  lanes(async (doc) => {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path.join(csvFolder, doc.path))) hash.update(chunk as Buffer);
    hash.digest('hex');
  }),
);
async function copy(doc: Doc, index: number, withHash: boolean) {
  const target = path.join(copyFolder, `${index}.tmp`);
  const hash = createHash('sha256');
  const out = await fs.open(target, 'w');
  for await (const chunk of createReadStream(path.join(csvFolder, doc.path))) {
    if (withHash) hash.update(chunk as Buffer);
    await out.write(chunk as Buffer);
  }
  await out.sync();
  await out.close();
  await fs.rename(target, path.join(copyFolder, `${index}-${withHash ? hash.digest('hex') : 'copy'}`));
}
const copyOnly = await timed(() => lanes((doc, index) => copy(doc, index, false)));
await fs.rm(copyFolder, { recursive: true });
await fs.mkdir(copyFolder);
const copyAndHash = await timed(() => lanes((doc, index) => copy(doc, index, true)));
await fs.rm(copyFolder, { recursive: true });

const database = await startBenchDatabase({ poolSize: parallel + 4 });
const location = await database.db.insertInto('location').values({ slug: 'bench', name: 'Bench', address: 'Bench' }).returning('id').executeTakeFirstOrThrow();

// Bare INSERTs of the same rows as the import writes, one transaction per file, nothing else.
const bareInsert = await timed(async () => {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < files) {
        const f = next++;
        await database.db.transaction().execute(async (trx) => {
          const now = systemClock.now();
          const person = await trx
            .insertInto('case_person')
            .values({ family_name: 'Bare', given_names: 'Row', birth_year: 1985, created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('case_person_name')
            .values([
              { person_id: person.id, kind: 'family', value: 'Bare', normalized: 'bare', skeleton: 'br' },
              { person_id: person.id, kind: 'given', value: 'Row', normalized: 'row', skeleton: 'rw' },
            ])
            .execute();
          const file = await trx
            .insertInto('case_file')
            .values({ person_id: person.id, reference: `BARE-${f}`, location_id: location.id, created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          const own = docs
            .slice(f * perFile, (f + 1) * perFile)
            .map((doc) => ({ ...doc, sha256: createHash('sha256').update(`bare${doc.sha256}`).digest('hex') }));
          await trx
            .insertInto('blob')
            .values(own.map((doc) => ({ sha256: doc.sha256, size: pdfSize, media_type: 'application/pdf', created_at: now })))
            .execute();
          const documents = await trx
            .insertInto('case_document')
            .values(
              own.map((doc) => ({
                file_id: file.id,
                title: 'Dokument',
                category: 'application',
                import_key: `bare:${doc.path}`,
                created_at: now,
                updated_at: now,
              })),
            )
            .returning('id')
            .execute();
          await trx
            .insertInto('case_document_version')
            .values(
              documents.map((document, i) => ({
                document_id: document.id,
                number: 1,
                blob_sha256: own[i]!.sha256,
                media_type: 'application/pdf',
                size: pdfSize,
                file_name: 'd.pdf',
                created_by: 'Bare',
                created_at: now,
              })),
            )
            .execute();
        });
      }
    }),
  );
});

const blobs = createBlobStore({ folder: path.join(work, 'blobs') });
const deps: ImportDeps = { db: database.db, clock: systemClock, blobs, addDocumentVersion };
async function importRun(target: string) {
  const cpuBefore = process.cpuUsage();
  const pgBefore = await database.postgresCpuSeconds();
  const run = await timed(() => runImport(deps, target, { locationId: location.id, startedBy: { staffId: null, label: 'Bench' }, parallel }));
  const cpu = process.cpuUsage(cpuBefore);
  const pgSeconds = (await database.postgresCpuSeconds()) - pgBefore;
  if (run.value.state !== 'done' || run.value.rowsQuarantined > 0) throw new Error(`import ${run.value.state}: ${run.value.rowsQuarantined} quarantined`);
  return {
    seconds: round(run.seconds, 2),
    filesPerSecond: round(files / run.seconds, 1),
    documentsPerSecond: round(docs.length / run.seconds, 1),
    megabytesPerSecond: round(totalBytes / 1024 ** 2 / run.seconds, 1),
    nodeCpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
    postgresCpuSeconds: round(pgSeconds, 2),
  };
}
const csvImport = await importRun(csvFolder);
const xdomeaImport = await importRun(zipPath);

const share = (seconds: number, of: number) => `${Math.round((seconds / of) * 100)} %`;
const result = {
  benchmark: 'import',
  date: systemClock.now().toISOString(),
  machine: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${round(os.totalmem() / 1024 ** 3, 1)} GiB, Node ${process.version}`,
  files,
  documentsPerFile: perFile,
  bytesPerFile: perFile * pdfSize,
  parallel,
  target: '≥ 50 files/s',
  csv: csvImport,
  xdomea: xdomeaImport,
  baseline: {
    readAndHashSeconds: round(hashOnly.seconds, 2),
    copySeconds: round(copyOnly.seconds, 2),
    copyAndHashSeconds: round(copyAndHash.seconds, 2),
    copyAndHashFilesPerSecond: round(files / copyAndHash.seconds, 1),
    bareInsertSeconds: round(bareInsert.seconds, 2),
    bareInsertFilesPerSecond: round(files / bareInsert.seconds, 1),
  },
  // Where the CSV import's wall time goes, estimated from the baselines on the same bytes and rows.
  shareOfCsvImport: {
    hashing: share(hashOnly.seconds, csvImport.seconds),
    storage: share(copyOnly.seconds, csvImport.seconds),
    postgresCpu: share(csvImport.postgresCpuSeconds, csvImport.seconds),
    bareInsert: share(bareInsert.seconds, csvImport.seconds),
  },
};
await database.stop();
await fs.rm(work, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
