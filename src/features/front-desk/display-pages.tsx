import { translate } from '../../web/i18n.ts';
import type { DisplayCall } from './display-texts.ts';
import { ScreenLayout } from './front-desk-ui.tsx';

/** The call display's page: numbers and counters, the call texts as the display layer made them. */
type ShownCall = { id: number; call: DisplayCall };

function CallTexts(props: { event: ShownCall }) {
  return (
    <>
      {props.event.call.texts.map((text) => (
        <p class="call-text" lang={text.lang} dir={text.dir}>
          {text.text}
        </p>
      ))}
    </>
  );
}

export function DisplayPage(props: { slug: string; name: string; recent: ShownCall[] }) {
  const t = (key: string) => translate('de', key);
  const latest = props.recent[props.recent.length - 1];
  const earlier = props.recent.slice(0, -1).reverse();
  return (
    <ScreenLayout
      lang="de"
      title={t('display.title')}
      bodyClass="display"
      script="display.js"
      data={{ events: `/display/${props.slug}/events`, after: String(latest?.id ?? 0) }}
    >
      <main class="display-main">
        <h1 class="visually-hidden">{`${t('display.title')} · ${props.name}`}</h1>
        <section class="display-current" aria-live="assertive" aria-atomic="true" aria-label={t('display.current')}>
          <div id="current" data-id={latest ? String(latest.id) : ''}>
            {latest ? (
              <>
                <p class="call-number ltr">
                  <span class="number">{latest.call.number}</span>{' '}
                  <span class="arrow" aria-hidden="true">
                    →
                  </span>{' '}
                  <span class="counter">{latest.call.counter}</span>
                </p>
                <CallTexts event={latest} />
              </>
            ) : (
              <p class="call-text">{t('display.waiting')}</p>
            )}
          </div>
        </section>
        <section class="display-recent" aria-label={t('display.recent')}>
          <h2>{t('display.recent')}</h2>
          <ol id="recent">
            {earlier.map((event) => (
              <li data-id={String(event.id)}>
                <span class="number ltr">{event.call.number}</span> <span class="counter">{event.call.counter}</span>
              </li>
            ))}
          </ol>
        </section>
        <p class="display-status" id="status" role="status"></p>
        <p class="display-sound js-only" id="sound-hint">
          {t('display.sound')}
        </p>
      </main>
    </ScreenLayout>
  );
}
