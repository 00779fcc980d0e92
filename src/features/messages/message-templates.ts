import { createHash } from 'node:crypto';
import { AppError } from '../../shared/app-error.ts';
import { languages, sourceLang } from '../../web/i18n.ts';
import type { TranslationState } from '../office/index.ts';
import { authorize, recordAudit, type StaffActor } from '../staff/index.ts';
import type { MessageDeps } from './message-deps.ts';

type Deps = Pick<MessageDeps, 'db' | 'clock'>;

/** Digest of the German text; a translation remembers the digest it was made from (as service texts do). */
export function templateDigest(german: string): string {
  return createHash('sha256').update(german).digest('hex').slice(0, 32);
}

export function templateTextState(german: string | undefined, text: { source_digest: string | null } | undefined): TranslationState {
  if (!text) return 'missing';
  if (german === undefined) return 'current';
  return text.source_digest === templateDigest(german) ? 'current' : 'outdated';
}

export type TemplateView = { id: string; name: string; version: number; german: string; texts: Map<string, { body: string; state: TranslationState }> };

/** Every answer template with its German text and, per portal language, its translation's state. */
export async function listTemplates(db: Deps['db']): Promise<TemplateView[]> {
  const templates = await db.selectFrom('message_template').select(['id', 'name', 'version']).orderBy('name').execute();
  const texts = await db.selectFrom('message_template_text').select(['template_id', 'lang', 'body', 'source_digest']).execute();
  return templates.map((template) => {
    const own = texts.filter((t) => t.template_id === template.id);
    const german = own.find((t) => t.lang === sourceLang)?.body ?? '';
    const view = new Map<string, { body: string; state: TranslationState }>();
    for (const lang of languages) {
      const text = own.find((t) => t.lang === lang);
      view.set(lang, { body: text?.body ?? '', state: lang === sourceLang ? 'current' : templateTextState(german, text) });
    }
    return { ...template, german, texts: view };
  });
}

/** The template's text for an answer in the person's language, the German one where there is none yet. */
export async function templateText(db: Deps['db'], templateId: string, lang: string): Promise<string | undefined> {
  const rows = await db.selectFrom('message_template_text').select(['lang', 'body']).where('template_id', '=', templateId).execute();
  return (rows.find((r) => r.lang === lang) ?? rows.find((r) => r.lang === sourceLang))?.body;
}

const checkedBody = (body: string) => {
  const text = body.normalize('NFC').replace(/\r\n/g, '\n').trim();
  if (text.length === 0 || text.length > 3500)
    throw new AppError('validation_failed', 'Der Text muss 1 bis 3500 Zeichen lang sein. / The text must be 1 to 3500 characters long.', {
      fieldErrors: [{ path: 'body', message: 'length' }],
    });
  return text;
};

/**
 * Creates a template or changes its name and German text (administrators). A change names the
 * version it was based on: a save in between is a conflict, not a silent overwrite.
 */
export async function saveTemplate(deps: Deps, actor: StaffActor, input: { id?: string | undefined; name: string; body: string; basedOnVersion?: number }) {
  authorize(actor, 'office.manage');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200)
    throw new AppError('validation_failed', 'Der Name muss 1 bis 200 Zeichen lang sein. / The name must be 1 to 200 characters long.', {
      fieldErrors: [{ path: 'name', message: 'length' }],
    });
  const body = checkedBody(input.body);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    let id = input.id;
    if (id === undefined) {
      const row = await trx
        .insertInto('message_template')
        .values({ name, updated_at: now })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) throw new AppError('conflict', 'Eine Vorlage mit diesem Namen gibt es schon. / A template with this name exists.');
      id = row.id;
    } else {
      const row = await trx
        .updateTable('message_template')
        .set((eb) => ({ name, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', input.basedOnVersion ?? -1)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw new AppError('conflict', 'Die Vorlage wurde inzwischen geändert. / The template was changed meanwhile.');
    }
    await trx
      .insertInto('message_template_text')
      .values({ template_id: id, lang: sourceLang, body, source_digest: null, updated_at: now })
      .onConflict((oc) => oc.columns(['template_id', 'lang']).doUpdateSet({ body, updated_at: now }))
      .execute();
    await recordAudit(trx, deps.clock, { actor, action: 'message_template.save', target: { type: 'message_template', id } });
    return { id };
  });
}

/** A translation of a template, remembering which German text it was made from. */
export async function saveTemplateText(deps: Deps, actor: StaffActor, input: { templateId: string; lang: string; body: string }) {
  authorize(actor, 'office.manage');
  if (input.lang === sourceLang || !languages.includes(input.lang))
    throw new AppError('validation_failed', 'Diese Sprache gibt es im Portal nicht. / The portal has no such language.');
  const body = checkedBody(input.body);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const german = await trx
      .selectFrom('message_template_text')
      .select('body')
      .where('template_id', '=', input.templateId)
      .where('lang', '=', sourceLang)
      .forShare()
      .executeTakeFirst();
    if (!german) throw new AppError('not_found', 'Diese Vorlage gibt es nicht. / There is no such template.');
    const digest = templateDigest(german.body);
    await trx
      .insertInto('message_template_text')
      .values({ template_id: input.templateId, lang: input.lang, body, source_digest: digest, updated_at: now })
      .onConflict((oc) => oc.columns(['template_id', 'lang']).doUpdateSet({ body, source_digest: digest, updated_at: now }))
      .execute();
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'message_template.translate',
      target: { type: 'message_template', id: input.templateId },
      after: { lang: input.lang },
    });
  });
}
