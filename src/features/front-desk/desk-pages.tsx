import { isId } from '../../shared/id.ts';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { assetUrl } from '../../web/assets.ts';
import { StaffLayout } from '../staff/index.ts';
import type { StaffActor } from './actors.ts';
import { callNextTicket } from './call-next.ts';
import { finishTicket, markNoShow, parkTicket, recallTicket, resumeTicket, startService, transferTicket } from './desk-actions.ts';
import type { FrontDeskDeps } from './front-desk-routes.tsx';
import { requireStaff } from './front-desk-gate.ts';
import { findLocationById, type LocationRow } from './front-desk-store.ts';
import { bookingOfTicket, deskTickets, waitingQueues, type DeskTicket, type QueueSummary } from './queue-overview.ts';
import { birthDateLabel, languageLabel, statusLabel, waitedLabel } from './staff-format.ts';

/** The clerk's desk (German staff screen): choose a counter, call, serve, hand over, finish. */
export function staffLocationId(actor: StaffActor, requested: string | undefined): string {
  if (requested && isId(requested)) {
    if (!actor.locationIds.includes(requested)) throw new AppError('forbidden', 'You do not work at this location.');
    return requested;
  }
  const first = actor.locationIds[0];
  if (!first) throw new AppError('forbidden', 'You are not assigned to any location.');
  return first;
}

const finishForm = z.object({
  result: z.enum(['done', 'documents_missing']),
  followUp: z.string().optional(),
  feeEuros: z.string().max(12).optional(),
  feeMethod: z.enum(['', 'card', 'cash', 'exempt']).optional(),
});
const transferForm = z.object({ to: z.string().max(64), note: z.string().max(2000).default(''), waits: z.string().optional() });

/** The counter a clerk took, remembered in the browser, so the menu's "/desk" leads back to it. */
const deskCookie = 'lotse_desk';

function rememberedDesk(c: Context, actor: StaffActor): { locationId: string; counterId: string } | undefined {
  const [locationId, counterId] = (getCookie(c, deskCookie) ?? '').split('.');
  if (!locationId || !counterId || !isId(locationId) || !isId(counterId) || !actor.locationIds.includes(locationId)) return undefined;
  return { locationId, counterId };
}

