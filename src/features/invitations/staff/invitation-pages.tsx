import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatDateTime } from '../../../web/format.ts';
import { languageName } from '../../../web/i18n.ts';
import { CsrfField, DataTable, StaffForm, StaffLayout, staffLang } from '../../staff/index.ts';
import type { TitleImportReport } from '../import-titles.ts';
import type { RunListItem, RunReview } from '../staff-invitations.ts';

/** Staff pages are German, with English for staff who chose it (texts side by side, as on the case-file pages). */
const say = (c: Context<AppEnv>) => (de: string, en: string) => (staffLang(c) === 'en' ? en : de);

const reasons: Record<string, [string, string]> = {
  no_service_for_kind: ['Keine Leistung für diese Titelart eingestellt', 'No service set for this kind of title'],
  not_offered_at_location: ['Leistung am Standort der Akte nicht angeboten', 'Service not offered at the file’s location'],
  no_capacity: ['Keine freie Kapazität im Zeitraum', 'No free capacity in the period'],
  no_birth_date: ['Geburtsjahr unbekannt', 'Year of birth unknown'],
  has_appointment: ['Hat schon einen Termin für diese Leistung', 'Already has an appointment for this service'],
};

/** What came of an import: the report (and the file's encoding when uploaded), or why the file was refused with what was pasted. */
export type ImportOutcome = { imported: TitleImportReport; encoding?: string | undefined } | { problem: string; pasted: string };

