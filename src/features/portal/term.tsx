import { translate, type Lang } from '../../web/i18n.ts';

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

/** The first two facts of a time someone is about to ask for: the service (with its German term) and the place. */
export function ServiceAndPlaceFacts(props: { lang: Lang; service: { name: string; germanName: string }; location: { name: string; address: string } }) {
  return (
    <>
      <dt>{translate(props.lang, 'portal.appointment.service')}</dt>
      <dd>
        <Term lang={props.lang} name={props.service.name} german={props.service.germanName} />
      </dd>
      <dt>{translate(props.lang, 'portal.appointment.location')}</dt>
      <dd>
        {props.location.name}, {props.location.address}
      </dd>
    </>
  );
}
