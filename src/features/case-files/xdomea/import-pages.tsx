import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { assetUrl } from '../../../web/assets.ts';
import { CsrfField, StaffLayout, staffLang, staffT } from '../../staff/index.ts';
import type { ImportSummary } from './import-store.ts';

const stateLabel = (t: (key: string) => string, state: ImportSummary['state']) =>
  ({
    running: t('staff.imports.state.running'),
    done: t('staff.imports.state.done'),
    failed: t('staff.imports.state.failed'),
    interrupted: t('staff.imports.state.interrupted'),
  })[state];

function when(c: Context<AppEnv>, at: Date | null): string {
  return at ? new Intl.DateTimeFormat(staffLang(c), { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Berlin' }).format(at) : '–';
}

export function ImportListPage(props: { c: Context<AppEnv>; imports: ImportSummary[]; locations: { id: string; name: string }[]; problem?: string }) {
  const { c } = props;
  const t = staffT(c);
  const title = t('staff.imports.list.title');
  return (
    <StaffLayout c={c} title={title} wide>
      <h1>{title}</h1>
      {props.problem ? (
        <p class="notice error" role="alert">
          {t('staff.imports.list.not_imported')}: {props.problem}
        </p>
      ) : null}
      <h2>{t('staff.imports.list.import_a_delivery')}</h2>
      <p>{t('staff.imports.list.delivery_hint')}</p>
      <form method="post" action="/staff/admin/imports" enctype="multipart/form-data" class="form-grid">
        <CsrfField c={c} />
        <div>
          <label for="delivery">{t('staff.imports.list.delivery_zip')}</label>
          <input type="file" id="delivery" name="delivery" accept=".zip,application/zip" required />
        </div>
        <div>
          <label for="locationId">{t('staff.imports.list.location_of_new_files')}</label>
          <select id="locationId" name="locationId" required>
            {props.locations.map((location) => (
              <option value={location.id}>{location.name}</option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" class="button">
            {t('staff.imports.list.import')}
          </button>
        </div>
      </form>
      <h2>{t('staff.imports.list.imports_so_far')}</h2>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.imports.common.started')}</th>
            <th scope="col">{t('staff.imports.list.delivery')}</th>
            <th scope="col">{t('staff.imports.list.kind')}</th>
            <th scope="col">{t('staff.imports.common.state')}</th>
            <th scope="col">{t('staff.imports.list.rows')}</th>
            <th scope="col">{t('staff.imports.list.imported')}</th>
            <th scope="col">{t('staff.imports.list.quarantined')}</th>
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
              <td>{stateLabel(t, job.state)}</td>
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
  const t = staffT(c);
  return (
    <div>
      <p>
        <label for="progress">
          {t('staff.imports.progress.progress')}: {finished} / {job.rowsTotal}
        </label>{' '}
        <progress id="progress" max={Math.max(job.rowsTotal, 1)} value={finished}>
          {finished} / {job.rowsTotal}
        </progress>
      </p>
      <dl>
        <dt>{t('staff.imports.common.state')}</dt>
        <dd>{stateLabel(t, job.state)}</dd>
        <dt>{t('staff.imports.progress.imported')}</dt>
        <dd>{job.rowsDone}</dd>
        <dt>{t('staff.imports.progress.quarantined')}</dt>
        <dd>{job.rowsQuarantined}</dd>
        <dt>{t('staff.imports.progress.last_heartbeat')}</dt>
        <dd>{when(c, job.heartbeatAt)}</dd>
        <dt>{t('staff.imports.progress.finished')}</dt>
        <dd>{when(c, job.finishedAt)}</dd>
      </dl>
      {job.message ? <p class="notice">{job.message}</p> : null}
    </div>
  );
}

export function ImportPage(props: { c: Context<AppEnv>; job: ImportSummary }) {
  const { c, job } = props;
  const t = staffT(c);
  const title = t('staff.imports.import.title', { sourceName: job.sourceName });
  return (
    <StaffLayout c={c} title={title} head={<script src={assetUrl('staff-live.js')} defer></script>}>
      <p>
        <a href="/staff/admin/imports">{t('staff.imports.import.all_imports')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('staff.imports.common.started')} {when(c, job.startedAt)} · {job.startedBy}
      </p>
      <div id="live" role="status" aria-live="polite" data-live={`/staff/admin/imports/${job.id}/live`} data-events={`/staff/admin/imports/${job.id}/events`}>
        <ImportProgress c={c} job={job} />
      </div>
      <p>
        <a class="button" href={`/staff/admin/imports/${job.id}/report.csv`} download>
          {t('staff.imports.import.row_report')}
        </a>
      </p>
    </StaffLayout>
  );
}
