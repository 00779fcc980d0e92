import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestJobs } from '../../../test/app.ts';
import { bytesOf, documentClerk } from '../../../test/case-document-fixtures.ts';
import { createPersonWithFile } from '../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createOffice } from '../../../test/office-factory.ts';
import { temporaryFolder } from '../../../test/temporary-folder.ts';
import { pdfWithText } from '../../demo/demo-documents.ts';
import { createBlobStore } from '../../platform/storage/blob-store.ts';
import { isAppError } from '../../shared/app-error.ts';
import { fixedClock, type Clock } from '../../shared/clock.ts';
import { openProcedure } from '../case-files/open-procedure.ts';
import { seedStandardCatalogue } from '../case-files/procedure-types/seed-standard-catalogue.ts';
import { removeUnreferencedBlobs } from '../case-files/documents/erase-expired-files.ts';
import { answerMessage } from './answer-message.ts';
import { assignMessage } from './assign-message.ts';
import { eraseExpiredMessages } from './erase-expired-messages.ts';
import { messageFigures } from './message-figures.ts';
import { listTemplates, saveTemplate, saveTemplateText } from './message-templates.ts';
import { openMessage } from './open-message.ts';
import { sendMessage, type SendMessageInput } from './send-message.ts';

const { db, url } = await createTestDatabase();
let now = new Date('2026-11-23T07:00:00Z');
const clock: Clock = { now: () => now };
const folder = await temporaryFolder('lotse-messages-');
const blobs = createBlobStore({ folder });
const deps = { db, clock, blobs, jobs: createTestJobs(url), publicUrl: 'https://portal.example' };
const office = await createOffice(db);
const otherOffice = await createOffice(db);
const clerk = await documentClerk(db, [office.locationId]);
const clerk2 = await documentClerk(db, [office.locationId]);
const foreignClerk = await documentClerk(db, [otherOffice.locationId]);
const types = await db.transaction().execute((trx) => seedStandardCatalogue(trx, fixedClock('2026-11-01T00:00:00Z').now()));
const pdf = await pdfWithText(['Arbeitsvertrag']);

let counter = 0;
const key = () => `submission-${++counter}-${'x'.repeat(20)}`;
const rahimi = {
  name: 'مهر\u200cنوش رحیمی',
  dateOfBirth: '1990-05-17',
  email: 'mehrnoosh@example.org',
  language: 'fa',
  body: 'سلام، پرونده من در چه مرحله‌ای است؟',
};