export function deskRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const context = async (c: Context<AppEnv>) => {
    const actor = await requireStaff(deps.gate, c);
    const remembered = c.req.query('choose') ? undefined : rememberedDesk(c, actor);
    const locationId = staffLocationId(actor, c.req.query('location') ?? remembered?.locationId);
    let counterId = c.req.query('counter') || (remembered?.locationId === locationId ? remembered.counterId : undefined);
    // A ticket in progress stays on screen: its counter is where the clerk is.
    if (!counterId && !c.req.query('choose')) counterId = (await counterInUse(deps, actor, locationId)) ?? undefined;
    return { actor, location: await findLocationById(deps.db, locationId), counterId: counterId && isId(counterId) ? counterId : undefined };
  };

  const render = async (
    c: Context<AppEnv>,
    notice?: { kind: 'error' | 'ok'; text: string; link?: { href: string; text: string } },
    status: 200 | 409 | 404 | 422 | 403 = 200,
  ) => {
    const { actor, location, counterId } = await context(c);
    const counters = await deps.db
      .selectFrom('counter')
      .select(['id', 'name'])
      .where('location_id', '=', location.id)
      .where('active', '=', true)
      .orderBy('name')
      .execute();
    if (!counterId || !counters.some((counter) => counter.id === counterId)) {
      return c.html(<CounterChoice c={c} location={location} counters={counters} />, status);
    }
    const live = await liveData(deps, actor, location.id);
    const specialties = await deps.db.selectFrom('specialty').select(['id', 'name']).orderBy('sort_order').execute();
    setCookie(c, deskCookie, `${location.id}.${counterId}`, {
      path: '/desk',
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.publicUrl.startsWith('https://'),
      maxAge: 30 * 86_400,
    });
    return c.html(
      <StaffLayout c={c} title="Platz" head={<FrontDeskHead />}>
        <h1>{`${counters.find((x) => x.id === counterId)?.name ?? ''} · ${location.name}`}</h1>
        <p>
          <a href={`/desk?location=${location.id}&choose=1`}>Anderen Platz wählen</a>
        </p>
        {notice ? (
          <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
            {notice.link ? (
              <>
                {' '}
                <a href={notice.link.href}>{notice.link.text}</a>
              </>
            ) : null}
          </p>
        ) : null}
        <div id="live" data-live={`/desk/live?location=${location.id}&counter=${counterId}`} data-events={`/front-desk/events?location=${location.id}`}>
          <DeskLive {...live} query={`location=${location.id}&counter=${counterId}`} csrf={deps.gate.csrfToken(c)} specialties={specialties} />
        </div>
      </StaffLayout>,
      status,
    );
  };

  app.get('/desk', (c) => render(c));

  app.get('/desk/live', async (c) => {
    const { actor, location, counterId } = await context(c);
    const specialties = await deps.db.selectFrom('specialty').select(['id', 'name']).orderBy('sort_order').execute();
    return c.html(
      <DeskLive
        {...(await liveData(deps, actor, location.id))}
        query={`location=${location.id}&counter=${counterId ?? ''}`}
        csrf={deps.gate.csrfToken(c)}
        specialties={specialties}
      />,
    );
  });

  type Outcome = string | { text: string; link: { href: string; text: string } } | undefined;
  const act = (path: string, action: (actor: StaffActor, c: Context, locationId: string, counterId: string) => Promise<Outcome>) =>
    app.post(path, async (c) => {
      const { actor, location, counterId } = await context(c);
      try {
        const outcome = await action(actor, c, location.id, counterId ?? '');
        if (typeof outcome === 'string') return render(c, { kind: 'ok', text: outcome });
        if (outcome) return render(c, { kind: 'ok', ...outcome });
        return c.redirect(`/desk?location=${location.id}&counter=${counterId ?? ''}`, 303);
      } catch (error) {
        if (!isAppError(error) || !['conflict', 'not_found', 'forbidden', 'validation_failed'].includes(error.code)) throw error;
        const status = error.code === 'conflict' ? 409 : error.code === 'not_found' ? 404 : error.code === 'forbidden' ? 403 : 422;
        return render(c, { kind: 'error', text: error.message }, status);
      }
    });

  act('/desk/call-next', async (actor, _c, locationId, counterId) => {
    const called = await callNextTicket(deps, actor, { locationId, counterId });
    return called ? undefined : 'Niemand wartet in Ihren Warteschlangen.';
  });
  act('/desk/tickets/:id/recall', async (actor, c) => void (await recallTicket(deps, actor, c.req.param('id') ?? '')));
  act('/desk/tickets/:id/start', async (actor, c) => void (await startService(deps, actor, c.req.param('id') ?? '')));
  act('/desk/tickets/:id/no-show', async (actor, c) => void (await markNoShow(deps, actor, c.req.param('id') ?? '')));
  act('/desk/tickets/:id/park', async (actor, c) => void (await parkTicket(deps, actor, c.req.param('id') ?? '')));
  act('/desk/tickets/:id/resume', async (actor, c, _l, counterId) => void (await resumeTicket(deps, actor, { ticketId: c.req.param('id') ?? '', counterId })));
  act('/desk/tickets/:id/transfer', async (actor, c) => {
    const form = transferForm.safeParse(await c.req.parseBody());
    if (!form.success) throw new AppError('validation_failed', 'Bitte Ziel und Notiz prüfen.');
    await transferTicket(deps, actor, {
      ticketId: c.req.param('id') ?? '',
      toSpecialtyId: form.data.to,
      note: form.data.note,
      visitorWaits: form.data.waits === 'on',
    });
    return undefined;
  });
  act('/desk/tickets/:id/finish', async (actor, c) => {
    const form = finishForm.safeParse(await c.req.parseBody());
    if (!form.success) throw new AppError('validation_failed', 'Bitte das Ergebnis wählen.');
    const method = form.data.feeMethod || undefined;
    const euros = form.data.feeEuros?.trim().replace(',', '.') ?? '';
    if (method && method !== 'exempt' && !/^\d{1,6}(\.\d{1,2})?$/.test(euros))
      throw new AppError('validation_failed', 'Bitte den gezahlten Betrag in Euro angeben, z. B. 96,00.');
    const fee = method ? { method, paidCents: method === 'exempt' ? 0 : Math.round(Number(euros) * 100) } : undefined;
    await finishTicket(deps, actor, {
      ticketId: c.req.param('id') ?? '',
      outcome: { result: form.data.result, followUpWanted: form.data.followUp === 'on', fee },
    });
    if (form.data.result !== 'documents_missing' || form.data.followUp !== 'on') return undefined;
    // The follow-up is booked with the appointment engine through the clerk's own calendar.
    return {
      text: 'Abgeschlossen: Unterlagen fehlen, Folgetermin gewünscht.',
      link: { href: '/staff/calendar/book', text: 'Folgetermin im eigenen Kalender buchen' },
    };
  });

  // Opening the booking data is a read of personal data: audited before anything is shown.
  app.get('/desk/tickets/:id/booking', async (c) => {
    const { actor, location, counterId } = await context(c);
    const id = c.req.param('id');
    const booking = isId(id) ? await bookingOfTicket(deps, actor, id) : null;
    if (!booking) throw new AppError('not_found', 'No booking data for this ticket.');
    await deps.audit.personDataOpened(c, { appointmentIds: [booking.appointmentId], screen: 'desk: booking data' });
    const when = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: location.time_zone }).format(booking.startsAt);
    return c.html(
      <StaffLayout c={c} title="Buchungsdaten" head={<FrontDeskHead />}>
        <h1>Buchungsdaten</h1>
        <dl class="facts">
          <dt>Name</dt>
          <dd>{booking.personName}</dd>
          <dt>Geburtsdatum</dt>
          <dd>{birthDateLabel('de', booking.dateOfBirth)}</dd>
          <dt>Termin</dt>
          <dd>{when}</dd>
          <dt>Terminkennung</dt>
          <dd class="ltr">{booking.code}</dd>
          <dt>E-Mail</dt>
          <dd class="ltr">{booking.email}</dd>
          <dt>Telefon</dt>
          <dd class="ltr">{booking.phone ?? '—'}</dd>
          <dt>Sprache</dt>
          <dd>{languageLabel('de', booking.language)}</dd>
        </dl>
        <p>
          <a class="button" href={`/desk?location=${location.id}&counter=${counterId ?? ''}`}>
            Zurück zum Platz
          </a>
        </p>
      </StaffLayout>,
    );
  });

  return app;
}

