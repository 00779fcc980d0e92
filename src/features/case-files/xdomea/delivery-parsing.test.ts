import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { parseCsvManifest } from './csv-manifest.ts';
import { parsePartialDate, safeRelativePath } from './delivery-row.ts';
import { readAll } from './delivery-source.ts';
import { abgabeMessage, type ExportedFile } from './export-message.ts';
import { parseXdomeaMessage } from './xdomea-message.ts';
import { validateXdomea, xdomeaStandardFolder } from './xdomea-schema.test-support.ts';
import { renameInZip, understateSizes, writeZip, zipBytes } from './zip.test-support.ts';
import { defaultZipLimits, openZipSource } from './zip-source.ts';

const sha = (char: string) => char.repeat(64);
const header = 'file_reference;family_name;given_names;date_of_birth;nationality;sex;document_title;category;received_on;path;sha256';

describe('dates of birth', () => {
  test('full and partial dates in both notations', () => {
    assert.deepEqual(parsePartialDate('1990-03-15'), { year: 1990, month: 3, day: 15 });
    assert.deepEqual(parsePartialDate('15.03.1990'), { year: 1990, month: 3, day: 15 });
    assert.deepEqual(parsePartialDate('03.1990'), { year: 1990, month: 3 });
    assert.deepEqual(parsePartialDate('1990-03'), { year: 1990, month: 3 });
    assert.deepEqual(parsePartialDate('1990'), { year: 1990 });
  });
  test('00 for an unknown part, impossible days and other text are refused with a reason', () => {
    assert.match((parsePartialDate('00.00.1990') as { error: string }).error, /00 for an unknown day or month/);
    assert.match((parsePartialDate('30.02.1990') as { error: string }).error, /no such day/);
    assert.match((parsePartialDate('soon') as { error: string }).error, /not a date/);
  });
  test('paths leaving the delivery are refused', () => {
    assert.equal(safeRelativePath('../etc/passwd'), undefined);
    assert.equal(safeRelativePath('/etc/passwd'), undefined);
    assert.equal(safeRelativePath('C:\\x.pdf'), undefined);
    assert.equal(safeRelativePath('a/./b.pdf'), 'a/b.pdf');
  });
});

describe('CSV manifest', () => {
  test('good rows become rows; broken rows are unreadable with their reason, the rest goes on', () => {
    const csv = [
      header,
      `WZ-1;Kovalenko;Oleksandr;1985;UA;m;Antrag;Antrag;02.01.2020;wz1/a.pdf;${sha('a')}`,
      `WZ-1;Kovalenko;Oleksandr;1985;UA;m;Pass;passport_copy;;wz1/b.pdf;${sha('b')}`,
      `WZ-2;Haddad;Lina;00.00.1990;SY;f;Antrag;application;;wz2/a.pdf;${sha('c')}`,
      `WZ-3;Haddad;Omar;1990;SY;m;Antrag;Memo;;wz3/a.pdf;${sha('d')}`,
      `WZ-1;Kovalenko;Oleksandr;1985;UA;m;Antrag;Antrag;;wz1/a.pdf;${sha('a')}`,
      `WZ-4;Evil;Eve;1990;DE;f;Antrag;other;;../../etc/passwd;${sha('e')}`,
    ].join('\n');
    const parsed = parseCsvManifest(csv);
    assert.deepEqual(
      parsed.rows.map((row) => [row.rowKey, row.document.category, row.person.birth]),
      [
        ['WZ-1/wz1/a.pdf', 'application', { year: 1985 }],
        ['WZ-1/wz1/b.pdf', 'passport_copy', { year: 1985 }],
      ],
    );
    assert.equal(parsed.rows[0]!.document.receivedOn, '2020-01-02');
    assert.deepEqual(
      parsed.unreadable.map((row) => [row.position, row.reason.replace(/:.*/, '')]),
      [
        [4, 'date of birth'],
        [5, 'unknown category "Memo"'],
        [6, 'duplicate row'],
        [7, 'path "../../etc/passwd" is empty, absolute or leaves the delivery folder'],
      ],
    );
  });
  test('a manifest without the required columns is refused as a whole', () => {
    assert.throws(() => parseCsvManifest('a,b\n1,2\n'), /lacks the columns: file_reference, family_name/);
  });
});

