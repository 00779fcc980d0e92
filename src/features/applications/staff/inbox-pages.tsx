import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatDateTime } from '../../../web/format.ts';
import { languageName, translate } from '../../../web/i18n.ts';
import { say } from '../../case-files/index.ts';
import { CheckboxGroup, ErrorList, StaffForm, StaffLayout } from '../../staff/index.ts';
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
  const s = say(c);
  return (
    <StaffLayout c={c} title={s('Neue Online-Anträge', 'New online applications')} wide>
      <h1>{s('Neue Online-Anträge', 'New online applications')}</h1>
      <form method="get" action="/staff/applications" class="inline">
        <label for="inbox-type">{s('Verfahrensart', 'Procedure type')}</label>{' '}
        <select id="inbox-type" name="type">
          <option value="">{s('alle', 'all')}</option>
          {props.types.map((t) => (
            <option value={t.id} selected={t.id === props.typeId}>
              {t.name}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button secondary">
          {s('Anzeigen', 'Show')}
        </button>
      </form>
      {props.rows.length === 0 ? <p>{s('Keine neuen Anträge.', 'No new applications.')}</p> : null}
      {props.rows.map((row) => (
        <section class="card" aria-labelledby={`app-${row.id}`}>
          <h2 id={`app-${row.id}`}>
            {row.type_name}: {row.family_name}, {row.given_names}
          </h2>
          <dl class="facts">
            <dt>{s('Vorgangsnummer', 'Procedure number')}</dt>
            <dd>
              <a href={`/staff/files/${row.file_id}`}>{row.number}</a>
            </dd>
            <dt>{s('Eingegangen', 'Submitted')}</dt>
            <dd>{row.submitted_at ? formatDateTime('de', row.submitted_at, row.time_zone) : '—'}</dd>
            <dt>{s('Sprache', 'Language')}</dt>
            <dd>{languageName(row.lang)}</dd>
            <dt>{s('Person', 'Person')}</dt>
            <dd data-match={row.person_match ?? ''}>
              {row.person_match === 'found'
                ? s('in vorhandener Akte gefunden', 'found in an existing file')
                : row.person_match === 'uncertain'
                  ? s(
                      `unsicher: ${row.match_candidates.length} ähnliche Person(en) – bitte prüfen`,
                      `uncertain: ${row.match_candidates.length} similar person(s) – please check`,
                    )
                  : row.person_match === 'confirmed'
                    ? s('von Sachbearbeitung bestätigt', 'confirmed by a clerk')
                    : s('neu angelegt', 'created new')}
              {row.person_match === 'uncertain' ? (
                <>
                  {' '}
                  <a href={`/staff/applications/${row.id}/match`}>{s('Personen vergleichen', 'Compare the persons')}</a>
                </>
              ) : null}
            </dd>
          </dl>
          <p>
            <a class="button secondary" href={`/staff/applications/${row.id}/appointment`}>
              {s('Termin buchen', 'Book an appointment')}
            </a>
          </p>
          <StaffForm c={c} action={`/staff/applications/${row.id}/accept`} submitLabel={s('In die Akte übernehmen', 'Accept into the file')} />
          {props.refused?.applicationId === row.id ? <ErrorList messages={props.refused.messages} /> : null}
          <StaffForm c={c} action={`/staff/applications/${row.id}/request-documents`} submitLabel={s('Unterlagen nachfordern', 'Ask for documents')}>
            <CheckboxGroup
              legend={s('Fehlende Unterlagen (die Person liest sie in ihrer Sprache)', 'Missing documents (the person reads them in their language)')}
              name="kinds"
              options={documentKinds.map((kind) => ({ id: kind, name: translate('de', `status.doc.${kind}`) }))}
              checked={undefined}
            />
            <div class="wide">
              <label for={`missing-note-${row.id}`}>{s('Hinweis (deutsch, Pflicht bei „Weiteres Dokument“)', 'Note (German; required for "other")')}</label>
              <input type="text" id={`missing-note-${row.id}`} name="note" maxlength={300} />
            </div>
          </StaffForm>
        </section>
      ))}
    </StaffLayout>
  );
}
