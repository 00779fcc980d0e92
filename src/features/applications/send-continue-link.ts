import { enqueueMail } from '../../platform/mail/index.ts';
import type { ApplicationDeps } from './application-deps.ts';
import { unknownApplication } from './application-errors.ts';
import { applicationByToken } from './application-store.ts';
import { translationOf, versionById } from './form-store.ts';
import { continueLaterMail } from './start-application.ts';

/** Sends the link to continue again (after "save and continue later"), when the applicant gave an address. */
export async function sendContinueLink(deps: Pick<ApplicationDeps, 'db' | 'jobs' | 'publicUrl'>, token: string): Promise<{ mailed: boolean }> {
  const application = await applicationByToken(deps.db, token);
  if (!application) throw unknownApplication();
  if (!application.email) return { mailed: false };
  const version = await versionById(deps.db, application.form_version_id);
  if (!version) throw unknownApplication();
  const title = (await translationOf(deps.db, version.id, application.lang))?.texts.title ?? version.texts.title ?? version.slug;
  await enqueueMail(
    deps.jobs,
    continueLaterMail(deps.publicUrl, {
      lang: application.lang,
      email: application.email,
      slug: version.slug,
      token,
      title,
    }),
  );
  return { mailed: true };
}
