import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, json } from '../../../../test/app.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff } from '../../../../test/staff.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { createApiToken } from '../../staff/index.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
const { db } = await createTestDatabase();
const app = createTestApp(db, { clock });
const office = await createOffice(db);
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const { token } = await createApiToken({ db, clock }, { staffId: clerk.id, name: 'test', role: 'clerk' });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) });

test('the whole file over the API: a title, a family link and a note are written, read back with the ETag, and the file closed with If-Match', async () => {
  const mother = await createPersonWithFile(db, { locationId: office.locationId, person: { familyName: 'Kovalenko', givenNames: 'Olena' } });
  const child = await createPersonWithFile(db, { locationId: office.locationId, person: { familyName: 'Kovalenko', givenNames: 'Daryna' } });
  const base = `/api/v1/case-files/${mother.fileId}`;

  const title = await post(`${base}/residence-titles`, {
    kind: 'temporary_protection',
    legalBasis: '§ 24 AufenthG',
    validUntil: '2027-03-04',
    cardSerial: 'L01X00T47',
  });
  assert.equal(title.status, 201, await title.clone().text());
  assert.equal((await post(`${base}/family-links`, { relatedReference: child.reference, relation: 'child' })).status, 204);
  const note = await post(`${base}/notes`, { text: 'Passkopie nachgereicht' });
  assert.equal(note.status, 201);

  const read = await app.request(base, { headers });
  assert.equal(read.status, 200);
  assert.equal(read.headers.get('cache-control'), 'no-store');
  const file = await json(read);
  assert.equal(read.headers.get('etag'), `"${file.version}"`);
  assert.deepEqual(
    file.residenceTitles.map((t: { kind: string; cardSerial: string; current: boolean }) => [t.kind, t.cardSerial, t.current]),
    [['temporary_protection', 'L01X00T47', true]],
  );
  assert.deepEqual(file.family, [{ relation: 'child', personId: child.personId, fileId: child.fileId, reference: child.reference }]);
  assert.deepEqual(
    file.notes.map((n: { text: string }) => n.text),
    ['Passkopie nachgereicht'],
  );
  const opened = await db.selectFrom('audit_entry').select('action').where('target_id', '=', mother.fileId).where('action', '=', 'case_file.open').execute();
  assert.equal(opened.length, 1, 'reading the file over the API is audited as opening it');

  assert.equal((await post(`${base}/closing`, {})).status, 428, 'closing needs If-Match');
  assert.equal((await post(`${base}/closing`, {}, { 'if-match': `"${file.version + 5}"` })).status, 412);
  const closed = await post(`${base}/closing`, { handedOverTo: 'Ausländerbehörde Gießen' }, { 'if-match': read.headers.get('etag')! });
  assert.equal(closed.status, 200, await closed.clone().text());
  assert.equal((await json(closed)).retentionUntil, '2036-12-31');
  const after = await json(await app.request(base, { headers }));
  assert.deepEqual([after.state, after.handedOverTo], ['handed_over', 'Ausländerbehörde Gießen']);
});

test('bad input to the file API: a 4xx with the field named, and nothing written', async () => {
  const person = await createPersonWithFile(db, { locationId: office.locationId });
  const base = `/api/v1/case-files/${person.fileId}`;
  const refused = [
    await post(`${base}/notes`, { text: '' }),
    await post(`${base}/notes`, { text: 'x'.repeat(4001) }),
    await post(`${base}/notes`, { text: 'a', procedureId: '00000000-0000-4000-8000-000000000000' }),
    await post(`${base}/residence-titles`, { kind: 'no-such-kind' }),
    await post(`${base}/residence-titles`, { kind: 'temporary_protection', validFrom: '2027-01-01', validUntil: '2026-01-01' }),
    await post(`${base}/family-links`, { relatedReference: 'NOBODY-1', relation: 'child' }),
    await post(`${base}/family-links`, { relatedReference: 'X', relation: 'cousin' }),
  ];
  assert.deepEqual(
    refused.map((r) => r.status),
    [422, 422, 422, 422, 422, 422, 422],
  );
  assert.equal((await app.request('/api/v1/case-files/00000000-0000-4000-8000-000000000000', { headers })).status, 404);
  assert.equal((await app.request('/api/v1/case-files/not-a-uuid', { headers })).status, 422);
  const written = await db
    .selectFrom('case_note')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('file_id', '=', person.fileId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(written.n), 0);
  const titles = await db.selectFrom('residence_title').select('id').where('person_id', '=', person.personId).execute();
  assert.deepEqual(titles, []);
});

test('a family link is removed in both directions, once; a second removal says it is gone, and a relative elsewhere stays linked', async () => {
  const father = await createPersonWithFile(db, { locationId: office.locationId, person: { familyName: 'Hosseini', givenNames: 'Ali' } });
  const son = await createPersonWithFile(db, { locationId: office.locationId, person: { familyName: 'Hosseini', givenNames: 'Reza' } });
  const base = `/api/v1/case-files/${father.fileId}`;
  assert.equal((await post(`${base}/family-links`, { relatedReference: son.reference, relation: 'child' })).status, 204);
  const links = () => db.selectFrom('family_link').select(['person_id', 'relation']).where('person_id', 'in', [father.personId, son.personId]).execute();
  assert.equal((await links()).length, 2);

  const removal = () => app.request(`${base}/family-links/${son.personId}`, { method: 'DELETE', headers });
  const [first, second] = await Promise.all([removal(), removal()]);
  assert.deepEqual([first.status, second.status].sort(), [204, 409], 'two removals at once: one removes, the other is told');
  assert.deepEqual(await links(), [], 'both directions are gone');
  const audited = await db
    .selectFrom('audit_entry')
    .select('action')
    .where('target_id', '=', father.fileId)
    .where('action', '=', 'family_link.remove')
    .execute();
  assert.equal(audited.length, 1);

  const elsewhere = await createOffice(db);
  const cousin = await createPersonWithFile(db, { locationId: elsewhere.locationId });
  await db
    .insertInto('family_link')
    .values([
      { person_id: father.personId, related_person_id: cousin.personId, relation: 'spouse' },
      { person_id: cousin.personId, related_person_id: father.personId, relation: 'spouse' },
    ])
    .execute();
  const foreign = await app.request(`${base}/family-links/${cousin.personId}`, { method: 'DELETE', headers });
  assert.equal(foreign.status, 403, 'the relative’s file is at a location the clerk does not work at');
  const kept = await db.selectFrom('family_link').select('relation').where('person_id', 'in', [father.personId, cousin.personId]).execute();
  assert.equal(kept.length, 2, 'nothing removed');
});
