import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { ErrorList, StaffForm, StaffLayout } from '../../staff/index.ts';
import type { IdentityView } from '../identify-person.ts';
import type { linkCandidates } from '../link-visit.ts';
import { formatPartialDate } from '../partial-date.ts';
import { AccessTable, type PageProblem, VisitList } from './case-file-page.tsx';
import { PersonFields, type TypedForm } from './person-form.tsx';
import { say } from './staff-texts.ts';

/** Create a person with their file. */
export function NewFilePage(props: { c: Context<AppEnv>; locations: { id: string; name: string }[]; typed?: TypedForm; problem?: PageProblem }) {
  const { c } = props;
  const s = say(c);
  return (
    <StaffLayout c={c} title={s('Neue Akte', 'New file')}>
      <h1>{s('Neue Person mit Akte', 'New person with a file')}</h1>
      {props.problem ? (
        <div class="error-summary" role="alert">
          <p>{props.problem.message}</p>
          <ErrorList messages={(props.problem.fieldErrors ?? []).map((f) => `${f.path}: ${f.message}`)} />
        </div>
      ) : null}
      <StaffForm c={c} action="/staff/files" submitLabel={s('Akte anlegen', 'Create file')}>
        <div>
          <label for="new-reference">{s('Aktenzeichen', 'File reference')}</label>
          <input type="text" id="new-reference" name="reference" required maxlength={60} value={String(props.typed?.reference ?? '')} />
        </div>
        <div>
          <label for="new-location">{s('Standort', 'Location')}</label>
          <select id="new-location" name="locationId">
            {props.locations.map((l) => (
              <option value={l.id} selected={l.id === props.typed?.locationId}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <PersonFields c={c} person={undefined} typed={props.typed} idPrefix="new" />
      </StaffForm>
    </StaffLayout>
  );
}

/** Reception's view of a file: the name and the appointments, nothing of the file's content. */
export function IdentityPage(props: { c: Context<AppEnv>; view: IdentityView; timeZone: string }) {
  const { c, view } = props;
  const s = say(c);
  return (
    <StaffLayout c={c} title={s('Person', 'Person')}>
      <h1>
        <bdi>{`${view.familyName}, ${view.givenNames}`}</bdi>
      </h1>
      <p>{s('Sie sehen nur den Namen und die Termine dieser Person.', "You see only this person's name and appointments.")}</p>
      <h2>{s('Termine', 'Appointments')}</h2>
      <VisitList c={c} appointments={view.appointments} timeZone={props.timeZone} />
    </StaffLayout>
  );
}

/** Link an appointment or ticket to a person: candidates by name and date of birth, the clerk confirms one. */
export function LinkVisitPage(props: { c: Context<AppEnv>; result: Awaited<ReturnType<typeof linkCandidates>>; problem?: string }) {
  const { c, result } = props;
  const s = say(c);
  const visitField = result.visit.kind === 'appointment' ? 'appointment' : 'ticket';
  return (
    <StaffLayout c={c} title={s('Person zuordnen', 'Link a person')}>
      <h1>{s('Person zuordnen', 'Link a person')}</h1>
      {props.problem ? (
        <p class="error-summary" role="alert">
          {props.problem}
        </p>
      ) : null}
      <p>
        {result.visit.kind === 'appointment' ? s('Termin', 'Appointment') : s('Wartenummer', 'Ticket')}:{' '}
        <bdi>{result.visit.name ?? s('ohne Namen', 'no name')}</bdi>
        {result.visit.dateOfBirth ? ` · ${result.visit.dateOfBirth}` : ''}
      </p>
      {result.visit.linkedPersonId ? <p role="status">{s('Schon zugeordnet.', 'Already linked.')}</p> : null}
      <form method="get" action="/staff/link" class="form-grid">
        <input type="hidden" name={visitField} value={result.visit.id} />
        <div>
          <label for="link-name">{s('Name', 'Name')}</label>
          <input type="text" id="link-name" name="name" value={result.name} maxlength={200} dir="auto" />
        </div>
        <div>
          <label for="link-dob">{s('Geburtsdatum', 'Date of birth')}</label>
          <input type="text" id="link-dob" name="dob" value={result.dateOfBirth} maxlength={20} />
        </div>
        <div>
          <button type="submit" class="button secondary">
            {s('Suchen', 'Search')}
          </button>
        </div>
      </form>
      <h2>{s('Mögliche Personen', 'Possible persons')}</h2>
      {result.candidates.length === 0 ? <p>{s('Keine passende Person gefunden.', 'No matching person found.')}</p> : null}
      <ul>
        {result.candidates.map((p) => (
          <li>
            <StaffForm c={c} action="/staff/link" submitLabel={s('Diese Person zuordnen', 'Link this person')}>
              <input type="hidden" name={visitField} value={result.visit.id} />
              <input type="hidden" name="personId" value={p.person_id} />
              <p>
                <bdi>{`${p.family_name}, ${p.given_names}`}</bdi> · {formatPartialDate({ year: p.birth_year, month: p.birth_month, day: p.birth_day })}
              </p>
            </StaffForm>
          </li>
        ))}
      </ul>
    </StaffLayout>
  );
}

/** Who opened or changed a file (admin, audit.read), without the file's content. */
export function AccessLogPage(props: { c: Context<AppEnv>; entries: Parameters<typeof AccessTable>[0]['entries'] }) {
  const s = say(props.c);
  return (
    <StaffLayout c={props.c} title={s('Zugriffe auf die Akte', 'Access to the file')}>
      <h1>{s('Zugriffe auf die Akte', 'Access to the file')}</h1>
      <AccessTable c={props.c} entries={props.entries} timeZone="Europe/Berlin" />
    </StaffLayout>
  );
}