async function counterInUse(deps: FrontDeskDeps, actor: StaffActor, locationId: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom('ticket')
    .select('counter_id')
    .where('staff_id', '=', actor.staffId)
    .where('location_id', '=', locationId)
    .where('status', 'in', ['called', 'in_service'])
    .executeTakeFirst();
  return row?.counter_id ?? null;
}

async function liveData(deps: FrontDeskDeps, actor: StaffActor, locationId: string) {
  const [own, queues] = await Promise.all([deskTickets(deps, actor, locationId), waitingQueues(deps, actor, locationId)]);
  return { ...own, queues: queues.filter((q) => actor.specialtyIds.includes(q.specialtyId)) };
}

/** The session's CSRF token, required by the staff feature on every state-changing form. */
export function Csrf(props: { token: string }) {
  return props.token ? <input type="hidden" name="_csrf" value={props.token} /> : null;
}

export function FrontDeskHead() {
  return (
    <>
      <link rel="stylesheet" href={assetUrl('front-desk.css')} />
      <script src={assetUrl('staff-live.js')} defer></script>
    </>
  );
}

function CounterChoice(props: { c: Context<AppEnv>; location: LocationRow; counters: { id: string; name: string }[] }) {
  const c = props.c;
  return (
    <StaffLayout c={c} title="Platz wählen" head={<FrontDeskHead />}>
      <h1>Platz wählen · {props.location.name}</h1>
      <form method="get" action="/desk" class="stack">
        <input type="hidden" name="location" value={props.location.id} />
        <label for="counter">Schalter</label>
        <select id="counter" name="counter" required>
          {props.counters.map((counter) => (
            <option value={counter.id}>{counter.name}</option>
          ))}
        </select>
        <button class="button" type="submit">
          Platz einnehmen
        </button>
      </form>
    </StaffLayout>
  );
}

