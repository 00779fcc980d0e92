import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { assetUrl } from '../../../web/assets.ts';
import { StaffLayout, staffLang, staffT } from '../../staff/index.ts';
import type { DocumentResult } from './search-documents.ts';
import { formatBirthDate, type IdentifiedPerson, type PersonResult, type PersonSearch } from './search-persons.ts';

export type SearchScope = 'persons' | 'documents';

/** What the page shows under the form: nothing yet, a refusal of the input, or a list. */
export type SearchOutcome =
  | { kind: 'none' }
  | { kind: 'invalid'; message: string }
  | { kind: 'persons'; search: PersonSearch; limit: number }
  | { kind: 'documents'; results: DocumentResult[]; limit: number };

/**
 * The search page: a plain GET form that works without JavaScript; file-search.js turns it into
 * search as you type by fetching the results fragment (the same SearchResults below).
 */
export function SearchPage(props: { c: Context<AppEnv>; query: string; scope: SearchScope; mayReadFiles: boolean; outcome: SearchOutcome }) {
  const { c, query, scope, mayReadFiles, outcome } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.file_search.title')} wide head={<script src={assetUrl('file-search.js')} defer />}>
      <h1>{t('staff.file_search.title')}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet in every browser the offices use; the role gives the same landmark */}
      <form method="get" action="/staff/files/search" role="search" id="file-search" data-results="/staff/files/search/results">
        <div class="field">
          <label for="q">{t('staff.file_search.query')}</label>
          <input type="search" id="q" name="q" value={query} maxlength={200} autocomplete="off" spellcheck={false} aria-describedby="q-hint" />
          <p class="hint" id="q-hint">
            {t(mayReadFiles ? 'staff.file_search.hint_file' : 'staff.file_search.hint_identify')}
          </p>
        </div>
        {mayReadFiles ? (
          <fieldset class="field">
            <legend>{t('staff.file_search.in')}</legend>
            {(['persons', 'documents'] as const).map((value) => (
              <label>
                <input type="radio" name="in" value={value} checked={scope === value} /> {t(`staff.file_search.in_${value}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" class="button">
          {t('staff.file_search.submit')}
        </button>
      </form>
      <div id="search-results">
        <SearchResults c={c} outcome={outcome} />
      </div>
      <p class="muted">{t('staff.file_search.audited')}</p>
    </StaffLayout>
  );
}

/** The part below the form; also answered alone as the fragment for search as you type. */
export function SearchResults(props: { c: Context<AppEnv>; outcome: SearchOutcome }) {
  const { c, outcome } = props;
  const t = staffT(c);
  if (outcome.kind === 'none') return <p id="search-status" role="status" />;
  if (outcome.kind === 'invalid')
    return (
      <p id="search-status" role="status" class="error">
        {outcome.message}
      </p>
    );
  const count = outcome.kind === 'persons' ? outcome.search.results.length : outcome.results.length;
  return (
    <>
      <p id="search-status" role="status">
        {t('staff.file_search.count', { n: count })}
        {count >= outcome.limit ? ` ${t('staff.file_search.more', { n: outcome.limit })}` : ''}
      </p>
      {count === 0 ? null : outcome.kind === 'documents' ? (
        <DocumentList c={c} results={outcome.results} />
      ) : outcome.search.view === 'file' ? (
        <PersonTable c={c} results={outcome.search.results} />
      ) : (
        <IdentifiedList c={c} results={outcome.search.results} />
      )}
    </>
  );
}

function PersonTable(props: { c: Context<AppEnv>; results: PersonResult[] }) {
  const nationalities = new Intl.DisplayNames([staffLang(props.c)], { type: 'region' });
  return (
    <ResultTable
      c={props.c}
      columns={['birth', 'nationality', 'reference', 'location']}
      rows={props.results.map((result) => ({
        name: <a href={`/staff/files/${result.fileId}`}>{personName(result)}</a>,
        cells: [
          formatBirthDate(result.birthDate),
          result.nationalities.map((code) => nationalities.of(code) ?? code).join(', '),
          result.fileReference,
          result.locationName,
        ],
      }))}
    />
  );
}

function IdentifiedList(props: { c: Context<AppEnv>; results: IdentifiedPerson[] }) {
  const t = staffT(props.c);
  const when = new Intl.DateTimeFormat(staffLang(props.c), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  return (
    <ResultTable
      c={props.c}
      columns={['birth', 'appointments']}
      rows={props.results.map((result) => ({
        name: personName(result),
        cells: [
          formatBirthDate(result.birthDate),
          result.appointments.length === 0
            ? t('staff.file_search.no_appointments')
            : result.appointments.map((appointment) => `${when.format(appointment.startsAt)} (${appointment.locationName})`).join('; '),
        ],
      }))}
    />
  );
}

const personName = (person: { familyName: string; givenNames: string }) => [person.familyName, person.givenNames].filter(Boolean).join(', ');

/** Persons found: the name heads each row, the columns are what the viewer may see. */
function ResultTable(props: { c: Context<AppEnv>; columns: string[]; rows: { name: Child; cells: string[] }[] }) {
  const t = staffT(props.c);
  return (
    <table class="data-table">
      <caption class="visually-hidden">{t('staff.file_search.results_persons')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.file_search.name')}</th>
          {props.columns.map((column) => (
            <th scope="col">{t(`staff.file_search.${column}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <th scope="row">{row.name}</th>
            {row.cells.map((cell) => (
              <td>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DocumentList(props: { c: Context<AppEnv>; results: DocumentResult[] }) {
  const t = staffT(props.c);
  return (
    <ol class="search-hits" aria-label={t('staff.file_search.results_documents')}>
      {props.results.map((result) => (
        <li>
          <a href={`/staff/files/${result.fileId}/documents/${result.documentId}`}>{result.title}</a>
          <span class="muted">
            {' · '}
            {result.personName} · {result.fileReference}
          </span>
          <p>{result.snippet.map((part) => (part.marked ? <mark>{part.text}</mark> : part.text))}</p>
        </li>
      ))}
    </ol>
  );
}
