import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { ErrorList, StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import type { IdentityView } from '../identify-person.ts';
import type { linkCandidates } from '../link-visit.ts';
import { formatPartialDate } from '../partial-date.ts';
import { AccessTable, type PageProblem, VisitList } from './case-file-page.tsx';
import { PersonFields, type TypedForm } from './person-form.tsx';

/** Create a person with their file. */
export function NewFilePage(props: { c: Context<AppEnv>; locations: { id: string; name: string }[]; typed?: TypedForm; problem?: PageProblem }) {
  const { c } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.case_file.new_file.title')}>
      <h1>{t('staff.case_file.new_file.heading')}</h1>
      {props.problem ? (
        <div class="error-summary" role="alert">
          <p>{props.problem.message}</p>
          <ErrorList messages={(props.problem.fieldErrors ?? []).map((f) => `${f.path}: ${f.message}`)} />
        </div>
      ) : null}
      <StaffForm c={c} action="/staff/files" submitLabel={t('staff.case_file.new_file.create_file')}>
        <div>
          <label for="new-reference">{t('staff.case_file.new_file.file_reference')}</label>
          <input type="text" id="new-reference" name="reference" required maxlength={60} value={String(props.typed?.reference ?? '')} />
        </div>
        <div>
          <label for="new-location">{t('staff.case_file.new_file.location')}</label>
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
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.case_file.common.person')}>
      <h1>
        <bdi>{`${view.familyName}, ${view.givenNames}`}</bdi>
      </h1>
      <p>{t('staff.case_file.identity.limited_view')}</p>
      <h2>{t('staff.case_file.identity.appointments')}</h2>
      <VisitList c={c} appointments={view.appointments} timeZone={props.timeZone} />
    </StaffLayout>
  );
}

/** Link an appointment or ticket to a person: candidates by name and date of birth, the clerk confirms one. */
export function LinkVisitPage(props: { c: Context<AppEnv>; result: Awaited<ReturnType<typeof linkCandidates>>; problem?: string }) {
  const { c, result } = props;
  const t = staffT(c);
  const visitField = result.visit.kind === 'appointment' ? 'appointment' : 'ticket';
  return (
    <StaffLayout c={c} title={t('staff.case_file.link_visit.link_a_person')}>
      <h1>{t('staff.case_file.link_visit.link_a_person')}</h1>
      {props.problem ? (
        <p class="error-summary" role="alert">
          {props.problem}
        </p>
      ) : null}
      <p>
        {result.visit.kind === 'appointment' ? t('staff.case_file.link_visit.appointment') : t('staff.case_file.common.ticket')}:{' '}
        <bdi>{result.visit.name ?? t('staff.case_file.link_visit.no_name')}</bdi>
        {result.visit.dateOfBirth ? ` · ${result.visit.dateOfBirth}` : ''}
      </p>
      {result.visit.linkedPersonId ? <p role="status">{t('staff.case_file.link_visit.already_linked')}</p> : null}
      <form method="get" action="/staff/link" class="form-grid">
        <input type="hidden" name={visitField} value={result.visit.id} />
        <div>
          <label for="link-name">{t('staff.case_file.link_visit.name')}</label>
          <input type="text" id="link-name" name="name" value={result.name} maxlength={200} dir="auto" />
        </div>
        <div>
          <label for="link-dob">{t('staff.case_file.common.date_of_birth')}</label>
          <input type="text" id="link-dob" name="dob" value={result.dateOfBirth} maxlength={20} />
        </div>
        <div>
          <button type="submit" class="button secondary">
            {t('staff.case_file.link_visit.search')}
          </button>
        </div>
      </form>
      <h2>{t('staff.case_file.link_visit.possible_persons')}</h2>
      {result.candidates.length === 0 ? <p>{t('staff.case_file.link_visit.no_matching_person_found')}</p> : null}
      <ul>
        {result.candidates.map((p) => (
          <li>
            <StaffForm c={c} action="/staff/link" submitLabel={t('staff.case_file.link_visit.link_this_person')}>
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
  const t = staffT(props.c);
  return (
    <StaffLayout c={props.c} title={t('staff.case_file.access_log.access_to_the_file')}>
      <h1>{t('staff.case_file.access_log.access_to_the_file')}</h1>
      <AccessTable c={props.c} entries={props.entries} timeZone="Europe/Berlin" />
    </StaffLayout>
  );
}
