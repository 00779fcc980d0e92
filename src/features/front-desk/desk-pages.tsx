import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { translate } from '../../web/i18n.ts';
import { StaffLayout } from '../staff/index.ts';
import type { LocationRow } from './front-desk-store.ts';
import {
  Csrf,
  FrontDeskHead,
  Notice,
  QueueTable,
  type ScreenNotice,
  birthDateLabel,
  languageLabel,
  statusLabel,
  type StaffScreenLang,
} from './front-desk-ui.tsx';
import type { BookingData, DeskTicket, DeskView } from './queue-overview.ts';

/** The clerk's desk (staff screen, German or English): counter choice, the ticket at the counter, parked tickets, the queues. */
type Texts = (key: string, values?: Record<string, string | number>) => string;
const textsIn =
  (lang: StaffScreenLang): Texts =>
  (key, values) =>
    translate(lang, `staff.frontdesk.${key}`, values);

const euros = (cents: number, lang: StaffScreenLang) => (lang === 'de' ? (cents / 100).toFixed(2).replace('.', ',') : (cents / 100).toFixed(2));

export function DeskPage(props: {
  c: Context<AppEnv>;
  lang: StaffScreenLang;
  location: LocationRow;
  counter: { id: string; name: string };
  notice: ScreenNotice | undefined;
  view: DeskView;
  csrf: string;
}) {
  const { location, counter } = props;
  const t = textsIn(props.lang);
  const query = `location=${location.id}&counter=${counter.id}`;
  return (
    <StaffLayout c={props.c} title={t('desk.title')} head={<FrontDeskHead />}>
      <h1>{`${counter.name} · ${location.name}`}</h1>
      <p>
        <a href={`/desk?location=${location.id}&choose=1`}>{t('desk.other_counter')}</a>
      </p>
      <Notice notice={props.notice} />
      <div id="live" data-live={`/desk/live?${query}`} data-events={`/front-desk/events?location=${location.id}`}>
        <DeskLive lang={props.lang} view={props.view} query={query} csrf={props.csrf} />
      </div>
    </StaffLayout>
  );
}

export function CounterChoice(props: { c: Context<AppEnv>; lang: StaffScreenLang; location: LocationRow; counters: { id: string; name: string }[] }) {
  const t = textsIn(props.lang);
  return (
    <StaffLayout c={props.c} title={t('desk.choose')} head={<FrontDeskHead />}>
      <h1>
        {t('desk.choose')} · {props.location.name}
      </h1>
      <form method="get" action="/desk" class="stack">
        <input type="hidden" name="location" value={props.location.id} />
        <label for="counter">{t('desk.counter')}</label>
        <select id="counter" name="counter" required>
          {props.counters.map((counter) => (
            <option value={counter.id}>{counter.name}</option>
          ))}
        </select>
        <button class="button" type="submit">
          {t('desk.take_counter')}
        </button>
      </form>
    </StaffLayout>
  );
}

export function BookingDataPage(props: { c: Context<AppEnv>; lang: StaffScreenLang; location: LocationRow; booking: BookingData; back: string }) {
  const { booking, lang } = props;
  const t = textsIn(lang);
  const when = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: props.location.time_zone,
  }).format(booking.startsAt);
  return (
    <StaffLayout c={props.c} title={t('booking.title')} head={<FrontDeskHead />}>
      <h1>{t('booking.title')}</h1>
      <dl class="facts">
        <dt>{t('booking.name')}</dt>
        <dd>{booking.personName}</dd>
        <dt>{t('booking.born')}</dt>
        <dd>{birthDateLabel(lang, booking.dateOfBirth)}</dd>
        <dt>{t('booking.appointment')}</dt>
        <dd>{when}</dd>
        <dt>{t('booking.code')}</dt>
        <dd class="ltr">{booking.code}</dd>
        <dt>{t('booking.email')}</dt>
        <dd class="ltr">{booking.email}</dd>
        <dt>{t('booking.phone')}</dt>
        <dd class="ltr">{booking.phone ?? '—'}</dd>
        <dt>{t('language')}</dt>
        <dd>{languageLabel(lang, booking.language)}</dd>
      </dl>
      <p>
        <a class="button" href={props.back}>
          {t('booking.back')}
        </a>
      </p>
    </StaffLayout>
  );
}

function ActionButton(props: { action: string; csrf: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={props.action}>
      <Csrf token={props.csrf} />
      <button class={props.secondary ? 'button secondary' : 'button'} type="submit">
        {props.label}
      </button>
    </form>
  );
}