async function fileWithProcedure() {
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const procedure = await openProcedure(
    { db, clock },
    { actor: clerk, screen: 'test', ip: undefined },
    { fileId: file.fileId, procedureTypeId: types.get('extension')! },
  );
  return { ...file, number: procedure.number, procedureId: procedure.id };
}
const aboutProcedure = (number: string, overrides: Partial<SendMessageInput> = {}): SendMessageInput => ({
  ...rahimi,
  kind: 'procedure',
  procedureNumber: number,
  submissionKey: key(),
  attachments: [],
  ...overrides,
});
const general = (overrides: Partial<SendMessageInput> = {}): SendMessageInput => ({
  ...rahimi,
  kind: 'general',
  locationId: office.locationId,
  submissionKey: key(),
  attachments: [],
  ...overrides,
});
const problems = (error: unknown) => (isAppError(error) ? (error.fieldErrors ?? []).map((e) => `${e.path}:${e.message}`) : [String(error)]);
const count = async (table: 'portal_message' | 'portal_message_attachment' | 'case_note' | 'case_document' | 'blob') =>
  (await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
const stagedFiles = async () => fs.readdir(path.join(folder, 'tmp')).catch(() => []);

test('a message about a procedure lands in its file: a note with the text, the attachment as a document', async () => {
  const file = await fileWithProcedure();
  const sent = await sendMessage(
    deps,
    aboutProcedure(file.number.toLowerCase().replaceAll('-', ' '), {
      attachments: [{ body: bytesOf(pdf), fileName: 'vertrag.pdf', declaredType: 'application/pdf' }],
    }),
  );
  assert.match(sent.reference, /^N-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
  assert.equal(sent.repeated, false);
  const message = await db.selectFrom('portal_message').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow();
  assert.equal(message.file_id, file.fileId);
  assert.equal(message.procedure_id, file.procedureId);
  assert.equal(message.sender_name, 'مهر\u200cنوش رحیمی', 'the zero-width non-joiner is kept');
  const note = await db.selectFrom('case_note').selectAll().where('id', '=', message.note_id!).executeTakeFirstOrThrow();
  assert.equal(note.file_id, file.fileId);
  assert.equal(note.procedure_id, file.procedureId);
  assert.ok(note.text.includes(rahimi.body) && note.text.includes(sent.reference));
  const attachment = await db.selectFrom('portal_message_attachment').selectAll().where('message_id', '=', sent.id).executeTakeFirstOrThrow();
  assert.equal(attachment.media_type, 'application/pdf');
  const document = await db.selectFrom('case_document').selectAll().where('id', '=', attachment.document_id!).executeTakeFirstOrThrow();
  assert.equal(document.file_id, file.fileId);
  assert.equal(document.category, 'correspondence');
  assert.equal(await blobs.has(attachment.blob_sha256), true);
  assert.deepEqual(await stagedFiles(), []);
});

test('a wrong date of birth answers like an unknown number, and writes nothing', async () => {
  const file = await fileWithProcedure();
  const before = [await count('portal_message'), await count('case_note')];
  for (const input of [aboutProcedure(file.number, { dateOfBirth: '1990-05-18' }), aboutProcedure('K7RM-93XH-QD')]) {
    await assert.rejects(sendMessage(deps, input), (error) => {
      assert.deepEqual(problems(error), ['procedureNumber:lookup']);
      return true;
    });
  }
  assert.deepEqual([await count('portal_message'), await count('case_note')], before);
});

test('bad input is refused with every problem named, nothing half-written: empty, huge, unknown location', async () => {
  const before = await count('portal_message');
  await assert.rejects(sendMessage(deps, general({ body: '   ', name: '', email: 'no-at-sign', dateOfBirth: '1990-02-30' })), (error) => {
    assert.deepEqual(problems(error).sort(), ['body:body_empty', 'dateOfBirth:dob', 'email:email', 'name:name']);
    return true;
  });
  await assert.rejects(sendMessage(deps, general({ body: 'ا'.repeat(3501) })), (error) => problems(error).includes('body:body_long'));
  await assert.rejects(sendMessage(deps, general({ locationId: '00000000-0000-4000-8000-000000000000' })), (error) =>
    problems(error).includes('location:location'),
  );
  assert.equal(await count('portal_message'), before);
});

test('a 0-byte file, a renamed .exe and a fake PDF are refused; no row, no blob, no staged file', async () => {
  const before = [await count('portal_message'), await count('blob')];
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
  const cases: [SendMessageInput['attachments'][number], string][] = [
    [{ body: bytesOf(''), fileName: 'leer.pdf', size: 0 }, 'attachments:attachment_empty'],
    [{ body: bytesOf(new Uint8Array(exe)), fileName: 'foto.jpg', declaredType: 'image/jpeg' }, 'attachments:attachment_type'],
    [{ body: bytesOf('just text'), fileName: 'pass.pdf' }, 'attachments:attachment_type'],
  ];
  for (const [attachment, problem] of cases) {
    await assert.rejects(sendMessage(deps, general({ attachments: [{ body: bytesOf(pdf), fileName: 'ok.pdf' }, attachment] })), (error) => {
      assert.deepEqual(problems(error), [problem]);
      return true;
    });
  }
  assert.deepEqual([await count('portal_message'), await count('blob')], before);
  assert.deepEqual(await stagedFiles(), []);
});

test('a double click (the same submission twice at once) is one message', async () => {
  const file = await fileWithProcedure();
  const input = aboutProcedure(file.number, { attachments: [] });
  const results = await Promise.all([
    sendMessage(deps, { ...input, attachments: [{ body: bytesOf(pdf), fileName: 'a.pdf' }] }),
    sendMessage(deps, { ...input, attachments: [{ body: bytesOf(pdf), fileName: 'a.pdf' }] }),
    sendMessage(deps, { ...input, attachments: [{ body: bytesOf(pdf), fileName: 'a.pdf' }] }),
  ]);
  assert.equal(new Set(results.map((r) => r.reference)).size, 1);
  assert.deepEqual(results.map((r) => r.repeated).sort(), [false, true, true]);
  const notes = await db.selectFrom('case_note').select('id').where('file_id', '=', file.fileId).execute();
  assert.equal(notes.length, 1);
  const documents = await db.selectFrom('case_document').select('id').where('file_id', '=', file.fileId).execute();
  assert.equal(documents.length, 1);
});

test('the answer lands in the file and queues one "you have an answer" mail; two clerks at once: one answer', async () => {
  const file = await fileWithProcedure();
  const sent = await sendMessage(deps, aboutProcedure(file.number));
  now = new Date('2026-11-24T10:30:00Z');
  const results = await Promise.allSettled([
    answerMessage(deps, clerk, { messageId: sent.id, body: 'پرونده شما در حال بررسی است.' }),
    answerMessage(deps, clerk2, { messageId: sent.id, body: 'Zweite Antwort' }),
  ]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  assert.equal(refused.reason.code, 'conflict');
  const answer = await db.selectFrom('portal_message_answer').selectAll().where('message_id', '=', sent.id).executeTakeFirstOrThrow();
  const note = await db.selectFrom('case_note').selectAll().where('id', '=', answer.note_id!).executeTakeFirstOrThrow();
  assert.equal(note.file_id, file.fileId);
  assert.ok(note.text.includes(answer.body));
  const mails = await sql<{ data: { to: string; subject: string; text: string; language: string } }>`
    SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = ${rahimi.email} AND data->>'text' LIKE ${`%${sent.reference}%`}`.execute(db);
  assert.equal(mails.rows.length, 1);
  const mail = mails.rows[0]!.data;
  assert.equal(mail.language, 'fa');
  assert.ok(mail.text.includes(`https://portal.example/fa/messages/${sent.reference}`));
  assert.ok(!mail.text.includes(answer.body), 'the answer itself stays behind the link');
  assert.ok(mail.text.includes('Antwort'), 'the German text stands beside the Persian');
  now = new Date('2026-11-23T07:00:00Z');
});

test('empty and foreign answers are refused; a clerk of another location may not read the message (audited)', async () => {
  const sent = await sendMessage(deps, general());
  await assert.rejects(answerMessage(deps, clerk, { messageId: sent.id, body: '  ' }), { code: 'validation_failed' });
  await assert.rejects(answerMessage(deps, foreignClerk, { messageId: sent.id, body: 'Hallo' }), { code: 'forbidden' });
  await assert.rejects(openMessage(deps, foreignClerk, sent.id), { code: 'forbidden' });
  const denied = await db.selectFrom('audit_entry').select('action').where('target_id', '=', sent.id).execute();
  assert.deepEqual(denied.map((d) => d.action).sort(), ['denied:case_file.read', 'denied:case_file.write']);
});

test('opening a message is audited; a general message assigned to a file brings text, answer and attachment along', async () => {
  const sent = await sendMessage(deps, general({ attachments: [{ body: bytesOf(pdf), fileName: 'pass.pdf' }] }));
  const opened = await openMessage(deps, clerk, sent.id);
  assert.equal(opened.message.body, rahimi.body);
  assert.equal(opened.attachments.length, 1);
  const reads = await db
    .selectFrom('audit_entry')
    .select(['action', 'actor_staff_id'])
    .where('target_id', '=', sent.id)
    .where('action', '=', 'portal_message.read')
    .execute();
  assert.equal(reads.length, 1);
  await answerMessage(deps, clerk, { messageId: sent.id, body: 'Bitte bringen Sie Ihren Pass mit.' });
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const results = await Promise.allSettled([
    assignMessage(deps, clerk, { messageId: sent.id, fileReference: file.reference }),
    assignMessage(deps, clerk2, { messageId: sent.id, fileReference: file.reference }),
  ]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const notes = await db.selectFrom('case_note').select('text').where('file_id', '=', file.fileId).orderBy('at').execute();
  assert.equal(notes.length, 2);
  assert.ok(notes[0]!.text.includes(rahimi.body) && notes[1]!.text.includes('Pass mit'));
  const documents = await db.selectFrom('case_document').select('title').where('file_id', '=', file.fileId).execute();
  assert.equal(documents.length, 1);
  await assert.rejects(assignMessage(deps, clerk, { messageId: sent.id, fileReference: 'NO-SUCH-FILE' }), { code: 'validation_failed' });
});

test('templates: a translation is missing, then current, then outdated when the German text changes', async () => {
  const admin = { ...clerk, role: 'admin' as const };
  await assert.rejects(saveTemplate(deps, clerk, { name: 'x', body: 'y' }), { code: 'forbidden' });
  const { id } = await saveTemplate(deps, admin, { name: 'Unterlagen vollständig', body: 'Ihre Unterlagen sind vollständig.' });
  const state = async (lang: string) => (await listTemplates(db)).find((t) => t.id === id)!.texts.get(lang)!.state;
  assert.equal(await state('fa'), 'missing');
  await saveTemplateText(deps, admin, { templateId: id, lang: 'fa', body: 'مدارک شما کامل است.' });
  assert.equal(await state('fa'), 'current');
  await saveTemplate(deps, admin, { id, name: 'Unterlagen vollständig', body: 'Ihre Unterlagen sind jetzt vollständig.', basedOnVersion: 1 });
  assert.equal(await state('fa'), 'outdated');
  await assert.rejects(saveTemplate(deps, admin, { id, name: 'n', body: 'b', basedOnVersion: 1 }), { code: 'conflict' });
});

test('figures: messages per week with the median and 90th percentile of the answer time', async () => {
  const location = await createOffice(db);
  const local = { ...rahimi, kind: 'general' as const, locationId: location.locationId, attachments: [] };
  const clerkThere = await documentClerk(db, [location.locationId]);
  const hours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
  for (const h of hours) {
    now = new Date('2026-11-10T08:00:00Z');
    const sent = await sendMessage(deps, { ...local, submissionKey: key() });
    now = new Date(now.getTime() + h * 3_600_000);
    await answerMessage(deps, clerkThere, { messageId: sent.id, body: 'ok' });
  }
  now = new Date('2026-11-17T08:00:00Z');
  await sendMessage(deps, { ...local, submissionKey: key() });
  now = new Date('2026-11-23T07:00:00Z');
  const sut = await messageFigures(db, {
    locationId: location.locationId,
    from: new Date('2026-11-01T00:00:00Z'),
    to: new Date('2026-12-01T00:00:00Z'),
    timeZone: 'Europe/Berlin',
  });
  assert.deepEqual(sut, [
    { week: '2026-W46', received: 10, answered: 10, medianHours: 5.5, p90Hours: 18.1 },
    { week: '2026-W47', received: 1, answered: 0, medianHours: null, p90Hours: null },
  ]);
});

test('retention: a message goes 180 days after its last event; what it put into the file stays; an unfiled attachment’s bytes go', async () => {
  now = new Date('2027-01-04T08:00:00Z');
  const pdfOnly = await pdfWithText(['Mietvertrag nur in der Nachricht']);
  const unfiled = await sendMessage(deps, general({ attachments: [{ body: bytesOf(pdfOnly), fileName: 'miete.pdf', declaredType: 'application/pdf' }] }));
  const file = await fileWithProcedure();
  const filed = await sendMessage(
    deps,
    aboutProcedure(file.number, { attachments: [{ body: bytesOf(pdf), fileName: 'vertrag.pdf', declaredType: 'application/pdf' }] }),
  );
  now = new Date('2027-04-14T08:00:00Z'); // 100 days on: the filed message is answered
  await answerMessage(deps, clerk, { messageId: filed.id, body: 'Wir haben Ihren Vertrag erhalten.' });
  const filedNote = (await db.selectFrom('portal_message').select('note_id').where('id', '=', filed.id).executeTakeFirstOrThrow()).note_id!;
  const unfiledBlob = (await db.selectFrom('portal_message_attachment').select('blob_sha256').where('message_id', '=', unfiled.id).executeTakeFirstOrThrow())
    .blob_sha256;
  const alive = async () => (await db.selectFrom('portal_message').select('id').where('id', 'in', [unfiled.id, filed.id]).execute()).map((m) => m.id);

  now = new Date('2027-07-02T09:00:00Z'); // 179 days after the unfiled one arrived
  await eraseExpiredMessages(deps, { retentionDays: 180 });
  assert.deepEqual((await alive()).sort(), [unfiled.id, filed.id].sort(), 'nothing is due yet');
  now = new Date('2027-07-04T09:00:00Z'); // 181 days after arrival; the filed one was answered 81 days ago
  await eraseExpiredMessages(deps, { retentionDays: 180 });
  assert.deepEqual(await alive(), [filed.id]);
  assert.deepEqual(await db.selectFrom('portal_message_attachment').select('position').where('message_id', '=', unfiled.id).execute(), []);
  await removeUnreferencedBlobs(deps);
  assert.equal(await blobs.has(unfiledBlob), false, 'the bytes only that message held are gone');

  now = new Date('2027-10-12T09:00:00Z'); // 181 days after the answer
  await eraseExpiredMessages(deps, { retentionDays: 180 });
  assert.deepEqual(await alive(), []);
  const note = await db.selectFrom('case_note').select('id').where('id', '=', filedNote).executeTakeFirst();
  assert.ok(note, 'the note the message became stays in the file');
  const documents = await db.selectFrom('case_document').select('id').where('file_id', '=', file.fileId).execute();
  assert.equal(documents.length, 1, 'and so does its attachment, as a document of the file');
  now = new Date('2026-11-23T07:00:00Z');
});
