import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fixedClock } from '../../../shared/clock.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff } from '../../../../test/staff.ts';
import { addDocumentWithText, addPersonWithFile, staffActor } from '../../../../test/case-search-fixtures.ts';
import type { StaffActor } from '../../staff/index.ts';
import { sql } from 'kysely';
import { rankedAtMost, walkedAtMost } from './document-search-store.ts';
import { searchDocuments } from './search-documents.ts';

const { db } = await createTestDatabase();
const deps = { db, clock: fixedClock('2026-12-01T09:00:00Z') };
let clerk: StaffActor;
const documents: Record<string, string> = {};

before(async () => {
  const wetzlar = (await createOffice(db)).locationId;
  const dillenburg = (await createOffice(db)).locationId;
  const { id } = await addStaff(db, 'clerk', { locationIds: [wetzlar] });
  clerk = staffActor('clerk', [wetzlar], id);
  const here = await addPersonWithFile(db, wetzlar, { familyName: 'Petrenko', givenNames: 'Oleksandr', reference: 'WZ-1' });
  const there = await addPersonWithFile(db, dillenburg, { familyName: 'Haddad', reference: 'DI-1' });
  documents.application = await addDocumentWithText(db, here.fileId, {
    title: 'Antrag auf Verlängerung',
    text: 'Hiermit beantrage ich die Verlängerung meiner Aufenthaltserlaubnis nach § 24 AufenthG. Der Antrag wurde am 3. März gestellt.',
  });
  documents.passport = await addDocumentWithText(db, here.fileId, { title: 'Reisepass', text: null });
  documents.elsewhere = await addDocumentWithText(db, there.fileId, { title: 'Antrag auf Niederlassungserlaubnis', text: 'Ein Antrag aus Dillenburg.' });
});

test('German stemming: "Anträge" finds "Antrag", with a snippet marking the words', async () => {
  const results = await searchDocuments(deps, clerk, { query: 'Anträge' });
  assert.deepEqual(
    results.map((result) => result.documentId),
    [documents.application],
  );
  const [result] = results;
  assert.equal(result?.fileReference, 'WZ-1');
  assert.equal(result?.personName, 'Petrenko, Oleksandr');
  assert.ok(result?.snippet.some((part) => part.marked && part.text === 'Antrag'));
  assert.ok(result?.snippet.every((part) => !part.text.includes('\u0002') && !part.text.includes('\u0003')));
});

test('web search syntax: phrases, words together and a word left out', async () => {
  assert.deepEqual((await searchDocuments(deps, clerk, { query: '"Verlängerung meiner Aufenthaltserlaubnis"' })).length, 1);
  assert.deepEqual(
    (await searchDocuments(deps, clerk, { query: 'Reisepass' })).map((result) => result.documentId),
    [documents.passport],
  );
  assert.deepEqual(await searchDocuments(deps, clerk, { query: 'Antrag -Verlängerung' }), []);
});

test("another location's documents are not found", async () => {
  assert.deepEqual(await searchDocuments(deps, clerk, { query: 'Niederlassungserlaubnis' }), []);
});

test('the list shown is audited per document', async () => {
  const { id } = await addStaff(db, 'clerk', { locationIds: [...clerk.locationIds] });
  const auditor = staffActor('clerk', [...clerk.locationIds], id);
  await searchDocuments(deps, auditor, { query: 'Verlängerung' });
  const entries = await db
    .selectFrom('audit_entry')
    .where('action', '=', 'case_file.search_documents')
    .where('actor_staff_id', '=', auditor.staffId)
    .select(['target_type', 'target_id', 'person_id'])
    .execute();
  assert.deepEqual(
    entries.map((entry) => [entry.target_type, entry.target_id]),
    [['case_document', documents.application]],
  );
  assert.ok(entries[0]?.person_id);
});

test('bad input: too long refused; empty, odd characters and syntax errors find nothing without failing', async () => {
  await assert.rejects(searchDocuments(deps, clerk, { query: 'x'.repeat(201) }), { code: 'validation_failed' });
  for (const query of ['', '   ', '!!!', '"', '-', 'OR', "'; DROP TABLE case_document; --", '& | !', '\u0000Antrag'])
    assert.ok(Array.isArray(await searchDocuments(deps, clerk, { query })), query);
});

test('a word in more documents than are ranked: the newest matches are ranked, the page is full', async () => {
  const { id } = await addStaff(db, 'clerk', { locationIds: [...clerk.locationIds] });
  const busy = staffActor('clerk', [...clerk.locationIds], id);
  const location = clerk.locationIds[0] ?? '';
  const person = await addPersonWithFile(db, location, { familyName: 'Vielschreiber', reference: 'WZ-MANY' });
  await db
    .insertInto('case_document')
    .values(
      Array.from({ length: rankedAtMost + 10 }, (_, n) => ({
        file_id: person.fileId,
        title: `Widerspruch ${n}`,
        category: 'letter',
        text_state: 'no_text',
        search_vector: sql<string>`setweight(to_tsvector('german', ${`Widerspruch ${n}`}), 'A')`,
        created_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
        updated_at: new Date(Date.UTC(2026, 0, 1)),
      })),
    )
    .execute();
  const results = await searchDocuments(deps, busy, { query: 'Widersprüche' });
  assert.equal(results.length, 20);
  assert.ok(results.every((result) => result.fileReference === 'WZ-MANY' && result.title.startsWith('Widerspruch')));
});

test('matches many but sparse among the newest documents (older than a whole walk): still a full page', async () => {
  const { id } = await addStaff(db, 'clerk', { locationIds: [...clerk.locationIds] });
  const busy = staffActor('clerk', [...clerk.locationIds], id);
  const location = clerk.locationIds[0] ?? '';
  const person = await addPersonWithFile(db, location, { familyName: 'Altakte', reference: 'WZ-SPARSE' });
  // More matches than are ranked, all older than the newest walkedAtMost documents, which do not match.
  const insert = (count: number, title: string, from: string) => sql`
    INSERT INTO case_document (file_id, title, category, text_state, search_vector, created_at, updated_at)
    SELECT ${person.fileId}::uuid, ${title} || ' ' || n, 'letter', 'no_text', setweight(to_tsvector('german', ${title}), 'A'),
           ${from}::timestamptz + n * interval '1 second', ${from}::timestamptz
      FROM generate_series(1, ${count}) n`;
  await insert(rankedAtMost + 10, 'Fiktionsbescheinigung', '2020-01-01T00:00:00Z').execute(db);
  await insert(walkedAtMost + 10, 'Eingangsbestätigung', '2025-01-01T00:00:00Z').execute(db);
  const results = await searchDocuments(deps, busy, { query: 'Fiktionsbescheinigung' });
  assert.equal(results.length, 20);
  assert.ok(results.every((result) => result.fileReference === 'WZ-SPARSE' && result.title.startsWith('Fiktionsbescheinigung')));
});

test('reception and admins may not search documents', async () => {
  const { id } = await addStaff(db, 'reception', { locationIds: [...clerk.locationIds] });
  await assert.rejects(searchDocuments(deps, staffActor('reception', [...clerk.locationIds], id), { query: 'Antrag' }), { code: 'forbidden' });
});
