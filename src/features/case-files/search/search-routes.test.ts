import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createTestApp } from '../../../../test/app.ts';
import { addDocumentWithText, addPersonWithFile, oleksandrPetrenko } from '../../../../test/case-search-fixtures.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { createApiToken } from '../../staff/index.ts';
import { fixedClock } from '../../../shared/clock.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-12-01T09:00:00Z');
const app = createTestApp(db, { clock });
let fileId = '';
let clerkToken = '';
let receptionToken = '';
const browser = new Browser(app);

before(async () => {
  const wetzlar = (await createOffice(db)).locationId;
  const clerk = await addStaff(db, 'clerk', { locationIds: [wetzlar] });
  const reception = await addStaff(db, 'reception', { locationIds: [wetzlar] });
  const person = await addPersonWithFile(db, wetzlar, oleksandrPetrenko);
  fileId = person.fileId;
  await addDocumentWithText(db, fileId, { title: 'Antrag auf Verlängerung', text: 'Der Antrag auf Verlängerung der Aufenthaltserlaubnis.' });
  clerkToken = (await createApiToken({ db, clock }, { staffId: clerk.id, name: 'search test', role: 'clerk' })).token;
  receptionToken = (await createApiToken({ db, clock }, { staffId: reception.id, name: 'search test', role: 'reception' })).token;
  assert.equal((await browser.signIn(clerk.username)).status, 303);
});

test('the page is a plain GET form: without JavaScript it answers with the results, linking to the file', async () => {
  const response = await browser.get(`/staff/files/search?q=${encodeURIComponent('Олександр 1990')}`);
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /^<!doctype html><html lang="de"/);
  assert.match(html, /<form method="get" action="\/staff\/files\/search" role="search"/);
  assert.match(html, new RegExp(`<a href="/staff/files/${fileId}">Petrenko, Oleksandr</a>`));
  assert.match(html, /12\.03\.1990/);
  assert.match(html, /Ukraine/);
  assert.match(html, /<p id="search-status" role="status">Ein Treffer<\/p>/);
  assert.match(html, /file-search\.[0-9a-f]+\.js/);
  assert.match(html, /href="\/staff\/files\/search">Aktensuche<\/a>/, 'the staff navigation leads to the search');
});

test('the fragment for search as you type holds the status line and the list only', async () => {
  const response = await browser.get('/staff/files/search/results?q=Petr');
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.doesNotMatch(html, /<html|<form/);
  assert.match(html, /^<p id="search-status" role="status">Ein Treffer/);
  const documents = await (await browser.get('/staff/files/search/results?q=Anträge&in=documents')).text();
  assert.match(documents, /<mark>Antrag<\/mark>/);
});

test('refused input is shown in the page with 422, in German or English', async () => {
  const tooLong = await browser.get(`/staff/files/search?q=${'x'.repeat(300)}`);
  assert.equal(tooLong.status, 422);
  assert.match(await tooLong.text(), /Die Suche ist zu lang/);
  const noDate = await browser.get('/staff/files/search/results?q=31.02.1990&lang=en');
  assert.equal(noDate.status, 422);
  assert.match(await noDate.text(), /kein mögliches Geburtsdatum|not a possible date of birth/);
  const huge = await browser.get(`/staff/files/search/results?q=${'y'.repeat(5000)}`);
  assert.equal(huge.status, 422);
});

test('API: persons and documents with a staff token; reception gets the minimal view', async () => {
  const headers = { authorization: `Bearer ${clerkToken}` };
  const persons = await app.request(`/api/v1/search/persons?q=${encodeURIComponent('Aleksandr')}`, { headers });
  assert.equal(persons.status, 200);
  assert.equal(persons.headers.get('cache-control'), 'no-store');
  const body = (await persons.json()) as { view: string; results: { fileId: string; fileReference: string }[] };
  assert.equal(body.view, 'file');
  assert.deepEqual(
    body.results.map((result) => result.fileReference),
    ['WZ-2024/00123'],
  );
  const documents = (await (await app.request('/api/v1/search/documents?q=Anträge', { headers })).json()) as { results: { title: string }[] };
  assert.deepEqual(
    documents.results.map((result) => result.title),
    ['Antrag auf Verlängerung'],
  );
  const reception = { authorization: `Bearer ${receptionToken}` };
  const identified = (await (await app.request('/api/v1/search/persons?q=Petrenko', { headers: reception })).json()) as { view: string; results: object[] };
  assert.equal(identified.view, 'identify');
  assert.deepEqual(Object.keys(identified.results[0] ?? {}).sort(), ['appointments', 'birthDate', 'familyName', 'givenNames', 'personId']);
  assert.equal((await app.request('/api/v1/search/documents?q=Antrag', { headers: reception })).status, 403);
});

test('API: bad input is a 4xx problem, never a 500', async () => {
  const headers = { authorization: `Bearer ${clerkToken}` };
  for (const path of [
    '/api/v1/search/persons',
    '/api/v1/search/persons?q=',
    `/api/v1/search/persons?q=${'a'.repeat(201)}`,
    '/api/v1/search/persons?q=Petrenko&limit=1000',
    '/api/v1/search/persons?q=00.00.1990',
    `/api/v1/search/documents?q=${'a'.repeat(201)}`,
  ]) {
    const response = await app.request(path, { headers });
    assert.equal(response.status, 422, path);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
  }
  assert.equal((await app.request('/api/v1/search/persons?q=Petrenko')).status, 401);
  const odd = await app.request(`/api/v1/search/documents?q=${encodeURIComponent("'); DROP TABLE case_document; -- & | !")}`, { headers });
  assert.equal(odd.status, 200);
});

test('the OpenAPI document lists the search routes', async () => {
  const document = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(document.paths['/api/v1/search/persons']);
  assert.ok(document.paths['/api/v1/search/documents']);
});
