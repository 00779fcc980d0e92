import type { Lang } from '../../web/i18n.ts';

/** A term in the reader's language with the German term beside it, as the office's letters use it. */
export function Term(props: { lang: Lang; name: string; german: string }) {
  if (props.lang === 'de' || props.name === props.german) return <>{props.name}</>;
  return (
    <>
      {props.name}{' '}
      <span class="term" lang="de" dir="ltr">
        ({props.german})
      </span>
    </>
  );
}
