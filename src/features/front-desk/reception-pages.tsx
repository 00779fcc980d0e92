import { isId } from '../../shared/id.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { isLanguage, languageName, languages } from '../../web/i18n.ts';
import { StaffLayout } from '../staff/index.ts';
import { permitFrontDeskAction, type StaffActor } from './actors.ts';
import { checkInWithCode, createWalkInTicket } from './check-in.ts';
import { markPriority } from './desk-actions.ts';
import { Csrf, FrontDeskHead, QueueTable } from './desk-pages.tsx';
import { dayFigures, appointmentShareGoal } from './figures.ts';
import type { FrontDeskDeps } from './front-desk-routes.tsx';
import { requireStaff } from './front-desk-gate.ts';
import { findLocationById, type LocationRow } from './front-desk-store.ts';
import { todaysAppointments, waitingQueues, type QueueSummary, type TodaysAppointment } from './queue-overview.ts';
import { queueStream } from './live-streams.ts';
import { dayLabel, durationLabel, statusLabel } from './staff-format.ts';
import { chooseLocation, locationChoices, LocationSwitch } from './staff-locations.tsx';

/** Reception ("Lotse" at the entrance) and the day's figures; German staff screens. */
const walkInForm = z.object({
  service: z.string().max(64),
  lang: z.string().max(10),
  priority: z.string().optional(),
  reason: z.enum(['disability', 'pregnancy', 'children', 'other']).optional(),
  surname: z.string().max(200).optional(),
  nationality: z.string().max(2).optional(),
});
const checkInForm = z.object({ code: z.string().max(400), nationality: z.string().max(2).optional() });
const priorityForm = z.object({ priority: z.enum(['on', 'off']), reason: z.enum(['disability', 'pregnancy', 'children', 'other']).optional() });
const reasonNames = { disability: 'Behinderung', pregnancy: 'Schwangerschaft', children: 'kleine Kinder', other: 'anderer Grund' };

