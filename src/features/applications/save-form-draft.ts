import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { validateInput } from '../case-files/index.ts';
import { authorizeChange, recordChange, type ChangeContext } from '../staff/index.ts';
import type { FormDeps } from './application-deps.ts';
import { formDefinitionSchema, textKeys, type FormDefinition } from './form-definition.ts';
import { formTextsDigest, type FormTexts } from './form-texts.ts';

const textsSchema = z.record(z.string().regex(/^[a-z0-9_.]{1,200}$/), z.string().trim().min(1).max(4000));

const draftSchema = z.object({
  formId: z.uuid().optional(),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'slug: a-z, 0-9, -'),
  locationId: z.uuid(),
  procedureTypeId: z.uuid(),
  definition: z.unknown(),
  texts: z.unknown(),
  /** The draft's revision the administrator's page showed (absent for a new draft). */
  basedOnRevision: z.coerce.number().int().min(1).optional(),
});

/** The definition and its German texts, checked together: every key the definition names has a German text. */
export function checkedDraft(definitionInput: unknown, textsInput: unknown): { definition: FormDefinition; texts: FormTexts } {
  const definition = formDefinitionSchema.safeParse(definitionInput);
  if (!definition.success)
    throw new AppError('validation_failed', 'Die Formulardefinition ist ungültig. / The form definition is invalid.', {
      fieldErrors: definition.error.issues.map((issue) => ({ path: `definition.${issue.path.join('.')}`, message: issue.message })),
    });
  const texts = textsSchema.safeParse(textsInput);
  if (!texts.success)
    throw new AppError('validation_failed', 'Die Texte sind ungültig. / The texts are invalid.', {
      fieldErrors: texts.error.issues.map((issue) => ({ path: `texts.${issue.path.join('.')}`, message: issue.message })),
    });
  const missing = textKeys(definition.data).filter((key) => !texts.data[key]);
  if (missing.length)
    throw new AppError('validation_failed', `Es fehlen deutsche Texte: ${missing.join(', ')} / German texts missing.`, {
      fieldErrors: missing.map((key) => ({ path: `texts.${key}`, message: 'fehlt / missing' })),
    });
  return { definition: definition.data, texts: texts.data };
}

/**
 * Creates a form with its first draft, or saves the form's draft (creating the next version's draft
 * from the input when there is none). Published versions are never touched: the next applications
 * see the change only once the draft is published.
 */
export async function saveFormDraft(deps: FormDeps, ctx: ChangeContext, input: unknown): Promise<{ formId: string; versionId: string; revision: number }> {
  const request = validateInput(draftSchema, input);
  await authorizeChange(deps, ctx, 'procedure_type.manage');
  const { definition, texts } = checkedDraft(request.definition, request.texts);
  const now = deps.clock.now();
  const digest = formTextsDigest(texts);
  return deps.db
    .transaction()
    .execute(async (trx) => {
      let formId = request.formId;
      if (!formId) {
        const form = await trx
          .insertInto('application_form')
          .values({ slug: request.slug, location_id: request.locationId, procedure_type_id: request.procedureTypeId, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        formId = form.id;
      } else {
        const form = await trx
          .updateTable('application_form')
          .set({ slug: request.slug, location_id: request.locationId, procedure_type_id: request.procedureTypeId, updated_at: now })
          .where('id', '=', formId)
          .returning('id')
          .executeTakeFirst();
        if (!form) throw new AppError('not_found', 'Dieses Formular gibt es nicht. / No such form.');
      }
      const draft = await trx
        .selectFrom('application_form_version')
        .select(['id', 'revision'])
        .where('form_id', '=', formId)
        .where('state', '=', 'draft')
        .forUpdate()
        .executeTakeFirst();
      let saved: { id: string; revision: number };
      if (draft) {
        if (request.basedOnRevision !== draft.revision)
          throw new AppError('conflict', 'Jemand anderes hat den Entwurf inzwischen gespeichert. Bitte neu laden. / Someone else saved the draft meanwhile.');
        saved = await trx
          .updateTable('application_form_version')
          .set({ definition: JSON.stringify(definition), texts: JSON.stringify(texts), source_digest: digest, revision: draft.revision + 1, updated_at: now })
          .where('id', '=', draft.id)
          .returning(['id', 'revision'])
          .executeTakeFirstOrThrow();
      } else {
        const last = await trx
          .selectFrom('application_form_version')
          .select(({ fn }) => fn.max('number').as('number'))
          .where('form_id', '=', formId)
          .executeTakeFirst();
        saved = await trx
          .insertInto('application_form_version')
          .values({
            form_id: formId,
            number: (last?.number ?? 0) + 1,
            definition: JSON.stringify(definition),
            texts: JSON.stringify(texts),
            source_digest: digest,
            created_at: now,
            updated_at: now,
          })
          .returning(['id', 'revision'])
          .executeTakeFirstOrThrow();
        // The translations of the version before come along; where the German changed they show as outdated.
        const previous = await trx
          .selectFrom('application_form_version')
          .select('id')
          .where('form_id', '=', formId)
          .where('state', '=', 'published')
          .executeTakeFirst();
        if (previous)
          await trx
            .insertInto('application_form_text')
            .columns(['form_version_id', 'lang', 'texts', 'source_digest', 'updated_at'])
            .expression((eb) =>
              eb
                .selectFrom('application_form_text')
                .select([eb.val(saved.id).as('form_version_id'), 'lang', 'texts', 'source_digest', 'updated_at'])
                .where('form_version_id', '=', previous.id),
            )
            .execute();
      }
      await recordChange(trx, deps.clock, ctx, {
        action: 'admin.application_form.save_draft',
        target: { type: 'application_form_version', id: saved.id },
        after: { slug: request.slug, revision: saved.revision },
      });
      return { formId, versionId: saved.id, revision: saved.revision };
    })
    .catch((error: unknown) => {
      const code = (error as { code?: string; constraint?: string }).code;
      if (code === '23505' && (error as { constraint?: string }).constraint === 'application_form_slug_key')
        throw new AppError('conflict', `Die Adresse „${request.slug}“ ist schon vergeben. / This slug is taken.`);
      if (code === '23503') throw new AppError('validation_failed', 'Standort oder Verfahrensart gibt es nicht. / No such location or procedure type.');
      throw error;
    });
}
