import { z } from 'zod';
import type { Clock } from '../../shared/clock.ts';
import type { Database } from '../../db/database.ts';
import { checkAnswers, type AnswerProblem, type Answers } from './answers.ts';
import { alreadySubmitted, applicationProblem, unknownApplication } from './application-errors.ts';
import { applicationByToken, uploadCounts, uploadsOf } from './application-store.ts';
import { versionById } from './form-store.ts';
import { officeDay } from '../../shared/office-day.ts';

const request = z.object({
  token: z.string(),
  stepKey: z.string(),
  /** The form version the page was made from, and the application's revision it showed (hidden fields). */
  formVersionId: z.string(),
  basedOnRevision: z.coerce.number().int().min(1).max(1_000_000),
  answers: z.record(z.string(), z.unknown()),
});

export type SaveResult = { saved: true; revision: number; answers: Answers } | { saved: false; problems: AnswerProblem[] };

/**
 * Saves one step's answers. Nothing is written when an answer breaks a rule (the page shows the
 * problems with what was typed), when the page came from another form version, or when the
 * application changed since the page was loaded (another tab, a retry): a stale page never
 * overwrites newer answers. The row lock and `revision` decide, in one statement.
 */
export async function saveAnswers(deps: { db: Database; clock: Clock }, input: unknown): Promise<SaveResult> {
  const parsed = request.safeParse(input);
  if (!parsed.success)
    throw applicationProblem('validation_failed', 'tampered', 'Das Formular ist unvollständig oder verändert. / The form data is incomplete or altered.');
  const { token, stepKey, formVersionId, basedOnRevision, answers: raw } = parsed.data;
  return deps.db.transaction().execute(async (trx) => {
    const application = await applicationByToken(trx, token, { forUpdate: true });
    if (!application) throw unknownApplication();
    if (application.state !== 'draft') throw alreadySubmitted();
    if (formVersionId !== application.form_version_id)
      throw applicationProblem(
        'conflict',
        'form_changed',
        'Das Formular wurde inzwischen geändert; bitte die Seite neu laden. / The form changed meanwhile; reload the page.',
      );
    if (basedOnRevision !== application.revision)
      throw applicationProblem(
        'conflict',
        'stale',
        'Der Antrag wurde inzwischen an anderer Stelle gespeichert. / The application was saved elsewhere meanwhile.',
      );
    const version = await versionById(trx, application.form_version_id);
    const step = version?.definition.steps.find((s) => s.key === stepKey);
    if (!version || !step) throw applicationProblem('validation_failed', 'tampered', 'Diesen Schritt gibt es nicht. / No such step.');
    const uploads = uploadCounts(await uploadsOf(trx, application.id));
    const location = await trx.selectFrom('location').select('time_zone').where('id', '=', version.locationId).executeTakeFirstOrThrow();
    const earlier = Object.fromEntries(Object.entries(application.answers).filter(([key]) => !step.fields.some((f) => f.key === key)));
    const checked = checkAnswers(version.definition, [step], raw, { today: officeDay(deps.clock.now(), location.time_zone), uploads, earlier });
    if (checked.problems.length) return { saved: false, problems: checked.problems };
    const answers = { ...earlier, ...checked.answers };
    const row = await trx
      .updateTable('application')
      .set({ answers: JSON.stringify(answers), revision: application.revision + 1, updated_at: deps.clock.now() })
      .where('id', '=', application.id)
      .where('revision', '=', application.revision)
      .returning('revision')
      .executeTakeFirstOrThrow();
    return { saved: true, revision: row.revision, answers };
  });
}
