import type { Database } from '../../src/db/database.ts';
import { infoPageDigest } from '../../src/features/office/info-page-status.ts';

const at = new Date('2026-11-20T09:00:00Z');

export const eatCardGerman = {
  title: 'Ihre eAT-Karte',
  summary: 'Was Sie über den elektronischen Aufenthaltstitel wissen sollten.',
  body: 'Der elektronische Aufenthaltstitel (eAT) ist eine Karte im Format einer Bankkarte.\n\nBitte bringen Sie mit:\n- Ihren Pass\n- ein biometrisches Foto',
};

/**
 * Information pages for portal tests: "eat-karte" published with German, a current Arabic, an outdated
 * English and a machine-translated, unapproved Ukrainian text (the other languages missing), linked to
 * the given service; "entwurf" unpublished.
 */
export async function addInfoPages(db: Database, options: { serviceId?: string } = {}) {
  const page = await db
    .insertInto('info_page')
    .values({ slug: 'eat-karte', position: 1, published: true, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const digest = infoPageDigest(eatCardGerman);
  const older = infoPageDigest({ ...eatCardGerman, body: 'Eine ältere Fassung.' });
  await db
    .insertInto('info_page_text')
    .values([
      { info_page_id: page.id, lang: 'de', ...eatCardGerman, source_digest: digest, updated_at: at },
      {
        info_page_id: page.id,
        lang: 'ar',
        title: 'بطاقة الإقامة الإلكترونية',
        summary: 'ما يجب أن تعرفه عن بطاقة الإقامة الإلكترونية.',
        body: 'بطاقة الإقامة الإلكترونية بحجم البطاقة المصرفية.\n\nأحضر معك:\n- جواز سفرك\n- صورة بيومترية',
        source_digest: digest,
        updated_at: at,
      },
      {
        info_page_id: page.id,
        lang: 'en',
        title: 'Your eAT card',
        summary: 'What to know about the electronic residence permit.',
        body: 'The eAT is a card the size of a bank card.',
        source_digest: older,
        updated_at: at,
      },
      {
        info_page_id: page.id,
        lang: 'uk',
        title: 'Ваша картка eAT',
        summary: 'Що варто знати про електронну посвідку на проживання.',
        body: 'Електронна посвідка на проживання (eAT) має формат банківської картки.',
        source_digest: digest,
        machine_translated: true,
        updated_at: at,
      },
    ])
    .execute();
  const draft = await db
    .insertInto('info_page')
    .values({ slug: 'entwurf', position: 2, published: false, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('info_page_text')
    .values({ info_page_id: draft.id, lang: 'de', title: 'Entwurf', summary: '', body: 'Noch nicht fertig.', source_digest: null, updated_at: at })
    .execute();
  if (options.serviceId) await db.insertInto('service_info_page').values({ service_id: options.serviceId, info_page_id: page.id }).execute();
  return { pageId: page.id, draftId: draft.id };
}
