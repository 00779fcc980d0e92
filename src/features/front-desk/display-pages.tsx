import type { AppEnv } from '../../platform/http/app-env.ts';
import { Hono } from 'hono';
import { translate } from '../../web/i18n.ts';
import { permitFrontDeskAction } from './actors.ts';
import { displayEventsSince, type DisplayEvent } from './display-events.ts';
import type { FrontDeskDeps } from './front-desk-routes.tsx';
import { requireDevice } from './front-desk-gate.ts';
import { findLocationById, findLocationBySlug } from './front-desk-store.ts';
import { ScreenLayout } from './kiosk-layout.tsx';
import { displayStream } from './live-streams.ts';

/**
 * The call display on a TV in the waiting room: ticket numbers and counters only, never names.
 * The page renders the latest calls; display.js then follows the event stream and resumes
 * from the last event id after any interruption.
 */
export function displayRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/display', async (c) => {
    const device = await requireDevice(deps.gate, c, 'display');
    return c.redirect(`/display/${(await findLocationById(deps.db, device.locationId)).slug}`, 303);
  });

  app.get('/display/:location', async (c) => {
    const location = await findLocationBySlug(deps.db, c.req.param('location'));
    permitFrontDeskAction(await requireDevice(deps.gate, c, 'display'), 'watch_display', location.id);
    const recent = await displayEventsSince(deps.db, location.id, null, 9);
    return c.html(<DisplayPage slug={location.slug} name={location.name} recent={recent} />);
  });

  app.get('/display/:location/events', async (c) => {
    const location = await findLocationBySlug(deps.db, c.req.param('location'));
    permitFrontDeskAction(await requireDevice(deps.gate, c, 'display'), 'watch_display', location.id);
    return displayStream(c, deps, location.id);
  });

  return app;
}

function CallTexts(props: { event: DisplayEvent }) {
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

function DisplayPage(props: { slug: string; name: string; recent: DisplayEvent[] }) {
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
