import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, recordChange, type ChangeContext } from '../staff/index.ts';
import type { FormDeps } from './application-deps.ts';

/**
 * Publishes a form's draft: new applications start on it, the version before is retired (and
 * stays as it was for the applications already started on it). The form row is locked, so two
 * administrators publishing at once take turns; the draft must be the revision they looked at.
 */
export async function publishFormVersion(
  deps: FormDeps,
  ctx: ChangeContext,
  input: { formId: string; versionId: string; basedOnRevision: number },
): Promise<void> {
  await authorizeChange(deps, ctx, 'procedure_type.manage');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const form = await trx.selectFrom('application_form').select('id').where('id', '=', input.formId).forUpdate().executeTakeFirst();
    if (!form) throw new AppError('not_found', 'Dieses Formular gibt es nicht. / No such form.');
    const draft = await trx
      .selectFrom('application_form_version')
      .select(['id', 'revision', 'state'])
      .where('id', '=', input.versionId)
      .where('form_id', '=', form.id)
      .executeTakeFirst();
    if (draft?.state !== 'draft') throw new AppError('conflict', 'Diese Version ist kein Entwurf (mehr). / This version is no longer a draft.');
    if (draft.revision !== input.basedOnRevision)
      throw new AppError('conflict', 'Der Entwurf wurde inzwischen geändert. Bitte prüfen und erneut veröffentlichen. / The draft changed meanwhile.');
    await trx
      .updateTable('application_form_version')
      .set({ state: 'retired', updated_at: now })
      .where('form_id', '=', form.id)
      .where('state', '=', 'published')
      .execute();
    await trx.updateTable('application_form_version').set({ state: 'published', published_at: now, updated_at: now }).where('id', '=', draft.id).execute();
    await recordChange(trx, deps.clock, ctx, { action: 'admin.application_form.publish', target: { type: 'application_form_version', id: draft.id } });
  });
}
