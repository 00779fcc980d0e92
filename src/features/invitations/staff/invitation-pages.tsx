import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatDateTime } from '../../../web/format.ts';
import { languageName } from '../../../web/i18n.ts';
import { CsrfField, DataTable, StaffForm, StaffLayout, staffLang, staffT } from '../../staff/index.ts';
import type { TitleImportReport } from '../import-titles.ts';
import type { RunListItem, RunReview } from '../staff-invitations.ts';

/** Why a person was left out of a run, by the run's reason code. */
const reasons: Record<string, string> = {
  no_service_for_kind: 'staff.invitations.not_invited_reason.no_service_for_kind',
  not_offered_at_location: 'staff.invitations.not_invited_reason.not_offered_at_location',
  no_capacity: 'staff.invitations.not_invited_reason.no_capacity',
  no_birth_date: 'staff.invitations.not_invited_reason.no_birth_date',
  has_appointment: 'staff.invitations.not_invited_reason.has_appointment',
};

/** What came of an import: the report (and the file's encoding when uploaded), or why the file was refused with what was pasted. */
export type ImportOutcome = { imported: TitleImportReport; encoding?: string | undefined } | { problem: string; pasted: string };

export function RunsPage(props: { c: Context<AppEnv>; runs: (RunListItem & { reminderLetters: number })[]; outcome?: ImportOutcome | undefined }) {
  const { c } = props;
  const t = staffT(c);
  const when = (d: Date) => formatDateTime(staffLang(c), d, 'Europe/Berlin');
  return (
    <StaffLayout c={c} title={t('staff.invitations.common.invitations')} wide>
      <h1>{t('staff.invitations.common.invitations')}</h1>
      <p>{t('staff.invitations.runs.intro')}</p>
      <StaffForm c={c} action="/staff/invitations/runs" submitLabel={t('staff.invitations.runs.start_a_run_now')} />
      <h2>{t('staff.invitations.runs.import_titles')}</h2>
      <ImportResult c={c} outcome={props.outcome} />
      <form method="post" action="/staff/invitations/import" enctype="multipart/form-data" class="form-grid">
        <CsrfField c={c} />
        <p id="titles-columns">{t('staff.invitations.runs.csv_columns')}</p>
        <div>
          <label for="titles-file">{t('staff.invitations.runs.csv_file')}</label>
          <input type="file" id="titles-file" name="file" accept=".csv,.txt,text/csv,text/plain" aria-describedby="titles-columns" />
        </div>
        <div>
          <label for="titles-csv">{t('staff.invitations.runs.csv_paste')}</label>
          <textarea id="titles-csv" name="csv" rows={8} aria-describedby="titles-columns">
            {props.outcome && 'pasted' in props.outcome ? props.outcome.pasted : ''}
          </textarea>
        </div>
        <div>
          <button type="submit" class="button">
            {t('staff.invitations.runs.import')}
          </button>
        </div>
      </form>
      <h2>{t('staff.invitations.runs.runs')}</h2>
      {props.runs.length === 0 ? (
        <p>{t('staff.invitations.runs.no_runs_yet')}</p>
      ) : (
        <DataTable
          caption={t('staff.invitations.runs.runs')}
          head={[
            t('staff.invitations.runs.started'),
            t('staff.invitations.runs.trigger'),
            t('staff.invitations.common.invited'),
            t('staff.invitations.common.not_invited'),
            t('staff.invitations.runs.letters'),
            t('staff.invitations.runs.reminder_letters_to_print'),
          ]}
          rows={props.runs.map((run) => [
            <a href={`/staff/invitations/runs/${run.id}`}>{when(run.startedAt)}</a>,
            run.trigger === 'daily' ? t('staff.invitations.runs.daily') : t('staff.invitations.runs.by_staff'),
            run.invited,
            run.notInvited,
            run.lettersReleasedAt ? t('staff.invitations.runs.released_at', { at: when(run.lettersReleasedAt) }) : t('staff.invitations.runs.for_review'),
            run.reminderLetters > 0 ? (
              <a href={`/staff/invitations/runs/${run.id}/reminders.pdf`}>
                {run.reminderLetters} <span class="visually-hidden">{t('staff.invitations.runs.print_reminders')}</span>
              </a>
            ) : (
              0
            ),
          ])}
        />
      )}
    </StaffLayout>
  );
}

