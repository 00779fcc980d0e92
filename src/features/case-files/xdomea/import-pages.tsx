import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { assetUrl } from '../../../web/assets.ts';
import { CsrfField, StaffLayout, staffLang } from '../../staff/index.ts';
import type { ImportSummary } from './import-store.ts';

/** German first, English second, as every staff page (the locale files stay with their owners). */
const say = (c: Context<AppEnv>, de: string, en: string) => (staffLang(c) === 'de' ? de : en);

const stateLabel = (c: Context<AppEnv>, state: ImportSummary['state']) =>
  ({
    running: say(c, 'läuft', 'running'),
    done: say(c, 'fertig', 'done'),
    failed: say(c, 'fehlgeschlagen', 'failed'),
    interrupted: say(c, 'abgebrochen', 'interrupted'),
  })[state];

function when(c: Context<AppEnv>, at: Date | null): string {
  return at ? new Intl.DateTimeFormat(staffLang(c), { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Berlin' }).format(at) : '–';
}

export function ImportListPage(props: { c: Context<AppEnv>; imports: ImportSummary[]; locations: { id: string; name: string }[]; problem?: string }) {
  const { c } = props;
  const title = say(c, 'Importe aus dem Scandienst', 'Imports from the scan provider');
  return (
    <StaffLayout c={c} title={title} wide>
      <h1>{title}</h1>
      {props.problem ? (
        <p class="notice error" role="alert">
          {say(c, 'Nicht importiert', 'Not imported')}: {props.problem}
        </p>
      ) : null}
      <h2>{say(c, 'Lieferung importieren', 'Import a delivery')}</h2>
      <p>
        {say(
          c,
          'Eine ZIP-Datei mit einer xdomea-Nachricht (0401 oder 0503) oder einem CSV-Manifest samt Dateien. Große Lieferungen besser mit npm run files:import auf dem Server.',
          'A zip with an xdomea message (0401 or 0503) or a CSV manifest with its files. Large deliveries are better imported with npm run files:import on the server.',
        )}
      </p>
      <form method="post" action="/staff/admin/imports" enctype="multipart/form-data" class="form-grid">
        <CsrfField c={c} />
        <div>
          <label for="delivery">{say(c, 'Lieferung (ZIP)', 'Delivery (zip)')}</label>
          <input type="file" id="delivery" name="delivery" accept=".zip,application/zip" required />
        </div>
        <div>
          <label for="locationId">{say(c, 'Standort neuer Akten', 'Location of new files')}</label>
          <select id="locationId" name="locationId" required>
            {props.locations.map((location) => (
              <option value={location.id}>{location.name}</option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" class="button">
            {say(c, 'Importieren', 'Import')}
          </button>
        </div>
      </form>
      <h2>{say(c, 'Bisherige Importe', 'Imports so far')}</h2>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{say(c, 'Gestartet', 'Started')}</th>
            <th scope="col">{say(c, 'Lieferung', 'Delivery')}</th>
            <th scope="col">{say(c, 'Art', 'Kind')}</th>
            <th scope="col">{say(c, 'Zustand', 'State')}</th>
            <th scope="col">{say(c, 'Zeilen', 'Rows')}</th>
            <th scope="col">{say(c, 'Importiert', 'Imported')}</th>
            <th scope="col">{say(c, 'Quarantäne', 'Quarantined')}</th>
          </tr>
        </thead>
        <tbody>
          {props.imports.map((job) => (
            <tr>
              <td>
                <a href={`/staff/admin/imports/${job.id}`}>{when(c, job.startedAt)}</a>
              </td>
              <td>{job.sourceName}</td>
              <td>{job.kind === 'xdomea' ? 'xdomea' : 'CSV'}</td>
              <td>{stateLabel(c, job.state)}</td>
              <td>{job.rowsTotal}</td>
              <td>{job.rowsDone}</td>
              <td>{job.rowsQuarantined}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffLayout>
  );
}

/** The part of the import page that follows the import live (fetched again on every progress event). */
export function ImportProgress(props: { c: Context<AppEnv>; job: ImportSummary }) {
  const { c, job } = props;
  const finished = job.rowsDone + job.rowsQuarantined;
  return (
    <div>
      <p>
        <label for="progress">
          {say(c, 'Fortschritt', 'Progress')}: {finished} / {job.rowsTotal}
        </label>{' '}
        <progress id="progress" max={Math.max(job.rowsTotal, 1)} value={finished}>
          {finished} / {job.rowsTotal}
        </progress>
      </p>
      <dl>
        <dt>{say(c, 'Zustand', 'State')}</dt>
        <dd>{stateLabel(c, job.state)}</dd>
        <dt>{say(c, 'Importiert, ersetzt oder unverändert', 'Imported, replaced or unchanged')}</dt>
        <dd>{job.rowsDone}</dd>
        <dt>{say(c, 'In Quarantäne', 'Quarantined')}</dt>
        <dd>{job.rowsQuarantined}</dd>
        <dt>{say(c, 'Letztes Lebenszeichen', 'Last heartbeat')}</dt>
        <dd>{when(c, job.heartbeatAt)}</dd>
        <dt>{say(c, 'Beendet', 'Finished')}</dt>
        <dd>{when(c, job.finishedAt)}</dd>
      </dl>
      {job.message ? <p class="notice">{job.message}</p> : null}
    </div>
  );
}

export function ImportPage(props: { c: Context<AppEnv>; job: ImportSummary }) {
  const { c, job } = props;
  const title = `${say(c, 'Import', 'Import')} ${job.sourceName}`;
  return (
    <StaffLayout c={c} title={title} head={<script src={assetUrl('staff-live.js')} defer></script>}>
      <p>
        <a href="/staff/admin/imports">{say(c, 'Alle Importe', 'All imports')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {say(c, 'Gestartet', 'Started')} {when(c, job.startedAt)} · {job.startedBy}
      </p>
      <div id="live" role="status" aria-live="polite" data-live={`/staff/admin/imports/${job.id}/live`} data-events={`/staff/admin/imports/${job.id}/events`}>
        <ImportProgress c={c} job={job} />
      </div>
      <p>
        <a class="button" href={`/staff/admin/imports/${job.id}/report.csv`} download>
          {say(c, 'Bericht je Zeile (CSV)', 'Per-row report (CSV)')}
        </a>
      </p>
    </StaffLayout>
  );
}
