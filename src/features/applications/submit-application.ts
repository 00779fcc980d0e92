import {
  personAuditLabel,
  addDocumentVersion,
  insertCaseFile,
  insertPerson,
  insertProcedure,
  newProcedureNumber,
  queueTextExtraction,
  statusesOfType,
} from '../case-files/index.ts';
import { auditPersonForCasePerson, recordAudit } from '../staff/index.ts';
import { officeDay } from '../../shared/office-day.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Database } from '../../db/database.ts';
import type { ApplicationDeps } from './application-deps.ts';
import { applicationProblem, unknownApplication } from './application-errors.ts';
import { applicationByToken, uploadCounts, uploadsOf, type ApplicationRow } from './application-store.ts';
import { checkAnswers } from './answers.ts';
import { findApplicant } from './find-applicant.ts';
import { translationOf, versionById, type FormVersion } from './form-store.ts';
import { receiptLetter } from './receipt-letter.ts';

export type Receipt = { procedureNumber: string; submittedAt: Date; receiptDocumentId: string | null; fiktionNote: boolean };

/**
 * Submits an application, once: the application row is locked, and a second submission (a double
 * click, a retry, two tabs at once) waits and then gets the first one's receipt. In one transaction:
 * every answer checked again against the version's rules, the person found or created (with a new
 * file), a procedure of the form's type opened, each upload and the receipt PDF put in the file.
 * Anything failing leaves the application a draft and nothing else written.
 */
export async function submitApplication(deps: ApplicationDeps, input: { token: string }): Promise<Receipt> {
  return deps.db.transaction().execute(async (trx) => {
    const application = await applicationByToken(trx, input.token, { forUpdate: true });
    if (!application) throw unknownApplication();
    if (application.state !== 'draft') return receiptOf(trx, application);
    const version = await versionById(trx, application.form_version_id);
    if (!version) throw unknownApplication();
    const location = await trx.selectFrom('location').select(['time_zone']).where('id', '=', version.locationId).executeTakeFirstOrThrow();
    const now = deps.clock.now();
    const uploads = await uploadsOf(trx, application.id);
    const checked = checkAnswers(version.definition, version.definition.steps, application.answers, {
      today: officeDay(now, location.time_zone),
      uploads: uploadCounts(uploads),
      earlier: {},
    });
    if (checked.problems.length)
      throw new AppError('validation_failed', 'Der Antrag ist noch nicht vollständig. / The application is not complete yet.', {
        fieldErrors: checked.problems.map((p) => ({ path: p.path, message: p.message })),
        details: { problem: 'incomplete' },
      });
    const answers = checked.answers;
    const who = applicantOf(version, answers);
    const match = await findApplicant(trx, who);
    let personId: string;
    let fileId: string;
    if (match.kind === 'found') ({ personId, fileId } = match);
    else {
      personId = (await insertPerson(trx, personInput(version, answers, who, application.lang), now)).id;
      fileId = (await insertCaseFile(trx, { personId, reference: `OA-${newProcedureNumber()}`, locationId: version.locationId }, now)).id;
    }
    const [first] = await statusesOfType(trx, version.procedureTypeId);
    if (!first) throw new AppError('unavailable', 'Die Verfahrensart dieses Formulars hat keine Status. / The form’s procedure type has no statuses.');
    const procedure = await insertProcedure(
      trx,
      { fileId, procedureTypeId: version.procedureTypeId, statusId: first.id, by: { staffId: null, label: 'Online-Antrag' }, note: null },
      now,
    );
    const fieldLabel = (key: string) => version.texts[`field.${key}.label`] ?? key;
    for (const upload of uploads) {
      const added = await addDocumentVersion(deps, trx, {
        fileId,
        metadata: {
          title: fieldLabel(upload.field_key).slice(0, 300),
          category: 'evidence',
          receivedOn: officeDay(now, location.time_zone),
          datedOn: null,
          sender: null,
          procedureId: procedure.id,
        },
        blob: { sha256: upload.blob_sha256, size: Number(upload.size) },
        mediaType: upload.media_type,
        fileName: upload.file_name,
        createdBy: 'Online-Antrag',
      });
      await trx.updateTable('application_upload').set({ document_id: added.documentId }).where('id', '=', upload.id).execute();
      await queueTextExtraction(deps.jobs, trx, added.documentId);
    }
    const fileNames = new Map<string, string[]>();
    for (const upload of uploads) fileNames.set(upload.field_key, [...(fileNames.get(upload.field_key) ?? []), upload.file_name]);
    const pdf = await receiptLetter(trx, {
      version,
      translation: await translationOf(trx, version.id, application.lang),
      lang: application.lang,
      answers,
      uploads: fileNames,
      procedureNumber: procedure.number,
      submittedAt: now,
      timeZone: location.time_zone,
      applicantName: `${who.givenNames} ${who.familyName}`.trim(),
    });
    const staged = await deps.blobs.stage(
      (async function* () {
        yield pdf;
      })(),
    );
    let receiptDocumentId: string;
    try {
      receiptDocumentId = (
        await addDocumentVersion(deps, trx, {
          fileId,
          metadata: {
            title: `Online-Antrag ${procedure.number}`,
            category: 'application',
            receivedOn: officeDay(now, location.time_zone),
            datedOn: null,
            sender: null,
            procedureId: procedure.id,
          },
          blob: staged,
          mediaType: 'application/pdf',
          fileName: `antrag-${procedure.number}.pdf`,
          createdBy: 'Online-Antrag',
        })
      ).documentId;
    } finally {
      await staged.discard();
    }
    await trx
      .updateTable('application')
      .set({
        state: 'submitted',
        submitted_at: now,
        answers: JSON.stringify(answers),
        procedure_id: procedure.id,
        person_id: personId,
        person_match: match.kind,
        match_candidates: match.kind === 'uncertain' ? match.candidates : [],
        receipt_document_id: receiptDocumentId,
        updated_at: now,
      })
      .where('id', '=', application.id)
      .execute();
    await recordAudit(trx, deps.clock, {
      actorLabel: 'Online-Antrag',
      action: 'application.submit',
      target: { type: 'case_procedure', id: procedure.id },
      personId: await auditPersonForCasePerson(trx, {
        id: personId,
        label: personAuditLabel({
          family_name: who.familyName,
          given_names: who.givenNames,
          birth_year: who.birth.year,
          birth_month: who.birth.month,
          birth_day: who.birth.day,
        }),
      }),
      after: { form: version.slug, version: version.number, personMatch: match.kind, uploads: uploads.length },
    });
    return { procedureNumber: procedure.number, submittedAt: now, receiptDocumentId, fiktionNote: version.definition.fiktionNote };
  });
}