/** A run for review: by service and week, who was not invited and why, each invitation; release, print, re-send. */
export function RunPage({ c, review, notice }: { c: Context<AppEnv>; review: RunReview; notice?: string | undefined }) {
  const { run } = review;
  const [t, lang] = [staffT(c), staffLang(c)];
  return (
    <StaffLayout c={c} title={t('staff.invitations.run.invitation_run')} wide>
      <h1>
        {t('staff.invitations.run.invitation_run')} · {formatDateTime(lang, run.startedAt, 'Europe/Berlin')}
      </h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        {t('staff.invitations.common.invited')}: {run.invited} · {t('staff.invitations.common.not_invited')}: {run.notInvited}
      </p>
      {run.lettersReleasedAt ? (
        <p class="actions">
          <a class="button" href={`/staff/invitations/runs/${run.id}/letters.pdf`}>
            {t('staff.invitations.run.print_letters')}
          </a>
          {review.reminderLetters > 0 ? (
            <>
              {' '}
              <a class="button" href={`/staff/invitations/runs/${run.id}/reminders.pdf`}>
                {t('staff.invitations.run.print_reminders', { reminderLetters: String(review.reminderLetters) })}
              </a>
            </>
          ) : null}
        </p>
      ) : (
        <StaffForm c={c} action={`/staff/invitations/runs/${run.id}/release`} submitLabel={t('staff.invitations.run.release')} />
      )}
      <h2>{t('staff.invitations.run.by_service_and_week')}</h2>
      <DataTable
        caption={t('staff.invitations.run.by_service_and_week_caption')}
        head={[t('staff.invitations.run.service'), t('staff.invitations.run.week'), t('staff.invitations.common.invitations')]}
        rows={review.byServiceAndWeek.map((row) => [row.service, row.week, row.count])}
      />
      <h2>{t('staff.invitations.common.not_invited')}</h2>
      {review.notInvited.length === 0 ? (
        <p>{t('staff.invitations.run.everyone_was_invited')}</p>
      ) : (
        <DataTable
          caption={t('staff.invitations.run.not_invited')}
          head={[t('staff.invitations.run.name'), t('staff.invitations.run.file_reference'), t('staff.invitations.run.reason')]}
          rows={review.notInvited.map((row) => [row.name, row.fileReference ?? '—', reasonText(t, row.reason)])}
        />
      )}
      <h2>{t('staff.invitations.common.invitations')}</h2>
      <DataTable
        caption={t('staff.invitations.run.invitations_of_this_run')}
        head={[
          t('staff.invitations.run.name'),
          t('staff.invitations.run.service'),
          t('staff.invitations.run.appointment'),
          t('staff.invitations.run.language'),
          t('staff.invitations.run.delivery'),
          t('staff.invitations.run.status'),
          t('staff.invitations.run.re_send'),
        ]}
        rows={review.invitations.map((row) => [
          row.name,
          row.service,
          formatDateTime(lang, row.startsAt, row.timeZone),
          languageName(row.language),
          <>
            {row.letterToFile ? <strong>{t('staff.invitations.run.letter_to_file')}</strong> : t('staff.invitations.run.letter')}
            {row.email ? ` + ${t('staff.invitations.run.e_mail')}` : ''}
            {row.reminderLetter ? `; ${t('staff.invitations.run.reminder_by_letter')}` : ''}
          </>,
          statusText(t, row.status),
          run.lettersReleasedAt && (row.status === 'reserved' || row.status === 'booked') ? (
            <StaffForm c={c} action={`/staff/invitations/${row.id}/resend`} submitLabel={t('staff.invitations.run.letter_e_mail')} />
          ) : (
            '—'
          ),
        ])}
      />
    </StaffLayout>
  );
}

function reasonText(t: (key: string) => string, reason: string): string {
  const key = reasons[reason];
  return key ? t(key) : reason;
}

function statusText(t: (key: string) => string, status: string): string {
  if (status === 'reserved') return t('staff.invitations.status.reserved_unconfirmed');
  if (status === 'booked') return t('staff.invitations.status.confirmed');
  if (status === 'cancelled') return t('staff.invitations.status.cancelled_or_released');
  return status;
}

function ImportResult({ c, outcome }: { c: Context<AppEnv>; outcome: ImportOutcome | undefined }) {
  const t = staffT(c);
  if (!outcome) return null;
  if ('problem' in outcome)
    return (
      <div class="error-summary" role="alert">
        <p>
          {t('staff.invitations.import.nothing_imported')}: {outcome.problem}
        </p>
      </div>
    );
  const { imported } = outcome;
  return (
    <div class="notice" role="status">
      <p>
        {t('staff.invitations.import.summary', {
          created: String(imported.created),
          updated: String(imported.updated),
          unchanged: String(imported.unchanged),
          errors: String(imported.errors.length),
        })}
        {outcome.encoding ? ` · ${t('staff.invitations.import.read_as', { encoding: outcome.encoding })}` : ''}
      </p>
      <ul>
        {imported.errors.slice(0, 200).map((e) => (
          <li>{t('staff.invitations.import.line_error', { line: String(e.line), message: e.message })}</li>
        ))}
      </ul>
    </div>
  );
}
