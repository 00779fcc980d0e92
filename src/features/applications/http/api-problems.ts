import { AppError, isAppError } from '../../../shared/app-error.ts';
import { messagePattern, sourceLang, translate } from '../../../web/i18n.ts';

const hasText = (key: string) => messagePattern(sourceLang, key) !== undefined;

/** The portal's words for an applicant's problem (`details.problem`) in the reader's language; undefined where the portal has none. */
function portalText(lang: string, error: AppError): string | undefined {
  if (error.code === 'rate_limited') return `${translate(lang, 'portal.problem.limit.title')}. ${translate(lang, 'portal.problem.limit.text')}`;
  const problem = String(error.details?.problem ?? '');
  if (!/^[a-z_]+$/.test(problem)) return undefined;
  if (hasText(`apply.upload.${problem}`)) return translate(lang, `apply.upload.${problem}`, { max: Number(error.details?.max) || 0 });
  if (hasText(`apply.error.${problem}`)) return translate(lang, `apply.error.${problem}`);
  const page = `portal.problem.apply_${problem}`;
  if (hasText(`${page}.title`)) return `${translate(lang, `${page}.title`)}. ${translate(lang, `${page}.text`)}`;
  return undefined;
}

/**
 * Runs an operation of the applications API and answers its applicant's errors with the portal's
 * text in the reader's language as `detail` (the code, status and `problem` stay the same).
 * Errors the portal has no words for keep their German / English message.
 */
export async function inReadersLanguage<T>(lang: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isAppError(error)) throw error;
    const text = portalText(lang, error);
    if (text === undefined) throw error;
    throw new AppError(error.code, text, { details: error.details, fieldErrors: error.fieldErrors, cause: error });
  }
}
