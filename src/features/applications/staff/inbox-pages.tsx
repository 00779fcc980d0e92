import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatDateTime } from '../../../web/format.ts';
import { languageName, translate } from '../../../web/i18n.ts';
import { CheckboxGroup, ErrorList, StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import { documentKinds } from '../../status-lookup/index.ts';
import type { InboxRow } from '../inbox-store.ts';

/** New applications at the clerk's locations, by procedure type, oldest first, with the actions on each. */
export function InboxPage(props: {
  c: Context<AppEnv>;
  rows: InboxRow[];
  types: { id: string; name: string }[];
  typeId: string | undefined;
  /** A request for documents just refused: its messages, shown at that application. */
  refused?: { applicationId: string; messages: string[] };
}) {
  const { c } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.applications.inbox.new_online_applications')} wide>
      <h1>{t('staff.applications.inbox.new_online_applications')}</h1>
      <form method="get" action="/staff/applications" class="inline">
        <label for="inbox-type">{t('staff.applications.common.procedure_type')}</label>{' '}
        <select id="inbox-type" name="type">
          <option value="">{t('staff.applications.inbox.all')}</option>
          {props.types.map((t) => (
            <option value={t.id} selected={t.id === props.typeId}>
              {t.name}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button secondary">
          {t('staff.applications.inbox.show')}
        </button>
      </form>
      {props.rows.length === 0 ? <p>{t('staff.applications.inbox.no_new_applications')}</p> : null}
      {props.rows.map((row) => (
        <section class="card" aria-labelledby={`app-${row.id}`}>
          <h2 id={`app-${row.id}`}>
            {row.type_name}: {row.family_name}, {row.given_names}
          </h2>
          <dl class="facts">
            <dt>{t('staff.applications.common.procedure_number')}</dt>
            <dd>
              <a href={`/staff/files/${row.file_id}`}>{row.number}</a>
            </dd>
            <dt>{t('staff.applications.inbox.submitted')}</dt>
            <dd>{row.submitted_at ? formatDateTime('de', row.submitted_at, row.time_zone) : '—'}</dd>
            <dt>{t('staff.applications.common.language')}</dt>
            <dd>{languageName(row.lang)}</dd>
            <dt>{t('staff.applications.inbox.person')}</dt>
            <dd data-match={row.person_match ?? ''}>
              {row.person_match === 'found'
                ? t('staff.applications.inbox.match_found')
                : row.person_match === 'uncertain'
                  ? t('staff.applications.inbox.match_uncertain', { count: String(row.match_candidates.length) })
                  : row.person_match === 'confirmed'
                    ? t('staff.applications.inbox.match_confirmed')
                    : t('staff.applications.inbox.match_created')}
              {row.person_match === 'uncertain' ? (
                <>
                  {' '}
                  <a href={`/staff/applications/${row.id}/match`}>{t('staff.applications.inbox.compare_the_persons')}</a>
                </>
              ) : null}
            </dd>
          </dl>
          <p>
            <a class="button secondary" href={`/staff/applications/${row.id}/appointment`}>
              {t('staff.applications.inbox.book_an_appointment')}
            </a>
          </p>
          <StaffForm c={c} action={`/staff/applications/${row.id}/accept`} submitLabel={t('staff.applications.inbox.accept_into_the_file')} />
          {props.refused?.applicationId === row.id ? <ErrorList messages={props.refused.messages} /> : null}
          <StaffForm c={c} action={`/staff/applications/${row.id}/request-documents`} submitLabel={t('staff.applications.inbox.ask_for_documents')}>
            <CheckboxGroup
              legend={t('staff.applications.inbox.missing_documents')}
              name="kinds"
              options={documentKinds.map((kind) => ({ id: kind, name: translate('de', `status.doc.${kind}`) }))}
              checked={undefined}
            />
            <div class="wide">
              <label for={`missing-note-${row.id}`}>{t('staff.applications.inbox.request_note')}</label>
              <input type="text" id={`missing-note-${row.id}`} name="note" maxlength={300} />
            </div>
          </StaffForm>
        </section>
      ))}
    </StaffLayout>
  );
}
