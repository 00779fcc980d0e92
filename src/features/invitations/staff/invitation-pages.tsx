import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatDateTime } from '../../../web/format.ts';
import { languageName } from '../../../web/i18n.ts';
import { StaffForm, StaffLayout, staffLang } from '../../staff/index.ts';
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

export function RunsPage(props: { c: Context<AppEnv>; runs: RunListItem[] }) {
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
      <h2>{s('Läufe', 'Runs')}</h2>
      {props.runs.length === 0 ? (
        <p>{s('Noch keine Läufe.', 'No runs yet.')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{s('Läufe', 'Runs')}</caption>
          <thead>
            <tr>
              <th scope="col">{s('Gestartet', 'Started')}</th>
              <th scope="col">{s('Anlass', 'Trigger')}</th>
              <th scope="col">{s('Eingeladen', 'Invited')}</th>
              <th scope="col">{s('Nicht eingeladen', 'Not invited')}</th>
              <th scope="col">{s('Briefe', 'Letters')}</th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((run) => (
              <tr>
                <td>
                  <a href={`/staff/invitations/runs/${run.id}`}>{when(run.startedAt)}</a>
                </td>
                <td>{run.trigger === 'daily' ? s('täglich', 'daily') : s('von Hand', 'by staff')}</td>
                <td>{run.invited}</td>
                <td>{run.notInvited}</td>
                <td>{run.lettersReleasedAt ? `${s('freigegeben', 'released')} ${when(run.lettersReleasedAt)}` : s('zur Prüfung', 'for review')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}

export function RunPage(props: { c: Context<AppEnv>; review: RunReview; notice?: string | undefined }) {
  const { c, review } = props;
  const s = say(c);
  const lang = staffLang(c);
  const { run } = review;
  return (
    <StaffLayout c={c} title={s('Einladungslauf', 'Invitation run')} wide>
      <h1>
        {s('Einladungslauf', 'Invitation run')} · {formatDateTime(lang, run.startedAt, 'Europe/Berlin')}
      </h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
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
        </p>
      ) : (
        <StaffForm
          c={c}
          action={`/staff/invitations/runs/${run.id}/release`}
          submitLabel={s('Geprüft: Briefe und E-Mails freigeben', 'Reviewed: release letters and e-mails')}
        />
      )}
      <h2>{s('Nach Leistung und Woche', 'By service and week')}</h2>
      <table>
        <caption class="visually-hidden">{s('Einladungen nach Leistung und Kalenderwoche', 'Invitations by service and week')}</caption>
        <thead>
          <tr>
            <th scope="col">{s('Leistung', 'Service')}</th>
            <th scope="col">{s('Kalenderwoche', 'Week')}</th>
            <th scope="col">{s('Einladungen', 'Invitations')}</th>
          </tr>
        </thead>
        <tbody>
          {review.byServiceAndWeek.map((row) => (
            <tr>
              <td>{row.service}</td>
              <td>{row.week}</td>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{s('Nicht eingeladen', 'Not invited')}</h2>
      {review.notInvited.length === 0 ? (
        <p>{s('Alle wurden eingeladen.', 'Everyone was invited.')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{s('Nicht eingeladen, mit Grund', 'Not invited, with the reason')}</caption>
          <thead>
            <tr>
              <th scope="col">{s('Name', 'Name')}</th>
              <th scope="col">{s('Aktenzeichen', 'File reference')}</th>
              <th scope="col">{s('Grund', 'Reason')}</th>
            </tr>
          </thead>
          <tbody>
            {review.notInvited.map((row) => (
              <tr>
                <td>{row.name}</td>
                <td>{row.fileReference ?? '—'}</td>
                <td>{s(...(reasons[row.reason] ?? [row.reason, row.reason]))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{s('Einladungen', 'Invitations')}</h2>
      <table>
        <caption class="visually-hidden">{s('Einladungen dieses Laufs', 'Invitations of this run')}</caption>
        <thead>
          <tr>
            <th scope="col">{s('Name', 'Name')}</th>
            <th scope="col">{s('Leistung', 'Service')}</th>
            <th scope="col">{s('Termin', 'Appointment')}</th>
            <th scope="col">{s('Sprache', 'Language')}</th>
            <th scope="col">{s('Zustellung', 'Delivery')}</th>
            <th scope="col">{s('Stand', 'Status')}</th>
            <th scope="col">{s('Erneut senden', 'Re-send')}</th>
          </tr>
        </thead>
        <tbody>
          {review.invitations.map((row) => (
            <tr>
              <td>{row.name}</td>
              <td>{row.service}</td>
              <td>{formatDateTime(lang, row.startsAt, row.timeZone)}</td>
              <td>{languageName(row.language)}</td>
              <td>
                {row.letterToFile ? <strong>{s('Brief zur Akte (keine Anschrift)', 'Letter to the file (no address)')}</strong> : s('Brief', 'Letter')}
                {row.email ? ` + ${s('E-Mail', 'e-mail')}` : ''}
              </td>
              <td>{statusText(s, row.status)}</td>
              <td>
                {run.lettersReleasedAt && (row.status === 'reserved' || row.status === 'booked') ? (
                  <StaffForm c={c} action={`/staff/invitations/${row.id}/resend`} submitLabel={s('Brief + E-Mail', 'Letter + e-mail')} />
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffLayout>
  );
}

function statusText(s: (de: string, en: string) => string, status: string): string {
  if (status === 'reserved') return s('reserviert, unbestätigt', 'reserved, unconfirmed');
  if (status === 'booked') return s('bestätigt', 'confirmed');
  if (status === 'cancelled') return s('abgesagt oder freigegeben', 'cancelled or released');
  return status;
}
