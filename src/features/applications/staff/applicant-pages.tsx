import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatDate, formatDateTime } from '../../../web/format.ts';
import { formatPartialDate, say } from '../../case-files/index.ts';
import { ErrorList, StaffForm, StaffLayout } from '../../staff/index.ts';
import type { applicantBookingChoices } from '../book-for-applicant.ts';
import type { personMatchCandidates } from '../decide-person-match.ts';
import type { ApplicationForBooking } from '../inbox-store.ts';

const birthOf = (p: { birth_year: number | null; birth_month: number | null; birth_day: number | null }) =>
  formatPartialDate({ year: p.birth_year, month: p.birth_month, day: p.birth_day }) || '—';

function ApplicantFacts(props: { c: Context<AppEnv>; application: ApplicationForBooking }) {
  const s = say(props.c);
  const a = props.application;
  return (
    <dl class="facts">
      <dt>{s('Vorgangsnummer', 'Procedure number')}</dt>
      <dd>{a.number}</dd>
      <dt>{s('Verfahrensart', 'Procedure type')}</dt>
      <dd>{a.type_name}</dd>
      <dt>{s('Name', 'Name')}</dt>
      <dd>
        {a.family_name}, {a.given_names}
      </dd>
      <dt>{s('Geburtsdatum', 'Date of birth')}</dt>
      <dd>{birthOf(a)}</dd>
      <dt>{s('Standort', 'Location')}</dt>
      <dd>{a.location_name}</dd>
    </dl>
  );
}

/** The frame of the clerk's pages on one application: title, the refusal if any, the way back to the inbox. */
function ApplicantPage(props: { c: Context<AppEnv>; title: string; error: string | undefined; wide?: boolean; children: Child }) {
  const s = say(props.c);
  return (
    <StaffLayout c={props.c} title={props.title} wide={props.wide ?? false}>
      <p>
        <a href="/staff/applications">{s('Zurück zu den Anträgen', 'Back to the applications')}</a>
      </p>
      <h1>{props.title}</h1>
      <ErrorList messages={props.error ? [props.error] : []} />
      {props.children}
    </StaffLayout>
  );
}

/** Choosing a free time of the service for the applicant, a week at a time; works without JavaScript. */
export function BookForApplicantPage(props: { c: Context<AppEnv>; choices: Awaited<ReturnType<typeof applicantBookingChoices>>; error?: string }) {
  const { c, choices, error } = props;
  const { application, availability } = choices;
  const s = say(c);
  const base = `/staff/applications/${application.id}/appointment`;
  const days = availability?.days ?? [];
  const title = s('Termin für den Antrag buchen', 'Book an appointment for the application');
  return (
    <ApplicantPage c={c} title={title} error={error}>
      <ApplicantFacts c={c} application={application} />
      {choices.booked ? (
        <p class="notice" role="status">
          {s('Schon gebucht:', 'Booked already:')} {formatDateTime('de', choices.booked.starts_at, application.time_zone)} ({choices.booked.code})
        </p>
      ) : null}
      <form method="get" action={base} class="inline">
        <label for="booking-service">{s('Terminart', 'Service')}</label>{' '}
        <select id="booking-service" name="serviceId" required>
          <option value="">{s('bitte wählen', 'please choose')}</option>
          {choices.services.map((service) => (
            <option value={service.id} selected={service.id === choices.serviceId}>
              {service.name ?? service.slug}
            </option>
          ))}
        </select>{' '}
        <label for="booking-from">{s('ab', 'from')}</label> <input id="booking-from" type="date" name="from" value={choices.from} min={choices.today} />{' '}
        <button type="submit" class="button secondary">
          {s('Freie Zeiten zeigen', 'Show free times')}
        </button>
      </form>
      {choices.serviceId && availability ? (
        <>
          {days.every((d) => d.starts.length === 0) ? (
            <p>{s('In dieser Woche ist keine Zeit frei.', 'No free time in this week.')}</p>
          ) : (
            <StaffForm c={c} action={base} submitLabel={s('Termin buchen und bestätigen', 'Book and confirm the appointment')}>
              <input type="hidden" name="serviceId" value={choices.serviceId} />
              <div class="wide">
                {days
                  .filter((d) => d.starts.length > 0)
                  .map((day) => (
                    <fieldset>
                      <legend>{formatDate('de', new Date(`${day.date}T12:00:00Z`), 'UTC')}</legend>
                      {day.starts.map((start) => (
                        <label>
                          <input type="radio" name="start" value={start} required /> {start.slice(11, 16)}
                        </label>
                      ))}
                    </fieldset>
                  ))}
              </div>
            </StaffForm>
          )}
          <p>
            <a href={`${base}?serviceId=${choices.serviceId}&from=${choices.next}`}>{s('Nächste Woche', 'Next week')}</a>
          </p>
        </>
      ) : (
        <p>
          {s('Für diese Verfahrensart ist keine Terminart hinterlegt: bitte eine wählen.', 'No service is set for this procedure type: please choose one.')}
        </p>
      )}
    </ApplicantPage>
  );
}

