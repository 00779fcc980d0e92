import type { LocationHours, Span, VisitorClosure } from '../office/index.ts';
import { translate, type Lang } from '../../web/i18n.ts';
import { formatDay, weekdayName } from '../../web/format.ts';
import { Term } from './term.tsx';

// First-strong isolates keep a time such as 12:00 whole inside right-to-left sentences.
const isolate = (text: string) => `\u2068${text}\u2069`;

function Spans(props: { lang: Lang; spans: Span[] }) {
  const weekdays = [...new Set(props.spans.map((s) => s.weekday))];
  return (
    <dl class="facts">
      {weekdays.map((weekday) => (
        <>
          <dt>{weekdayName(props.lang, weekday)}</dt>
          <dd>
            {props.spans
              .filter((s) => s.weekday === weekday)
              .map((s, index) => (
                <>
                  {index > 0 ? ', ' : null}
                  <bdi dir="ltr">
                    {s.from}–{s.until}
                  </bdi>
                </>
              ))}
          </dd>
        </>
      ))}
    </dl>
  );
}

function Closure(props: { lang: Lang; closure: VisitorClosure }) {
  const { lang, closure } = props;
  const t = (key: string, values?: Record<string, string>) => translate(lang, key, values);
  const when =
    closure.starts === null || (closure.starts === '00:00' && (closure.ends === null || closure.ends === '24:00'))
      ? t('portal.closures.all_day')
      : closure.ends === null || closure.ends === '24:00'
        ? t('portal.closures.from', { time: isolate(closure.starts) })
        : t('portal.closures.between', { from: isolate(closure.starts), until: isolate(closure.ends) });
  const holiday = closure.holiday;
  return (
    <li>
      <strong>{formatDay(lang, closure.date)}</strong>: {when}
      {holiday ? (
        <>
          {' '}
          (
          {holiday.key ? (
            <Term lang={lang} name={t(`portal.holiday.${holiday.key}`)} german={translate('de', `portal.holiday.${holiday.key}`)} />
          ) : (
            <Term lang={lang} name={t('portal.closures.holiday')} german={holiday.germanName} />
          )}
          )
        </>
      ) : null}
    </li>
  );
}

/**
 * A location's hours for visitors, all derived from data: walk-in hours as the office entered
 * them, appointment times from the clerks' hours, closures from holidays and the office's entries.
 */
export function OpeningHours(props: { lang: Lang; id: string; hours: LocationHours }) {
  const { lang, hours } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <>
      <h4 id={`${props.id}-walkin`}>{t('portal.hours.walkin')}</h4>
      {hours.walkIn.length === 0 ? <p>{t('portal.hours.walkin.none')}</p> : <Spans lang={lang} spans={hours.walkIn} />}
      <h4 id={`${props.id}-appointments`}>{t('portal.hours.appointments')}</h4>
      {hours.appointments.length === 0 ? (
        <p>{t('portal.hours.appointments.none')}</p>
      ) : (
        <>
          <p>{t('portal.hours.appointments.text')}</p>
          <Spans lang={lang} spans={hours.appointments} />
        </>
      )}
      {hours.closures.length > 0 ? (
        <>
          <h4 id={`${props.id}-closed`}>{t('portal.closures')}</h4>
          <ul class="closures">
            {hours.closures.map((closure) => (
              <Closure lang={lang} closure={closure} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