const exported: ExportedFile = {
  fileId: '11111111-1111-4111-8111-111111111111',
  reference: 'WZ 123/2020',
  sender: { office: 'Ausländerbehörde Lahn-Dill', location: 'Wetzlar' },
  person: {
    familyName: 'Müller & <Söhne>',
    givenNames: 'Anna',
    birthName: null,
    birth: { year: 1990, month: 3 },
    placeOfBirth: 'Kyjiw',
    nationalities: ['UA', 'DE'],
    sex: 'female',
  },
  documents: [
    {
      id: '22222222-2222-4222-8222-222222222222',
      title: 'Antrag auf Verlängerung',
      category: 'application',
      receivedOn: '2020-01-02',
      datedOn: null,
      sender: 'Anna Müller',
      versions: [
        {
          number: 1,
          fileName: 'antrag scan.pdf',
          mediaType: 'application/pdf',
          sha256: sha('a'),
          createdBy: 'Import',
          createdAt: new Date('2020-01-03T10:00:00Z'),
        },
        { number: 2, fileName: 'antrag.png', mediaType: 'image/png', sha256: sha('b'), createdBy: 'Clerk', createdAt: new Date('2020-02-03T10:00:00Z') },
      ],
    },
  ],
};

describe('xdomea messages', () => {
  test('the Abgabe 0401 of a file validates against the official schemas and reads back to the same rows', async () => {
    const xml = abgabeMessage(exported, '33333333-3333-4333-8333-333333333333', new Date('2026-11-23T07:00:00Z'));
    const validation = await validateXdomea(xml, '0401');
    assert.deepEqual(validation.errors, []);
    assert.equal(validation.valid, true);
    const parsed = parseXdomeaMessage(xml);
    assert.equal(parsed.messageType, '0401');
    assert.deepEqual(parsed.unreadable, []);
    const [row] = parsed.rows;
    assert.equal(row!.fileReference, 'WZ 123/2020');
    assert.deepEqual(row!.person, {
      familyName: 'Müller & <Söhne>',
      givenNames: 'Anna',
      birth: { year: 1990, month: 3 },
      placeOfBirth: 'Kyjiw',
      nationalities: ['UA', 'DE'],
      sex: 'female',
    });
    assert.deepEqual(
      row!.files.map((file) => [file.fileName, file.sha256]),
      [
        ['antrag scan.pdf', sha('a')],
        ['antrag.png', sha('b')],
      ],
    );
    assert.deepEqual(row!.document, { title: 'Antrag auf Verlängerung', category: 'application', receivedOn: '2020-01-02', sender: 'Anna Müller' });
  });

  test('a message that breaks the schema is reported invalid (the validation is real)', async () => {
    const xml = abgabeMessage(exported, 'not-a-uuid', new Date('2026-11-23T07:00:00Z'));
    const validation = await validateXdomea(xml, '0401');
    assert.equal(validation.valid, false);
    assert.match(validation.errors.join('\n'), /ProzessID/);
  });

  test('the official Aussonderung 0503 example validates and is read: its lone document has no file to go to', async () => {
    const xml = await readFile(path.join(xdomeaStandardFolder, 'examples/xx_Aussonderung.Aussonderung.0503.xml'), 'utf8');
    assert.equal((await validateXdomea(xml, '0503')).valid, true);
    const parsed = parseXdomeaMessage(xml);
    assert.equal(parsed.messageType, '0503');
    assert.equal(parsed.processId, '242f44e8-bebf-4503-a086-db252c6a4277');
    assert.deepEqual(parsed.rows, []);
    assert.deepEqual(parsed.unreadable, [
      { rowKey: 'xdomea:d9fc876a-3838-4e15-9203-15c703afe730', position: 1, reason: 'file reference (Kennzeichen) "" is empty or not a valid file reference' },
    ]);
  });

  test('other xdomea messages (the 0501 example) are refused as a whole', async () => {
    const xml = await readFile(path.join(xdomeaStandardFolder, 'examples/xx_Aussonderung.Anbieteverzeichnis.0501.xml'), 'utf8');
    assert.throws(() => parseXdomeaMessage(xml), /Not an xdomea 3.0 Abgabe \(0401\) or Aussonderung \(0503\) message/);
  });
});