function TicketCard(props: { ticket: DeskTicket; query: string; csrf: string; specialties: { id: string; name: string }[] }) {
  const { ticket, query } = props;
  const post = (action: string) => `/desk/tickets/${ticket.id}/${action}?${query}`;
  return (
    <section class="desk-card" aria-labelledby={`t-${ticket.id}`}>
      <h2 id={`t-${ticket.id}`}>
        <span class="ltr" data-testid="desk-current">
          {ticket.number}
        </span>{' '}
        · {statusLabel('de', ticket.status)}
        {ticket.recallCount > 0 ? ` · ${ticket.recallCount}× erneut aufgerufen` : ''}
      </h2>
      <dl class="facts">
        <dt>Anliegen</dt>
        <dd>{ticket.serviceName}</dd>
        <dt>Mitbringliste</dt>
        <dd>
          {ticket.requiredDocuments.length ? (
            <ul>
              {ticket.requiredDocuments.map((doc) => (
                <li>{doc}</li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
        <dt>Gebühr</dt>
        <dd>{ticket.feeCents === null ? '—' : `${(ticket.feeCents / 100).toFixed(2).replace('.', ',')} €`}</dd>
        <dt>Sprache</dt>
        <dd>{languageLabel('de', ticket.language)}</dd>
      </dl>
      {ticket.transferNotes.length ? (
        <div class="desk-notes">
          <h3>Notizen aus früheren Übergaben</h3>
          <ul>
            {ticket.transferNotes.map((note) => (
              <li>{`${note.from} → ${note.to}: ${note.note}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {ticket.withAppointment ? (
        <p>
          <a href={`/desk/tickets/${ticket.id}/booking?${query}`}>Buchungsdaten öffnen (wird protokolliert)</a>
        </p>
      ) : null}
      <div class="desk-actions">
        {ticket.status === 'called' ? (
          <>
            <form method="post" action={post('start')}>
              <Csrf token={props.csrf} />
              <button class="button" type="submit">
                Vorsprache beginnt
              </button>
            </form>
            <form method="post" action={post('recall')}>
              <Csrf token={props.csrf} />
              <button class="button secondary" type="submit">
                Erneut aufrufen
              </button>
            </form>
            <form method="post" action={post('no-show')}>
              <Csrf token={props.csrf} />
              <button class="button secondary" type="submit">
                Nicht erschienen
              </button>
            </form>
          </>
        ) : null}
        {ticket.status === 'parked' ? (
          <form method="post" action={post('resume')}>
            <Csrf token={props.csrf} />
            <button class="button" type="submit">
              Zurückholen
            </button>
          </form>
        ) : (
          <form method="post" action={post('park')}>
            <Csrf token={props.csrf} />
            <button class="button secondary" type="submit">
              Parken
            </button>
          </form>
        )}
      </div>
      <details>
        <summary>Weitergeben</summary>
        <form method="post" action={post('transfer')} class="stack">
          <Csrf token={props.csrf} />
          <label for={`to-${ticket.id}`}>An Warteschlange</label>
          <select id={`to-${ticket.id}`} name="to">
            {props.specialties.map((s) => (
              <option value={s.id}>{s.name}</option>
            ))}
          </select>
          <label for={`note-${ticket.id}`}>Notiz für die nächste Stelle</label>
          <textarea id={`note-${ticket.id}`} name="note" maxlength={2000} rows={3}></textarea>
          <label>
            <input type="checkbox" name="waits" checked /> Person wartet dort (sonst nur Vorgang abgeben)
          </label>
          <button class="button" type="submit">
            Weitergeben
          </button>
        </form>
      </details>
      {ticket.status !== 'parked' ? (
        <details open={ticket.status === 'in_service'}>
          <summary>Abschließen</summary>
          <form method="post" action={post('finish')} class="stack">
            <Csrf token={props.csrf} />
            <fieldset>
              <legend>Ergebnis</legend>
              <label>
                <input type="radio" name="result" value="done" checked /> Erledigt
              </label>
              <label>
                <input type="radio" name="result" value="documents_missing" /> Unterlagen fehlen
              </label>
              <label>
                <input type="checkbox" name="followUp" /> Folgetermin anbieten
              </label>
            </fieldset>
            <fieldset>
              <legend>Gebühr</legend>
              <label for={`fee-${ticket.id}`}>Gezahlt (Euro)</label>
              <input
                id={`fee-${ticket.id}`}
                name="feeEuros"
                inputmode="decimal"
                maxlength={12}
                value={ticket.feeCents === null ? '' : (ticket.feeCents / 100).toFixed(2).replace('.', ',')}
              />
              <label for={`method-${ticket.id}`}>Zahlart</label>
              <select id={`method-${ticket.id}`} name="feeMethod">
                <option value="">keine Gebühr</option>
                <option value="card">Karte</option>
                <option value="cash">bar</option>
                <option value="exempt">befreit</option>
              </select>
            </fieldset>
            <button class="button" type="submit">
              Abschließen
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

export function QueueTable(props: { queues: QueueSummary[] }) {
  if (props.queues.every((q) => q.waiting.length === 0)) return <p class="muted">Niemand wartet.</p>;
  return (
    <>
      {props.queues.map((queue) => (
        <table class="queue">
          <caption>{`${queue.name} (${queue.prefix}): ${queue.waiting.length} wartend, längste Wartezeit ${waitedLabel('de', queue.longestWaitMinutes)}`}</caption>
          <thead>
            <tr>
              <th scope="col">Nummer</th>
              <th scope="col">Wartet seit</th>
              <th scope="col">Art</th>
              <th scope="col">Anliegen</th>
            </tr>
          </thead>
          <tbody>
            {queue.waiting.map((w) => (
              <tr>
                <td class="ltr">
                  {w.number}
                  {w.priority ? ' ★' : ''}
                </td>
                <td>{waitedLabel('de', w.waitingMinutes)}</td>
                <td>
                  {w.withAppointment ? 'Termin' : 'ohne Termin'}
                  {w.priority ? ` · Vorrang (${w.priorityReason ?? ''})` : ''}
                </td>
                <td>{w.serviceName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

function DeskLive(props: {
  current: DeskTicket | null;
  parked: DeskTicket[];
  queues: QueueSummary[];
  query: string;
  csrf: string;
  specialties: { id: string; name: string }[];
}) {
  return (
    <div>
      {props.current ? (
        <TicketCard ticket={props.current} query={props.query} csrf={props.csrf} specialties={props.specialties} />
      ) : (
        <form method="post" action={`/desk/call-next?${props.query}`}>
          <Csrf token={props.csrf} />
          <button class="button big" type="submit" data-testid="call-next">
            Nächste Person aufrufen
          </button>
        </form>
      )}
      {props.parked.length ? (
        <section>
          <h2>Geparkt</h2>
          {props.parked.map((ticket) => (
            <TicketCard ticket={ticket} query={props.query} csrf={props.csrf} specialties={props.specialties} />
          ))}
        </section>
      ) : null}
      <section>
        <h2>Wartende in Ihren Warteschlangen</h2>
        <QueueTable queues={props.queues} />
      </section>
    </div>
  );
}
