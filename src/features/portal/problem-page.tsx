import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { translate, type Lang } from '../../web/i18n.ts';
import { PortalLayout } from './portal-layout.tsx';

/**
 * A friendly page for anything that went wrong: what happened, what to do, where to go.
 * `problem` names the texts `portal.problem.<problem>.title` and `.text`.
 */
type ProblemProps = { lang: Lang; problem: string; actions: { href: string; label: string }[]; path: string };

/** A problem page in the reader's language as the response, with its status. */
export function problemPage(c: Context, status: ContentfulStatusCode, props: ProblemProps) {
  c.status(status);
  return c.html(<ProblemPage {...props} />);
}

export function ProblemPage(props: ProblemProps) {
  const title = translate(props.lang, `portal.problem.${props.problem}.title`);
  return (
    <PortalLayout lang={props.lang} title={title} path={props.path}>
      <div role="alert">
        <h1>{title}</h1>
        <p>{translate(props.lang, `portal.problem.${props.problem}.text`)}</p>
      </div>
      <ProblemActions actions={props.actions} />
    </PortalLayout>
  );
}

/** Where to go on: the first link as the main button, the others beside it. */
export function ProblemActions(props: { actions: { href: string; label: string }[] }) {
  return (
    <p class="actions">
      {props.actions.map((action, index) => (
        <a class={index === 0 ? 'button' : 'button secondary'} href={action.href}>
          {action.label}
        </a>
      ))}
    </p>
  );
}
