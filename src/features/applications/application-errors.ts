import { AppError } from '../../shared/app-error.ts';

/**
 * Errors an applicant may meet. The message is German/English for the API; `details.problem` names
 * the portal text (`apply.problem.<problem>`) that pages show in the reader's language.
 */
export function applicationProblem(
  code: 'not_found' | 'conflict' | 'validation_failed' | 'payload_too_large' | 'gone',
  problem: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return new AppError(code, message, { details: { problem, ...extra } });
}

export const unknownApplication = () =>
  applicationProblem('not_found', 'unknown', 'Diesen Antrag gibt es nicht (der Link ist unvollständig?). / There is no such application.');

export const alreadySubmitted = () =>
  applicationProblem(
    'conflict',
    'submitted',
    'Dieser Antrag ist schon eingereicht und kann nicht mehr geändert werden. / This application was already submitted.',
  );