describe('zip safety', () => {
  test('a plain zip is read entry by entry', async () => {
    const folder = await temporaryFolder('xdomea-zip-');
    const file = await writeZip(path.join(folder, 'ok.zip'), [
      { name: 'm.csv', bytes: header },
      { name: 'a/b.pdf', bytes: '%PDF-1.4 test' },
    ]);
    const source = await openZipSource(file);
    assert.deepEqual([...source.files.keys()], ['m.csv', 'a/b.pdf']);
    assert.equal((await readAll(source, 'a/b.pdf', 1000)).toString(), '%PDF-1.4 test');
    await source.close();
  });

  test('path traversal, absolute paths and symbolic links are refused before anything is unpacked', async () => {
    const folder = await temporaryFolder('xdomea-zip-');
    const traversal = path.join(folder, 'traversal.zip');
    await writeFile(traversal, renameInZip(await zipBytes([{ name: 'xx/evil.txt', bytes: 'x' }]), 'xx/evil.txt', '../evil.txt'));
    await assert.rejects(openZipSource(traversal), /Zip refused: invalid relative path: \.\.\/evil\.txt/);
    const absolute = path.join(folder, 'absolute.zip');
    await writeFile(absolute, renameInZip(await zipBytes([{ name: 'xetc/passwd', bytes: 'x' }]), 'xetc/passwd', '/etc/passwd'));
    await assert.rejects(openZipSource(absolute), /Zip refused: absolute path: \/etc\/passwd/);
    const link = await writeZip(path.join(folder, 'link.zip'), [{ name: 'link', bytes: '/etc/passwd', mode: 0o120777, compress: false }]);
    await assert.rejects(openZipSource(link), /Zip refused: symbolic link link/);
  });

  test('zip bombs: the ratio, the declared sizes, the number of entries and the real size are all limited', async () => {
    const folder = await temporaryFolder('xdomea-zip-');
    const bomb = await writeZip(path.join(folder, 'bomb.zip'), [{ name: 'zeros.pdf', bytes: Buffer.alloc(20 * 1024 ** 2) }]);
    await assert.rejects(openZipSource(bomb), /Zip refused: entry zeros.pdf is compressed \d+:1 \(a zip bomb\?\)/);
    const big = await writeZip(path.join(folder, 'big.zip'), [
      { name: 'a.bin', bytes: Buffer.alloc(3000, 1), compress: false },
      { name: 'b.bin', bytes: Buffer.alloc(3000, 2), compress: false },
    ]);
    await assert.rejects(openZipSource(big, { ...defaultZipLimits, maxEntryBytes: 2000 }), /entry a.bin unpacks to 3000 bytes \(at most 2000\)/);
    await assert.rejects(openZipSource(big, { ...defaultZipLimits, maxTotalBytes: 5000 }), /unpacks to more than 5000 bytes/);
    await assert.rejects(openZipSource(big, { ...defaultZipLimits, maxEntries: 1 }), /2 entries \(at most 1\)/);
    const lying = path.join(folder, 'lying.zip');
    await writeFile(lying, understateSizes(await zipBytes([{ name: 'a.bin', bytes: Buffer.alloc(100_000, 7) }]), 10));
    const source = await openZipSource(lying);
    assert.equal(source.files.get('a.bin'), 10);
    await assert.rejects(readAll(source, 'a.bin', 1_000_000), /too many bytes in the stream/);
    await source.close();
  });
});
