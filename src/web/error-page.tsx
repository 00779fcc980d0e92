import type { AppErrorCode, FieldError } from '../shared/app-error.ts';
import { translate, type Lang } from './i18n.ts';
import { Layout } from './layout.tsx';

const pageKind: Record<AppErrorCode, string> = {
  bad_request: 'bad_request',
  invalid_json: 'bad_request',
  validation_failed: 'bad_request',
  payload_too_large: 'bad_request',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'not_found',
  gone: 'not_found',
  precondition_failed: 'conflict',
  precondition_required: 'bad_request',
  conflict: 'conflict',
  slot_taken: 'conflict',
  duplicate_booking: 'conflict',
  rate_limited: 'rate_limited',
  unavailable: 'unavailable',
  internal: 'internal',
};

/** The friendly page for any error on a page (not API) request, in the reader's language. */
export function ErrorPage(props: { lang: Lang; code: AppErrorCode; requestId: string | undefined; fieldErrors?: FieldError[] | undefined }) {
  const kind = pageKind[props.code];
  const title = translate(props.lang, `error.${kind}.title`);
  return (
    <Layout lang={props.lang} title={title}>
      <h1>{title}</h1>
      <p>{translate(props.lang, `error.${kind}.text`)}</p>
      {props.fieldErrors?.length ? (
        <ul class="error-summary" role="alert">
          {props.fieldErrors.map((fieldError) => (
            <li>
              <span class="ltr">{fieldError.path}</span>: {fieldError.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a class="button" href="/">
          {translate(props.lang, 'error.home')}
        </a>
      </p>
      {props.requestId ? (
        <p class="muted">
          {translate(props.lang, 'error.reference')} <span class="ltr">{props.requestId}</span>
        </p>
      ) : null}
    </Layout>
  );
}