async function receiptOf(db: Database, application: ApplicationRow): Promise<Receipt> {
  const procedure = application.procedure_id
    ? await db.selectFrom('case_procedure').select('number').where('id', '=', application.procedure_id).executeTakeFirst()
    : undefined;
  const version = await versionById(db, application.form_version_id);
  if (!procedure || !application.submitted_at)
    throw applicationProblem('gone', 'gone', 'Dieser Antrag wurde bereits bearbeitet. / This application was already processed.');
  return {
    procedureNumber: procedure.number,
    submittedAt: application.submitted_at,
    receiptDocumentId: application.receipt_document_id,
    fiktionNote: version?.definition.fiktionNote ?? false,
  };
}

function applicantOf(version: FormVersion, answers: Record<string, unknown>) {
  const text = (key: string | undefined) => (key && typeof answers[key] === 'string' ? (answers[key] as string) : '');
  const [year, month, day] = text(version.definition.person.birthDate).split('-').map(Number);
  if (!year || !text(version.definition.person.familyName))
    throw applicationProblem('validation_failed', 'incomplete', 'Name und Geburtsdatum fehlen. / Name and date of birth are missing.');
  return {
    familyName: text(version.definition.person.familyName),
    givenNames: text(version.definition.person.givenNames),
    birth: { year, month: month ?? null, day: day ?? null },
  };
}

function personInput(version: FormVersion, answers: Record<string, unknown>, who: ReturnType<typeof applicantOf>, lang: string) {
  const { email, nationality } = version.definition.person;
  const nationalityAnswer = nationality && typeof answers[nationality] === 'string' ? (answers[nationality] as string).toUpperCase() : '';
  return {
    familyName: who.familyName,
    givenNames: who.givenNames,
    birthName: null,
    birthDate: who.birth,
    placeOfBirth: null,
    countryOfBirth: null,
    nationalities: /^[A-Z]{2}$/.test(nationalityAnswer) ? [nationalityAnswer] : [],
    sex: 'unknown' as const,
    addressStreet: null,
    addressPostalCode: null,
    addressCity: null,
    email: email && typeof answers[email] === 'string' ? (answers[email] as string) : null,
    phone: null,
    preferredLanguage: lang,
    azrNumber: null,
    formerNames: [],
    nameVariants: [],
  };
}