/** The candidates of an uncertain person match beside the applicant, and the clerk's decision. */
export function PersonMatchPage(props: { c: Context<AppEnv>; match: Awaited<ReturnType<typeof personMatchCandidates>>; error?: string }) {
  const { c, match } = props;
  const s = say(c);
  const { application } = match;
  const title = s('Person prüfen', 'Check the person');
  const undecided = match.personMatch === 'uncertain';
  return (
    <ApplicantPage c={c} title={title} error={props.error} wide>
      <h2>{s('Angaben im Antrag', 'As given in the application')}</h2>
      <ApplicantFacts c={c} application={application} />
      {undecided ? null : (
        <p class="notice" role="status">
          {s('Die Person zu diesem Antrag ist schon festgelegt.', 'The person of this application was decided already.')}
        </p>
      )}
      <h2>{s('Ähnliche Personen in den Akten', 'Similar persons in the files')}</h2>
      {match.elsewhere > 0 ? (
        <p>
          {s(
            `${match.elsewhere} weitere ähnliche Person(en) mit Akte an einem anderen Standort (nicht angezeigt).`,
            `${match.elsewhere} more similar person(s) with a file at another location (not shown).`,
          )}
        </p>
      ) : null}
      <StaffForm c={c} action={`/staff/applications/${application.id}/match`} submitLabel={s('Entscheidung speichern', 'Save the decision')}>
        <fieldset class="wide">
          <legend>{s('Wer hat den Antrag gestellt?', 'Who applied?')}</legend>
          <table>
            <thead>
              <tr>
                <th scope="col">{s('Auswahl', 'Choice')}</th>
                <th scope="col">{s('Name', 'Name')}</th>
                <th scope="col">{s('Geburtsdatum', 'Date of birth')}</th>
                <th scope="col">{s('Aktenzeichen', 'File reference')}</th>
                <th scope="col">{s('Standort', 'Location')}</th>
              </tr>
            </thead>
            <tbody>
              {match.candidates.map((candidate) => (
                <tr>
                  <td>
                    <input type="radio" id={`candidate-${candidate.id}`} name="personId" value={candidate.id} required disabled={!undecided} />
                  </td>
                  <td>
                    <label for={`candidate-${candidate.id}`}>
                      {candidate.family_name}, {candidate.given_names}
                    </label>
                  </td>
                  <td>{birthOf(candidate)}</td>
                  <td>
                    <a href={`/staff/files/${candidate.file_id}`}>{candidate.reference}</a>
                  </td>
                  <td>{candidate.location_name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <label>
            <input type="radio" name="personId" value="new" required disabled={!undecided} />{' '}
            {s('Keine davon: neue Person (eigene Akte behalten)', 'None of them: a new person (keep the own file)')}
          </label>
        </fieldset>
      </StaffForm>
    </ApplicantPage>
  );
}