export function receptionRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const context = async (c: Context<AppEnv>, screen: 'reception' | 'figures' = 'reception') => {
    const actor = await requireStaff(deps.gate, c);
    const choices = await locationChoices(deps.db, actor, screen);
    const location = await findLocationById(deps.db, chooseLocation(choices, c.req.query('location')).id);
    return { actor, location, choices };
  };

  const live = async (c: Context<AppEnv>, actor: StaffActor, location: LocationRow, search: string | undefined) => {
    const [queues, appointments] = await Promise.all([waitingQueues(deps, actor, location.id), todaysAppointments(deps, actor, location.id, search)]);
    if (appointments.length) await deps.audit.personDataOpened(c, { appointmentIds: appointments.map((a) => a.id), screen: 'reception: appointments today' });
    return { queues, appointments };
  };

  const render = async (c: Context<AppEnv>, notice?: { kind: 'ok' | 'error'; text: string }, status: 200 | 409 | 404 | 422 | 403 = 200) => {
    const { actor, location, choices } = await context(c);
    permitFrontDeskAction(actor, 'reception', location.id);
    const search = c.req.query('q');
    const data = await live(c, actor, location, search);
    const services = await deps.db
      .selectFrom('service')
      .innerJoin('service_location', 'service_location.service_id', 'service.id')
      .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'service.id').on('service_text.lang', '=', 'de'))
      .select(['service.id', 'service_text.name'])
      .where('service_location.location_id', '=', location.id)
      .where('service.active', '=', true)
      .orderBy('service.sort_order')
      .execute();
    const query = `location=${location.id}`;
    const csrf = deps.gate.csrfToken(c);
    return c.html(
      <StaffLayout c={c} title="Empfang" head={<FrontDeskHead />}>
        <h1>Empfang · {location.name}</h1>
        <LocationSwitch action="/reception" choices={choices} current={location.id} />
        {notice ? (
          <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        ) : null}
        <section class="stack">
          <h2>Einchecken mit Terminkennung</h2>
          <form method="post" action={`/reception/check-in?${query}`} class="inline">
            <Csrf token={csrf} />
            <label for="code">Terminkennung</label>
            <input id="code" name="code" maxlength={400} required autocomplete="off" class="ltr" />
            <label for="nat">Staatsangehörigkeit (optional, für die Zuordnung)</label>
            <input id="nat" name="nationality" maxlength={2} pattern="[A-Za-z]{2}" class="ltr short" />
            <button class="button" type="submit">
              Einchecken
            </button>
          </form>
        </section>
        <section class="stack">
          <h2>Wartemarke ohne Termin</h2>
          <form method="post" action={`/reception/walk-in?${query}`} class="stack">
            <Csrf token={csrf} />
            <label for="service">Anliegen</label>
            <select id="service" name="service" required>
              {services.map((s) => (
                <option value={s.id}>{s.name ?? s.id}</option>
              ))}
            </select>
            <label for="lang">Sprache der Person</label>
            <select id="lang" name="lang">
              {languages.map((lang) => (
                <option value={lang}>{languageName(lang)}</option>
              ))}
            </select>
            <label for="surname">Nachname (optional, nur für die Zuordnung nach Buchstaben)</label>
            <input id="surname" name="surname" maxlength={200} />
            <label for="nationality">Staatsangehörigkeit (optional, zwei Buchstaben)</label>
            <input id="nationality" name="nationality" maxlength={2} pattern="[A-Za-z]{2}" class="ltr short" />
            <label>
              <input type="checkbox" name="priority" /> Vorrang
            </label>
            <label for="reason">Grund</label>
            <select id="reason" name="reason">
              {Object.entries(reasonNames).map(([value, name]) => (
                <option value={value}>{name}</option>
              ))}
            </select>
            <button class="button" type="submit">
              Wartemarke ausgeben
            </button>
          </form>
        </section>
        <div id="live" data-live={`/reception/live?${query}${search ? `&q=${encodeURIComponent(search)}` : ''}`} data-events={`/front-desk/events?${query}`}>
          <ReceptionLive {...data} query={query} csrf={csrf} timeZone={location.time_zone} />
        </div>
        <form method="get" action="/reception" class="inline">
          <input type="hidden" name="location" value={location.id} />
          <label for="q">Termine suchen (Name oder Kennung)</label>
          <input id="q" name="q" maxlength={100} value={search ?? ''} />
          <button class="button secondary" type="submit">
            Suchen
          </button>
        </form>
      </StaffLayout>,
      status,
    );
  };

  const act = (path: string, action: (actor: StaffActor, c: Context, location: LocationRow) => Promise<string>) =>
    app.post(path, async (c) => {
      const { actor, location } = await context(c);
      try {
        return await render(c, { kind: 'ok', text: await action(actor, c, location) });
      } catch (error) {
        if (!isAppError(error) || !['conflict', 'not_found', 'forbidden', 'validation_failed'].includes(error.code)) throw error;
        const status = error.code === 'conflict' ? 409 : error.code === 'not_found' ? 404 : error.code === 'forbidden' ? 403 : 422;
        return render(c, { kind: 'error', text: error.message }, status);
      }
    });

  app.get('/reception', (c) => render(c));
  app.get('/reception/live', async (c) => {
    const { actor, location } = await context(c);
    return c.html(
      <ReceptionLive
        {...(await live(c, actor, location, c.req.query('q')))}
        query={`location=${location.id}`}
        csrf={deps.gate.csrfToken(c)}
        timeZone={location.time_zone}
      />,
    );
  });
  act('/reception/check-in', async (actor, c, location) => {
    const form = checkInForm.safeParse(await c.req.parseBody());
    if (!form.success) throw new AppError('validation_failed', 'Bitte eine Terminkennung eingeben.');
    const nationality = form.data.nationality?.trim().toUpperCase() || undefined;
    const ticket = await checkInWithCode(deps, actor, { locationId: location.id, code: form.data.code, routing: nationality ? { nationality } : {} });
    return `Eingecheckt: Wartenummer ${ticket.displayNumber}.`;
  });
  act('/reception/walk-in', async (actor, c, location) => {
    const form = walkInForm.safeParse(await c.req.parseBody());
    if (!form.success || !isId(form.data.service) || !isLanguage(form.data.lang)) throw new AppError('validation_failed', 'Bitte Anliegen und Sprache wählen.');
    const nationality = form.data.nationality?.trim().toUpperCase();
    if (nationality && !/^[A-Z]{2}$/.test(nationality)) throw new AppError('validation_failed', 'Staatsangehörigkeit bitte als zwei Buchstaben (z. B. UA).');
    const ticket = await createWalkInTicket(deps, actor, {
      locationId: location.id,
      serviceId: form.data.service,
      language: form.data.lang,
      priority: form.data.priority === 'on',
      priorityReason: form.data.reason,
      routing: { surname: form.data.surname?.trim() || null, nationality: nationality || null },
    });
    return `Wartemarke ${ticket.displayNumber} ausgegeben.`;
  });
  act('/reception/tickets/:id/priority', async (actor, c) => {
    const form = priorityForm.safeParse(await c.req.parseBody());
    if (!form.success) throw new AppError('validation_failed', 'Bitte Vorrang und Grund wählen.');
    await markPriority(deps, actor, { ticketId: c.req.param('id') ?? '', priority: form.data.priority === 'on', reason: form.data.reason });
    return form.data.priority === 'on' ? 'Vorrang vermerkt.' : 'Vorrang aufgehoben.';
  });

  app.get('/front-desk/events', async (c) => {
    const { actor, location } = await context(c, 'figures');
    permitFrontDeskAction(actor, 'figures', location.id);
    return queueStream(c, deps, location.id);
  });

  app.get('/figures', async (c) => {
    const { actor, location, choices } = await context(c, 'figures');
    const figures = await dayFigures(deps, actor, location.id);
    const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
    const minutes = (value: number | null) => (value === null ? '—' : durationLabel('de', value));
    return c.html(
      <StaffLayout c={c} title="Kennzahlen" head={<FrontDeskHead />}>
        <h1>Kennzahlen heute · {location.name}</h1>
        <LocationSwitch action="/figures" choices={choices} current={location.id} />
        <dl class="facts">
          <dt>Tag</dt>
          <dd data-testid="day">{dayLabel('de', figures.day)}</dd>
          <dt>Wartende jetzt</dt>
          <dd>
            {figures.waitingNow.length ? (
              <ul>
                {figures.waitingNow.map((q) => (
                  <li>{`${q.queue} (${q.prefix}): ${q.count}`}</li>
                ))}
              </ul>
            ) : (
              '0'
            )}
          </dd>
          <dt>Wartezeit bis Aufruf (Median)</dt>
          <dd data-testid="wait-median">{minutes(figures.waitMedianMinutes)}</dd>
          <dt>Wartezeit bis Aufruf (90 %)</dt>
          <dd>{minutes(figures.waitP90Minutes)}</dd>
          <dt>Vorsprachen mit Termin</dt>
          <dd>{figures.visitsWithAppointment}</dd>
          <dt>Vorsprachen ohne Termin</dt>
          <dd>{figures.visitsWithoutAppointment}</dd>
          <dt>Anteil mit Termin (Ziel {percent(appointmentShareGoal)})</dt>
          <dd data-testid="share">{percent(figures.appointmentShare)}</dd>
          <dt>Nicht erschienen</dt>
          <dd>{figures.noShows}</dd>
          <dt>Abgeschlossen</dt>
          <dd>{figures.finished}</dd>
        </dl>
      </StaffLayout>,
    );
  });

  return app;
}

