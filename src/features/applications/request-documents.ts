import { z } from 'zod';
import { enqueueMail } from '../../platform/mail/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { translate } from '../../web/i18n.ts';
import { changeProcedureStatus, validateInput } from '../case-files/index.ts';
import type { ChangeContext } from '../staff/index.ts';
import type { ApplicationDeps } from './application-deps.ts';
import { applicationForClerk } from './inbox-store.ts';

const schema = z.object({
  applicationId: z.uuid(),
  basedOnVersion: z.coerce.number().int().min(1),
  missing: z.string().trim().min(1, 'Bitte die fehlenden Unterlagen nennen. / Name the missing documents.').max(2000),
});

/**
 * Asks the applicant for missing documents: the procedure moves to its type's "documents missing"
 * status (with the clerk's list as the note, based on the version the clerk saw), and the request
 * goes out by e-mail in the applicant's language, the clerk's list quoted in German.
 */
export async function requestDocuments(deps: Pick<ApplicationDeps, 'db' | 'clock' | 'jobs'>, ctx: ChangeContext, input: unknown): Promise<{ mailed: boolean }> {
  const request = validateInput(schema, input);
  const application = await applicationForClerk(deps.db, request.applicationId);
  if (!application) throw new AppError('not_found', 'Diesen Antrag gibt es nicht. / No such application.');
  const status = await deps.db
    .selectFrom('procedure_status')
    .select('id')
    .where('procedure_type_id', '=', application.procedure_type_id)
    .where('code', '=', 'documents_missing')
    .executeTakeFirst();
  if (!status) throw new AppError('conflict', 'Diese Verfahrensart hat keinen Status „Unterlagen fehlen“. / This type has no "documents missing" status.');
  await changeProcedureStatus(deps, ctx, {
    procedureId: application.procedure_id,
    statusId: status.id,
    basedOnVersion: request.basedOnVersion,
    note: request.missing,
  });
  if (!application.email) return { mailed: false };
  const t = (key: string) => translate(application.lang, `apply.request.${key}`, { number: application.number });
  await enqueueMail(deps.jobs, {
    to: application.email,
    language: application.lang,
    subject: t('subject'),
    text: [t('greeting'), '', t('body'), '', request.missing, '', t('how')].join('\n'),
  });
  return { mailed: true };
}
