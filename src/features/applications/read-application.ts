import type { Database } from '../../db/database.ts';
import { officeDay } from '../../shared/office-day.ts';
import { checkAnswers, shownSteps } from './answers.ts';
import { unknownApplication } from './application-errors.ts';
import { applicationByToken, uploadCounts, uploadsOf } from './application-store.ts';
import { translationOf, versionById } from './form-store.ts';
import { readerTexts } from './form-texts.ts';

/** An application as its applicant sees it: the version it is on, the texts in their language, the uploads. */
export async function readApplication(db: Database, token: string, lang: string) {
  const application = await applicationByToken(db, token);
  if (!application) throw unknownApplication();
  const version = await versionById(db, application.form_version_id);
  if (!version) throw unknownApplication();
  const translation = await translationOf(db, version.id, lang);
  const uploads = await uploadsOf(db, application.id);
  const location = await db.selectFrom('location').select('time_zone').where('id', '=', version.locationId).executeTakeFirstOrThrow();
  const procedure = application.procedure_id
    ? await db.selectFrom('case_procedure').select('number').where('id', '=', application.procedure_id).executeTakeFirst()
    : undefined;
  return {
    application,
    version,
    translation,
    texts: readerTexts(version.texts, version.sourceDigest, lang, translation),
    uploads,
    timeZone: location.time_zone,
    procedureNumber: procedure?.number,
  };
}

export type ApplicationView = Awaited<ReturnType<typeof readApplication>>;

/** What a draft still lacks before it can be submitted (every shown step checked as the submission will), and the steps it shows. */
export function draftProgress(view: ApplicationView, now: Date) {
  const { definition } = view.version;
  const { problems } = checkAnswers(definition, definition.steps, view.application.answers, {
    today: officeDay(now, view.timeZone),
    uploads: uploadCounts(view.uploads),
    earlier: {},
  });
  return { steps: shownSteps(definition, view.application.answers), problems };
}

/** The stored receipt PDF of a submitted application: its blob's name. */
export async function receiptBlob(db: Database, token: string): Promise<{ sha256: string; fileName: string } | undefined> {
  const application = await applicationByToken(db, token);
  if (!application?.receipt_document_id) return undefined;
  return db
    .selectFrom('case_document_version as v')
    .innerJoin('case_document as d', (join) => join.onRef('d.id', '=', 'v.document_id').onRef('d.current_version', '=', 'v.number'))
    .select(['v.blob_sha256 as sha256', 'v.file_name as fileName'])
    .where('d.id', '=', application.receipt_document_id)
    .executeTakeFirst();
}