export function RunsPage(props: { c: Context<AppEnv>; runs: (RunListItem & { reminderLetters: number })[]; outcome?: ImportOutcome | undefined }) {
  const { c } = props;
  const s = say(c);
  const when = (d: Date) => formatDateTime(staffLang(c), d, 'Europe/Berlin');
  return (
    <StaffLayout c={c} title={s('Einladungen', 'Invitations')} wide>
      <h1>{s('Einladungen', 'Invitations')}</h1>
      <p>
        {s(
          'Ein Lauf reserviert Termine für Aufenthaltstitel, die im eingestellten Zeitraum ablaufen. Die Briefe gehen erst nach der Freigabe hinaus.',
          'A run reserves appointments for residence titles expiring in the configured window. Letters go out only after release.',
        )}
      </p>
      <StaffForm c={c} action="/staff/invitations/runs" submitLabel={s('Jetzt einen Lauf starten', 'Start a run now')} />
      <h2>{s('Titel aus dem Fachverfahren einlesen (CSV)', 'Import titles from the case system (CSV)')}</h2>
      <ImportResult c={c} outcome={props.outcome} />
      <form method="post" action="/staff/invitations/import" enctype="multipart/form-data" class="form-grid">
        <CsrfField c={c} />
        <p id="titles-columns">
          {s(
            'Semikolon zwischen den Spalten, erste Zeile: aktenzeichen;familienname;vornamen;geburtsdatum;titelart;gueltig_bis;standort;email;sprache;strasse;plz;ort',
            'Semicolons between the columns, first line: aktenzeichen;familienname;vornamen;geburtsdatum;titelart;gueltig_bis;standort;email;sprache;strasse;plz;ort',
          )}
        </p>
        <div>
          <label for="titles-file">{s('CSV-Datei (UTF-8 oder Windows-1252, höchstens 10 MB)', 'CSV file (UTF-8 or Windows-1252, at most 10 MB)')}</label>
          <input type="file" id="titles-file" name="file" accept=".csv,.txt,text/csv,text/plain" aria-describedby="titles-columns" />
        </div>
        <div>
          <label for="titles-csv">{s('oder den Inhalt der Datei hier einfügen', 'or paste the contents of the file here')}</label>
          <textarea id="titles-csv" name="csv" rows={8} aria-describedby="titles-columns">
            {props.outcome && 'pasted' in props.outcome ? props.outcome.pasted : ''}
          </textarea>
        </div>
        <div>
          <button type="submit" class="button">
            {s('Einlesen', 'Import')}
          </button>
        </div>
      </form>
      <h2>{s('Läufe', 'Runs')}</h2>
      {props.runs.length === 0 ? (
        <p>{s('Noch keine Läufe.', 'No runs yet.')}</p>
      ) : (
        <DataTable
          caption={s('Läufe', 'Runs')}
          head={[
            s('Gestartet', 'Started'),
            s('Anlass', 'Trigger'),
            s('Eingeladen', 'Invited'),
            s('Nicht eingeladen', 'Not invited'),
            s('Briefe', 'Letters'),
            s('Erinnerungsbriefe zu drucken', 'Reminder letters to print'),
          ]}
          rows={props.runs.map((run) => [
            <a href={`/staff/invitations/runs/${run.id}`}>{when(run.startedAt)}</a>,
            run.trigger === 'daily' ? s('täglich', 'daily') : s('von Hand', 'by staff'),
            run.invited,
            run.notInvited,
            run.lettersReleasedAt ? `${s('freigegeben', 'released')} ${when(run.lettersReleasedAt)}` : s('zur Prüfung', 'for review'),
            run.reminderLetters > 0 ? (
              <a href={`/staff/invitations/runs/${run.id}/reminders.pdf`}>
                {run.reminderLetters} <span class="visually-hidden">{s('Erinnerungsbriefe drucken (PDF)', 'print reminder letters (PDF)')}</span>
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
  const [s, lang] = [say(c), staffLang(c)];
  return (
    <StaffLayout c={c} title={s('Einladungslauf', 'Invitation run')} wide>
      <h1>
        {s('Einladungslauf', 'Invitation run')} · {formatDateTime(lang, run.startedAt, 'Europe/Berlin')}
      </h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        {s('Eingeladen', 'Invited')}: {run.invited} · {s('Nicht eingeladen', 'Not invited')}: {run.notInvited}
      </p>
      {run.lettersReleasedAt ? (
        <p class="actions">
          <a class="button" href={`/staff/invitations/runs/${run.id}/letters.pdf`}>
            {s('Alle Briefe drucken (PDF)', 'Print all letters (PDF)')}
          </a>
          {review.reminderLetters > 0 ? (
            <>
              {' '}
              <a class="button" href={`/staff/invitations/runs/${run.id}/reminders.pdf`}>
                {s(
                  `Erinnerungsbriefe drucken (${review.reminderLetters}, ohne E-Mail-Adresse, PDF)`,
                  `Print reminder letters (${review.reminderLetters}, no e-mail address, PDF)`,
                )}
              </a>
            </>
          ) : null}
        </p>
      ) : (
        <StaffForm
          c={c}
          action={`/staff/invitations/runs/${run.id}/release`}
          submitLabel={s('Geprüft: Briefe und E-Mails freigeben', 'Reviewed: release letters and e-mails')}
        />
      )}
      <h2>{s('Nach Leistung und Woche', 'By service and week')}</h2>
      <DataTable
        caption={s('Einladungen nach Leistung und Kalenderwoche', 'Invitations by service and week')}
        head={[s('Leistung', 'Service'), s('Kalenderwoche', 'Week'), s('Einladungen', 'Invitations')]}
        rows={review.byServiceAndWeek.map((row) => [row.service, row.week, row.count])}
      />
      <h2>{s('Nicht eingeladen', 'Not invited')}</h2>
      {review.notInvited.length === 0 ? (
        <p>{s('Alle wurden eingeladen.', 'Everyone was invited.')}</p>
      ) : (
        <DataTable
          caption={s('Nicht eingeladen, mit Grund', 'Not invited, with the reason')}
          head={[s('Name', 'Name'), s('Aktenzeichen', 'File reference'), s('Grund', 'Reason')]}
          rows={review.notInvited.map((row) => [row.name, row.fileReference ?? '—', s(...(reasons[row.reason] ?? [row.reason, row.reason]))])}
        />
      )}
      <h2>{s('Einladungen', 'Invitations')}</h2>
      <DataTable
        caption={s('Einladungen dieses Laufs', 'Invitations of this run')}
        head={[
          s('Name', 'Name'),
          s('Leistung', 'Service'),
          s('Termin', 'Appointment'),
          s('Sprache', 'Language'),
          s('Zustellung', 'Delivery'),
          s('Stand', 'Status'),
          s('Erneut senden', 'Re-send'),
        ]}
        rows={review.invitations.map((row) => [
          row.name,
          row.service,
          formatDateTime(lang, row.startsAt, row.timeZone),
          languageName(row.language),
          <>
            {row.letterToFile ? <strong>{s('Brief zur Akte (keine Anschrift)', 'Letter to the file (no address)')}</strong> : s('Brief', 'Letter')}
            {row.email ? ` + ${s('E-Mail', 'e-mail')}` : ''}
            {row.reminderLetter ? `; ${s('Erinnerung per Brief', 'reminder by letter')}` : ''}
          </>,
          statusText(s, row.status),
          run.lettersReleasedAt && (row.status === 'reserved' || row.status === 'booked') ? (
            <StaffForm c={c} action={`/staff/invitations/${row.id}/resend`} submitLabel={s('Brief + E-Mail', 'Letter + e-mail')} />
          ) : (
            '—'
          ),
        ])}
      />
    </StaffLayout>
  );
}

function statusText(s: (de: string, en: string) => string, status: string): string {
  if (status === 'reserved') return s('reserviert, unbestätigt', 'reserved, unconfirmed');
  if (status === 'booked') return s('bestätigt', 'confirmed');
  if (status === 'cancelled') return s('abgesagt oder freigegeben', 'cancelled or released');
  return status;
}

function ImportResult({ c, outcome }: { c: Context<AppEnv>; outcome: ImportOutcome | undefined }) {
  const s = say(c);
  if (!outcome) return null;
  if ('problem' in outcome)
    return (
      <div class="error-summary" role="alert">
        <p>
          {s('Nichts eingelesen', 'Nothing imported')}: {outcome.problem}
        </p>
      </div>
    );
  const { imported } = outcome;
  return (
    <div class="notice" role="status">
      <p>
        {s('Neu', 'New')}: {imported.created} · {s('geändert', 'changed')}: {imported.updated} · {s('unverändert', 'unchanged')}: {imported.unchanged} ·{' '}
        {s('Fehler', 'errors')}: {imported.errors.length}
        {outcome.encoding ? ` · ${s('gelesen als', 'read as')} ${outcome.encoding}` : ''}
      </p>
      <ul>
        {imported.errors.slice(0, 200).map((e) => (
          <li>
            {s('Zeile', 'Line')} {e.line}: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