function TicketCard(props: { lang: StaffScreenLang; ticket: DeskTicket; query: string; csrf: string; specialties: { id: string; name: string }[] }) {
  const { ticket, query, lang } = props;
  const t = textsIn(lang);
  const post = (action: string) => `/desk/tickets/${ticket.id}/${action}?${query}`;
  return (
    <section class="desk-card" aria-labelledby={`t-${ticket.id}`}>
      <h2 id={`t-${ticket.id}`}>
        <span class="ltr" data-testid="desk-current">
          {ticket.number}
        </span>{' '}
        · {statusLabel(lang, ticket.status)}
        {ticket.recallCount > 0 ? ` · ${t('desk.recalled', { count: ticket.recallCount })}` : ''}
      </h2>
      <dl class="facts">
        <dt>{t('concern')}</dt>
        <dd>{ticket.serviceName}</dd>
        <dt>{t('desk.documents')}</dt>
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
        <dt>{t('desk.fee')}</dt>
        <dd>{ticket.feeCents === null ? '—' : `${euros(ticket.feeCents, lang)} €`}</dd>
        <dt>{t('language')}</dt>
        <dd>{languageLabel(lang, ticket.language)}</dd>
      </dl>
      {ticket.transferNotes.length ? (
        <div class="desk-notes">
          <h3>{t('desk.notes')}</h3>
          <ul>
            {ticket.transferNotes.map((note) => (
              <li>{`${note.from} → ${note.to}: ${note.note}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {ticket.withAppointment ? (
        <p>
          <a href={`/desk/tickets/${ticket.id}/booking?${query}`}>{t('desk.open_booking')}</a>
        </p>
      ) : null}
      <p>
        <a href={`/staff/tickets/${ticket.id}/file`}>{t('desk.open_file')}</a>
      </p>
      <div class="desk-actions">
        {ticket.status === 'called' ? (
          <>
            <ActionButton action={post('start')} csrf={props.csrf} label={t('desk.start')} />
            <ActionButton action={post('recall')} csrf={props.csrf} label={t('desk.recall')} secondary />
            <ActionButton action={post('no-show')} csrf={props.csrf} label={t('desk.no_show')} secondary />
          </>
        ) : null}
        {ticket.status === 'parked' ? (
          <ActionButton action={post('resume')} csrf={props.csrf} label={t('desk.resume')} />
        ) : (
          <ActionButton action={post('park')} csrf={props.csrf} label={t('desk.park')} secondary />
        )}
      </div>
      <details>
        <summary>{t('desk.transfer')}</summary>
        <form method="post" action={post('transfer')} class="stack">
          <Csrf token={props.csrf} />
          <label for={`to-${ticket.id}`}>{t('desk.transfer.to')}</label>
          <select id={`to-${ticket.id}`} name="to">
            {props.specialties.map((s) => (
              <option value={s.id}>{s.name}</option>
            ))}
          </select>
          <label for={`note-${ticket.id}`}>{t('desk.transfer.note')}</label>
          <textarea id={`note-${ticket.id}`} name="note" maxlength={2000} rows={3}></textarea>
          <label>
            <input type="checkbox" name="waits" checked /> {t('desk.transfer.waits')}
          </label>
          <button class="button" type="submit">
            {t('desk.transfer')}
          </button>
        </form>
      </details>
      {ticket.status !== 'parked' ? (
        <details open={ticket.status === 'in_service'}>
          <summary>{t('desk.finish')}</summary>
          {ticket.feeCents !== null ? (
            <p>
              <a class="button secondary" href={`/staff/payments/new?ticket=${ticket.id}&back=${encodeURIComponent(`/desk?${query}`)}`}>
                {t('desk.fee.take')}
              </a>
            </p>
          ) : null}
          <form method="post" action={post('finish')} class="stack">
            <Csrf token={props.csrf} />
            <fieldset>
              <legend>{t('desk.result')}</legend>
              <label>
                <input type="radio" name="result" value="done" checked /> {t('desk.result.done')}
              </label>
              <label>
                <input type="radio" name="result" value="documents_missing" /> {t('desk.result.documents_missing')}
              </label>
              <label>
                <input type="checkbox" name="followUp" /> {t('desk.result.follow_up')}
              </label>
            </fieldset>
            <button class="button" type="submit">
              {t('desk.finish')}
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

/** The part of the desk that is fetched anew whenever the queues change. */
export function DeskLive(props: { lang: StaffScreenLang; view: DeskView; query: string; csrf: string }) {
  const { view, lang } = props;
  const t = textsIn(lang);
  return (
    <div>
      {view.current ? (
        <TicketCard lang={lang} ticket={view.current} query={props.query} csrf={props.csrf} specialties={view.specialties} />
      ) : (
        <form method="post" action={`/desk/call-next?${props.query}`}>
          <Csrf token={props.csrf} />
          <button class="button big" type="submit" data-testid="call-next">
            {t('desk.call_next')}
          </button>
        </form>
      )}
      {view.parked.length ? (
        <section>
          <h2>{t('desk.parked')}</h2>
          {view.parked.map((ticket) => (
            <TicketCard lang={lang} ticket={ticket} query={props.query} csrf={props.csrf} specialties={view.specialties} />
          ))}
        </section>
      ) : null}
      <section>
        <h2>{t('desk.waiting')}</h2>
        <QueueTable lang={lang} queues={view.queues} />
      </section>
    </div>
  );
}