function ReceptionLive(props: { queues: QueueSummary[]; appointments: TodaysAppointment[]; query: string; csrf: string; timeZone: string }) {
  const csrf = props.csrf;
  const time = (at: Date) => new Intl.DateTimeFormat('de-DE', { timeStyle: 'short', timeZone: props.timeZone }).format(at);
  const waiting = props.queues.flatMap((q) => q.waiting);
  return (
    <div>
      <section>
        <h2>Wer wartet wo</h2>
        <QueueTable queues={props.queues} />
        {waiting.length ? (
          <details>
            <summary>Vorrang vermerken</summary>
            {waiting.map((w) => (
              <form method="post" action={`/reception/tickets/${w.id}/priority?${props.query}`} class="inline">
                <Csrf token={csrf} />
                <span class="ltr">{w.number}</span>
                <input type="hidden" name="priority" value={w.priority ? 'off' : 'on'} />
                {w.priority ? null : (
                  <select name="reason" aria-label={`Grund für ${w.number}`}>
                    {Object.entries(reasonNames).map(([value, name]) => (
                      <option value={value}>{name}</option>
                    ))}
                  </select>
                )}
                <button class="button secondary" type="submit">
                  {w.priority ? 'Vorrang aufheben' : 'Vorrang'}
                </button>
              </form>
            ))}
          </details>
        ) : null}
      </section>
      <section>
        <h2>Termine heute</h2>
        <table class="queue">
          <thead>
            <tr>
              <th scope="col">Zeit</th>
              <th scope="col">Name</th>
              <th scope="col">Anliegen</th>
              <th scope="col">Status</th>
              <th scope="col">Nummer</th>
            </tr>
          </thead>
          <tbody>
            {props.appointments.map((a) => (
              <tr>
                <td>{time(a.startsAt)}</td>
                <td>{a.personName}</td>
                <td>{a.serviceName}</td>
                <td>{statusLabel('de', a.ticketStatus ?? a.status)}</td>
                <td class="ltr">
                  {a.ticketNumber ??
                    (a.status === 'booked' ? (
                      <form method="post" action={`/reception/check-in?${props.query}`}>
                        <Csrf token={csrf} />
                        <input type="hidden" name="code" value={a.code} />
                        <button class="button secondary" type="submit">
                          Einchecken
                        </button>
                      </form>
                    ) : (
                      '—'
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
