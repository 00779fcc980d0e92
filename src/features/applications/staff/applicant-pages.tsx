import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatDate, formatDateTime } from '../../../web/format.ts';
import { formatPartialDate } from '../../case-files/index.ts';
import { ErrorList, StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import type { applicantBookingChoices } from '../book-for-applicant.ts';
import type { personMatchCandidates } from '../decide-person-match.ts';
import type { ApplicationForBooking } from '../inbox-store.ts';

const birthOf = (p: { birth_year: number | null; birth_month: number | null; birth_day: number | null }) =>
  formatPartialDate({ year: p.birth_year, month: p.birth_month, day: p.birth_day }) || '—';

function ApplicantFacts(props: { c: Context<AppEnv>; application: ApplicationForBooking }) {
  const t = staffT(props.c);
  const a = props.application;
  return (
    <dl class="facts">
      <dt>{t('staff.applications.common.procedure_number')}</dt>
      <dd>{a.number}</dd>
      <dt>{t('staff.applications.common.procedure_type')}</dt>
      <dd>{a.type_name}</dd>
      <dt>{t('staff.applications.common.name')}</dt>
      <dd>
        {a.family_name}, {a.given_names}
      </dd>
      <dt>{t('staff.applications.common.date_of_birth')}</dt>
      <dd>{birthOf(a)}</dd>
      <dt>{t('staff.applications.common.location')}</dt>
      <dd>{a.location_name}</dd>
    </dl>
  );
}

/** The frame of the clerk's pages on one application: title, the refusal if any, the way back to the inbox. */
function ApplicantPage(props: { c: Context<AppEnv>; title: string; error: string | undefined; wide?: boolean; children: Child }) {
  const t = staffT(props.c);
  return (
    <StaffLayout c={props.c} title={props.title} wide={props.wide ?? false}>
      <p>
        <a href="/staff/applications">{t('staff.applications.applicant.back_to_the_applications')}</a>
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
  const t = staffT(c);
  const base = `/staff/applications/${application.id}/appointment`;
  const days = availability?.days ?? [];
  const title = t('staff.applications.booking.title');
  return (
    <ApplicantPage c={c} title={title} error={error}>
      <ApplicantFacts c={c} application={application} />
      {choices.booked ? (
        <p class="notice" role="status">
          {t('staff.applications.booking.booked_already', {
            at: formatDateTime('de', choices.booked.starts_at, application.time_zone),
            code: choices.booked.code,
          })}
        </p>
      ) : null}
      <form method="get" action={base} class="inline">
        <label for="booking-service">{t('staff.applications.booking.service')}</label>{' '}
        <select id="booking-service" name="serviceId" required>
          <option value="">{t('staff.applications.booking.please_choose')}</option>
          {choices.services.map((service) => (
            <option value={service.id} selected={service.id === choices.serviceId}>
              {service.name ?? service.slug}
            </option>
          ))}
        </select>{' '}
        <label for="booking-from">{t('staff.applications.booking.from')}</label>{' '}
        <input id="booking-from" type="date" name="from" value={choices.from} min={choices.today} />{' '}
        <button type="submit" class="button secondary">
          {t('staff.applications.booking.show_free_times')}
        </button>
      </form>
      {choices.serviceId && availability ? (
        <>
          {days.every((d) => d.starts.length === 0) ? (
            <p>{t('staff.applications.booking.no_free_time')}</p>
          ) : (
            <StaffForm c={c} action={base} submitLabel={t('staff.applications.booking.book_and_confirm')}>
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
            <a href={`${base}?serviceId=${choices.serviceId}&from=${choices.next}`}>{t('staff.applications.booking.next_week')}</a>
          </p>
        </>
      ) : (
        <p>{t('staff.applications.booking.no_service_for_type')}</p>
      )}
    </ApplicantPage>
  );
}

/** The candidates of an uncertain person match beside the applicant, and the clerk's decision. */
export function PersonMatchPage(props: { c: Context<AppEnv>; match: Awaited<ReturnType<typeof personMatchCandidates>>; error?: string }) {
  const { c, match } = props;
  const t = staffT(c);
  const { application } = match;
  const title = t('staff.applications.person_match.check_the_person');
  const undecided = match.personMatch === 'uncertain';
  return (
    <ApplicantPage c={c} title={title} error={props.error} wide>
      <h2>{t('staff.applications.person_match.as_applied')}</h2>
      <ApplicantFacts c={c} application={application} />
      {undecided ? null : (
        <p class="notice" role="status">
          {t('staff.applications.person_match.decided_already')}
        </p>
      )}
      <h2>{t('staff.applications.person_match.similar_persons')}</h2>
      {match.elsewhere > 0 ? <p>{t('staff.applications.person_match.similar_elsewhere', { elsewhere: String(match.elsewhere) })}</p> : null}
      <StaffForm c={c} action={`/staff/applications/${application.id}/match`} submitLabel={t('staff.applications.person_match.save_the_decision')}>
        <fieldset class="wide">
          <legend>{t('staff.applications.person_match.who_applied')}</legend>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('staff.applications.person_match.choice')}</th>
                <th scope="col">{t('staff.applications.common.name')}</th>
                <th scope="col">{t('staff.applications.common.date_of_birth')}</th>
                <th scope="col">{t('staff.applications.person_match.file_reference')}</th>
                <th scope="col">{t('staff.applications.common.location')}</th>
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
            <input type="radio" name="personId" value="new" required disabled={!undecided} /> {t('staff.applications.person_match.new_person')}
          </label>
        </fieldset>
      </StaffForm>
    </ApplicantPage>
  );
}
