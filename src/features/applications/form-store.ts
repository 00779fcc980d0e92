import type { Database } from '../../db/database.ts';
import { formDefinitionSchema, type FormDefinition } from './form-definition.ts';
import type { FormTexts } from './form-texts.ts';

export type FormVersion = {
  id: string;
  formId: string;
  slug: string;
  number: number;
  state: string;
  definition: FormDefinition;
  texts: FormTexts;
  sourceDigest: string;
  revision: number;
  locationId: string;
  procedureTypeId: string;
};

const versionColumns = [
  'application_form_version.id',
  'application_form_version.form_id',
  'application_form_version.number',
  'application_form_version.state',
  'application_form_version.definition',
  'application_form_version.texts',
  'application_form_version.source_digest',
  'application_form_version.revision',
  'application_form.slug',
  'application_form.location_id',
  'application_form.procedure_type_id',
] as const;

function versionQuery(db: Database) {
  return db
    .selectFrom('application_form_version')
    .innerJoin('application_form', 'application_form.id', 'application_form_version.form_id')
    .select(versionColumns);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionQuery>['executeTakeFirstOrThrow']>>;

// Stored definitions were checked when saved; parsing again fills defaults and gives the types.
function toVersion(row: VersionRow): FormVersion {
  return {
    id: row.id,
    formId: row.form_id,
    slug: row.slug,
    number: row.number,
    state: row.state,
    definition: formDefinitionSchema.parse(row.definition),
    texts: row.texts as FormTexts,
    sourceDigest: row.source_digest,
    revision: row.revision,
    locationId: row.location_id,
    procedureTypeId: row.procedure_type_id,
  };
}

/** The version new applications of an active form start on. */
export async function publishedVersion(db: Database, slug: string): Promise<FormVersion | undefined> {
  const row = await versionQuery(db)
    .where('application_form.slug', '=', slug)
    .where('application_form.active', '=', true)
    .where('application_form_version.state', '=', 'published')
    .executeTakeFirst();
  return row && toVersion(row);
}

/** A version of an active or former form by its number, as applicants and API clients name it; drafts are no one's but the administrators'. */
export async function shownVersion(db: Database, slug: string, number: number): Promise<FormVersion | undefined> {
  const row = await versionQuery(db)
    .where('application_form.slug', '=', slug)
    .where('application_form_version.number', '=', number)
    .where('application_form_version.state', '!=', 'draft')
    .executeTakeFirst();
  return row && toVersion(row);
}

export async function versionById(db: Database, id: string): Promise<FormVersion | undefined> {
  const row = await versionQuery(db).where('application_form_version.id', '=', id).executeTakeFirst();
  return row && toVersion(row);
}

export async function versionsOfForm(db: Database, formId: string): Promise<FormVersion[]> {
  const rows = await versionQuery(db).where('application_form.id', '=', formId).orderBy('application_form_version.number', 'desc').execute();
  return rows.map(toVersion);
}

export async function translationOf(db: Database, versionId: string, lang: string) {
  const row = await db
    .selectFrom('application_form_text')
    .select(['texts', 'source_digest'])
    .where('form_version_id', '=', versionId)
    .where('lang', '=', lang)
    .executeTakeFirst();
  return row && { texts: row.texts as FormTexts, source_digest: row.source_digest };
}

export async function translationsOf(db: Database, versionId: string) {
  const rows = await db
    .selectFrom('application_form_text')
    .select(['lang', 'texts', 'source_digest', 'updated_at'])
    .where('form_version_id', '=', versionId)
    .execute();
  return new Map(rows.map((row) => [row.lang, { texts: row.texts as FormTexts, source_digest: row.source_digest, updatedAt: row.updated_at }]));
}

/** The forms with their published version's number (for the admin list and the portal's list). */
export async function listForms(db: Database) {
  return db
    .selectFrom('application_form')
    .leftJoin('application_form_version as published', (join) =>
      join.onRef('published.form_id', '=', 'application_form.id').on('published.state', '=', 'published'),
    )
    .leftJoin('application_form_version as draft', (join) => join.onRef('draft.form_id', '=', 'application_form.id').on('draft.state', '=', 'draft'))
    .select([
      'application_form.id',
      'application_form.slug',
      'application_form.active',
      'application_form.location_id',
      'application_form.procedure_type_id',
      'published.id as published_id',
      'published.number as published_number',
      'published.texts as published_texts',
      'draft.id as draft_id',
      'draft.number as draft_number',
    ])
    .orderBy('application_form.slug')
    .execute();
}

/** What a new form may point to: the locations and the active procedure types. */
export async function formChoices(db: Database) {
  const [locations, types] = await Promise.all([
    db.selectFrom('location').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('procedure_type').select(['id', 'name_de']).where('active', '=', true).orderBy('name_de').execute(),
  ]);
  return { locations, types };
}

export async function formById(db: Database, id: string) {
  return db.selectFrom('application_form').select(['id', 'slug', 'location_id', 'procedure_type_id', 'active']).where('id', '=', id).executeTakeFirst();
}
