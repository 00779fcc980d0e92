import { enqueueMail } from '../../platform/mail/index.ts';
import { isLanguage, sourceLang, translate } from '../../web/i18n.ts';
import type { ApplicationDeps } from './application-deps.ts';
import { applicationProblem } from './application-errors.ts';
import { newApplicationToken } from './application-store.ts';
import { publishedVersion, translationOf } from './form-store.ts';

const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,185}\.[^\s@]{2,}$/;

/**
 * Starts an application on the form's published version (it stays on that version, whatever is
 * published later). With an e-mail address, the link to continue later is sent at once, in the
 * applicant's language. The link's secret is returned once and stored only as its hash.
 */
export async function startApplication(
  deps: Pick<ApplicationDeps, 'db' | 'clock' | 'jobs' | 'publicUrl'>,
  input: { slug: string; lang: string; email?: string | undefined },
): Promise<{ id: string; token: string; formVersionId: string }> {
  const version = await publishedVersion(deps.db, input.slug);
  if (!version) throw applicationProblem('not_found', 'unknown_form', 'Dieses Antragsformular gibt es nicht. / There is no such form.');
  const lang = isLanguage(input.lang) ? input.lang : sourceLang;
  const email = input.email?.trim() || undefined;
  if (email !== undefined && !emailPattern.test(email))
    throw applicationProblem('validation_failed', 'email', 'Diese E-Mail-Adresse ist ungültig. / This e-mail address is invalid.');
  const { token, hash } = newApplicationToken();
  const now = deps.clock.now();
  const title = (await translationOf(deps.db, version.id, lang))?.texts.title ?? version.texts.title ?? version.slug;
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('application')
      .values({ form_version_id: version.id, lang, token_hash: hash, email: email ?? null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (email)
      await enqueueMail(deps.jobs, continueLaterMail(deps.publicUrl, { lang, email, slug: version.slug, token, title }), {
        trx,
      });
    return { id: row.id, token, formVersionId: version.id };
  });
}

export function continueUrl(publicUrl: string, lang: string, slug: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/${lang}/apply/${slug}/a/${token}`;
}

/** The e-mail with the link to continue the application later (the link is the only key to it). */
export function continueLaterMail(publicUrl: string, input: { lang: string; email: string; slug: string; token: string; title: string }) {
  const t = (key: string) => translate(input.lang, `apply.mail.${key}`, { form: input.title });
  return {
    to: input.email,
    language: input.lang,
    subject: t('subject'),
    text: [t('greeting'), '', t('body'), '', continueUrl(publicUrl, input.lang, input.slug, input.token), '', t('keep_secret')].join('\n'),
  };
}
