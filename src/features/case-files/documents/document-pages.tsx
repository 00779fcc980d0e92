import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { assetUrl } from '../../../web/assets.ts';
import { CsrfField, StaffForm, staffLang, StaffLayout } from '../../staff/index.ts';
import { documentCategories } from './document-deps.ts';
import type { DocumentSummary, VersionRow } from './document-queries.ts';
import { allowedMediaTypes } from './media-type.ts';

type Lang = 'de' | 'en';
/** German first on staff pages; English when the staff member chose it. */
const say = (lang: Lang, de: string, en: string) => (lang === 'de' ? de : en);

const categoryNames: Record<string, [string, string]> = {
  application: ['Antrag', 'Application'],
  passport_copy: ['Passkopie', 'Passport copy'],
  decision: ['Bescheid', 'Decision'],
  letter: ['Schreiben', 'Letter'],
  evidence: ['Nachweis', 'Evidence'],
  photo: ['Lichtbild', 'Photo'],
  certificate: ['Urkunde', 'Certificate'],
  correspondence: ['Schriftverkehr', 'Correspondence'],
  other: ['Sonstiges', 'Other'],
};
const categoryName = (lang: Lang, category: string) => {
  const names = categoryNames[category];
  return names ? say(lang, names[0], names[1]) : category;
};
const textStates: Record<string, [string, string]> = {
  pending: ['Text wird gelesen', 'text pending'],
  extracted: ['Text durchsuchbar', 'text searchable'],
  no_text: ['kein Text', 'no text'],
  failed: ['Text nicht lesbar', 'text unreadable'],
};

const formatDate = (lang: Lang, date: string | null) =>
  date ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`)) : '–';
const formatTime = (lang: Lang, at: Date) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(at);
const formatSize = (lang: Lang, bytes: number) =>
  bytes < 1024 * 1024
    ? `${new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.ceil(bytes / 1024))} KB`
    : `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

function LockState(props: { lang: Lang; document: DocumentSummary; now: Date }) {
  const { lang, document } = props;
  if (!document.lockedUntil || document.lockedUntil <= props.now) return <>{say(lang, 'frei', 'free')}</>;
  return (
    <>
      {say(
        lang,
        `ausgecheckt von ${document.lockedByName ?? '?'} bis ${formatTime(lang, document.lockedUntil)}`,
        `locked by ${document.lockedByName ?? '?'} until ${formatTime(lang, document.lockedUntil)}`,
      )}
    </>
  );
}

/** The documents of a file as a table; the file page embeds it (coordinator) and the documents page shows it. */
export function DocumentList(props: { lang: Lang; fileId: string; documents: DocumentSummary[]; now: Date }) {
  const { lang, fileId } = props;
  if (props.documents.length === 0) return <p>{say(lang, 'Noch keine Dokumente in dieser Akte.', 'No documents in this file yet.')}</p>;
  return (
    <table class="documents">
      <caption class="visually-hidden">{say(lang, 'Dokumente der Akte', 'Documents of the file')}</caption>
      <thead>
        <tr>
          <th scope="col">{say(lang, 'Titel', 'Title')}</th>
          <th scope="col">{say(lang, 'Art', 'Category')}</th>
          <th scope="col">{say(lang, 'Eingang', 'Received')}</th>
          <th scope="col">{say(lang, 'Datum', 'Dated')}</th>
          <th scope="col">{say(lang, 'Fassungen', 'Versions')}</th>
          <th scope="col">{say(lang, 'Status', 'State')}</th>
        </tr>
      </thead>
      <tbody>
        {props.documents.map((d) => (
          <tr>
            <th scope="row">
              <a href={`/staff/files/${fileId}/documents/${d.id}`}>{d.title}</a>
            </th>
            <td>{categoryName(lang, d.category)}</td>
            <td>{formatDate(lang, d.receivedOn)}</td>
            <td>{formatDate(lang, d.datedOn)}</td>
            <td>{d.currentVersion}</td>
            <td>
              <LockState lang={lang} document={d} now={props.now} />
              {' · '}
              {say(lang, ...(textStates[d.textState] ?? ['', '']))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MetadataFields(props: { lang: Lang; document?: DocumentSummary }) {
  const { lang, document: d } = props;
  return (
    <>
      <div>
        <label for="title">{say(lang, 'Titel', 'Title')}</label>
        <input id="title" name="title" required maxlength={300} value={d?.title ?? ''} />
      </div>
      <div>
        <label for="category">{say(lang, 'Art', 'Category')}</label>
        <select id="category" name="category">
          {documentCategories.map((category) => (
            <option value={category} selected={d?.category === category}>
              {categoryName(lang, category)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="receivedOn">{say(lang, 'Eingangsdatum', 'Received on')}</label>
        <input id="receivedOn" name="receivedOn" type="date" value={d?.receivedOn ?? ''} />
      </div>
      <div>
        <label for="datedOn">{say(lang, 'Datum des Schreibens', 'Dated')}</label>
        <input id="datedOn" name="datedOn" type="date" value={d?.datedOn ?? ''} />
      </div>
      <div>
        <label for="sender">{say(lang, 'Absender', 'Sender')}</label>
        <input id="sender" name="sender" maxlength={300} value={d?.sender ?? ''} />
      </div>
      <div>
        <label for="procedureId">{say(lang, 'Verfahren (Kennung, optional)', 'Procedure (id, optional)')}</label>
        <input id="procedureId" name="procedureId" value={d?.procedureId ?? ''} />
      </div>
    </>
  );
}

/** A file input form that streams: the CSRF token travels in the address (the body is never parsed whole). */
function UploadForm(props: { c: Context<AppEnv>; action: string; label: string; children?: unknown; maxBytes: number }) {
  const lang = staffLang(props.c);
  const token = props.c.get('staffSession')?.csrfToken ?? '';
  return (
    <form method="post" action={`${props.action}?_csrf=${encodeURIComponent(token)}`} enctype="multipart/form-data" class="form-grid upload-form" data-upload>
      {props.children as never}
      <div>
        <label for="file">{say(lang, 'Datei', 'File')}</label>
        <input id="file" name="file" type="file" required aria-describedby="file-hint" />
        <p id="file-hint" class="hint">
          {say(lang, 'Erlaubt', 'Allowed')}: {[...allowedMediaTypes.values()].join(', ')} · {say(lang, 'höchstens', 'at most')}{' '}
          {formatSize(lang, props.maxBytes)}
        </p>
        <progress hidden max={100} value={0} aria-label={say(lang, 'Hochladen', 'Uploading')}></progress>
        <p class="upload-status" role="status" aria-live="polite"></p>
      </div>
      <div>
        <button type="submit" class="button">
          {props.label}
        </button>
      </div>
    </form>
  );
}

export function DocumentsPage(props: { c: Context<AppEnv>; fileId: string; documents: DocumentSummary[]; now: Date; maxBytes: number }) {
  const lang = staffLang(props.c);
  const base = `/staff/files/${props.fileId}/documents`;
  return (
    <StaffLayout c={props.c} title={say(lang, 'Dokumente', 'Documents')} wide head={<script src={assetUrl('document-upload.js')} defer></script>}>
      <p>
        <a href={`/staff/files/${props.fileId}`}>{say(lang, 'Zur Akte', 'Back to the file')}</a>
      </p>
      <h1>{say(lang, 'Dokumente', 'Documents')}</h1>
      <DocumentList lang={lang} fileId={props.fileId} documents={props.documents} now={props.now} />
      <section aria-labelledby="upload-h">
        <h2 id="upload-h">{say(lang, 'Dokument hinzufügen', 'Add a document')}</h2>
        <UploadForm c={props.c} action={`${base}/upload`} label={say(lang, 'Hochladen', 'Upload')} maxBytes={props.maxBytes}>
          <MetadataFields lang={lang} />
        </UploadForm>
      </section>
    </StaffLayout>
  );
}

export function DocumentViewerPage(props: {
  c: Context<AppEnv>;
  fileId: string;
  document: DocumentSummary;
  versions: VersionRow[];
  notes: { id: string; text: string; by_label: string; at: Date }[];
  pages: number[];
  now: Date;
  maxBytes: number;
}) {
  const { c, fileId, document: d } = props;
  const lang = staffLang(c);
  const base = `/staff/files/${fileId}/documents/${d.id}`;
  const current = `${base}/versions/${d.currentVersion}/content`;
  const actor = c.get('actor');
  const mine = actor?.kind === 'staff' && d.lockedById === actor.staffId && d.lockedUntil && d.lockedUntil > props.now;
  const lockedByOther = d.lockedById && !mine && d.lockedUntil && d.lockedUntil > props.now;
  return (
    <StaffLayout c={c} title={d.title} wide head={<script src={assetUrl('document-upload.js')} defer></script>}>
      <p>
        <a href={`/staff/files/${fileId}/documents`}>{say(lang, 'Alle Dokumente der Akte', 'All documents of the file')}</a>
      </p>
      <h1>{d.title}</h1>
      <p>
        {categoryName(lang, d.category)} · {say(lang, 'Fassung', 'Version')} {d.currentVersion} · <LockState lang={lang} document={d} now={props.now} />
      </p>
      <p>
        <a href={current}>{say(lang, 'Öffnen', 'Open')}</a> · <a href={`${current}?download=1`}>{say(lang, 'Herunterladen', 'Download')}</a>
      </p>
      {d.mediaType === 'application/pdf' ? (
        <iframe class="document-frame" src={current} title={d.title} width="100%" height="800"></iframe>
      ) : d.mediaType.startsWith('image/') && d.mediaType !== 'image/tiff' ? (
        <img class="document-image" src={current} alt={d.title} />
      ) : null}
      {d.pageCount ? (
        <section aria-labelledby="pages-h">
          <h2 id="pages-h">{say(lang, 'Seiten', 'Pages')}</h2>
          <ol class="document-pages">
            {Array.from({ length: d.pageCount }, (_, index) => index + 1).map((page) => (
              <li>
                {props.pages.includes(page) ? (
                  <img
                    src={`${base}/versions/${d.currentVersion}/pages/${page}.png`}
                    alt={say(lang, `Seite ${page}`, `Page ${page}`)}
                    width={120}
                    loading="lazy"
                  />
                ) : (
                  say(lang, `Seite ${page}`, `Page ${page}`)
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="lock-h">
        <h2 id="lock-h">{say(lang, 'Auschecken', 'Check out')}</h2>
        {mine || lockedByOther ? (
          <StaffForm c={c} action={`${base}/unlock`} submitLabel={say(lang, 'Einchecken (Sperre aufheben)', 'Check in (release the lock)')} />
        ) : (
          <StaffForm c={c} action={`${base}/lock`} submitLabel={say(lang, 'Auschecken', 'Check out')}>
            <div>
              <label for="minutes">{say(lang, 'Minuten', 'Minutes')}</label>
              <input id="minutes" name="minutes" type="number" min={1} max={480} value="30" />
            </div>
          </StaffForm>
        )}
      </section>
      <section aria-labelledby="edit-h">
        <h2 id="edit-h">{say(lang, 'Angaben ändern', 'Edit details')}</h2>
        <StaffForm c={c} action={`${base}/edit`} submitLabel={say(lang, 'Speichern', 'Save')}>
          <input type="hidden" name="basedOn" value={String(d.version)} />
          <MetadataFields lang={lang} document={d} />
        </StaffForm>
      </section>
      <section aria-labelledby="version-h">
        <h2 id="version-h">{say(lang, 'Fassungen', 'Versions')}</h2>
        <ul>
          {props.versions.map((v) => (
            <li>
              <a href={`${base}/versions/${v.number}/content`}>
                {say(lang, 'Fassung', 'Version')} {v.number}
              </a>{' '}
              · {v.fileName} · {formatSize(lang, v.size)} · {v.createdBy} · {formatTime(lang, v.createdAt)}
            </li>
          ))}
        </ul>
        <UploadForm c={c} action={`${base}/versions/upload`} label={say(lang, 'Neue Fassung hochladen', 'Upload a new version')} maxBytes={props.maxBytes} />
      </section>
      <section aria-labelledby="notes-h">
        <h2 id="notes-h">{say(lang, 'Notizen', 'Notes')}</h2>
        <ul>
          {props.notes.map((n) => (
            <li>
              {n.text}{' '}
              <small>
                ({n.by_label}, {formatTime(lang, n.at)})
              </small>
            </li>
          ))}
        </ul>
        <StaffForm c={c} action={`${base}/notes`} submitLabel={say(lang, 'Notiz hinzufügen', 'Add note')}>
          <div>
            <label for="note">{say(lang, 'Notiz', 'Note')}</label>
            <textarea id="note" name="text" required maxlength={4000}></textarea>
          </div>
        </StaffForm>
      </section>
      <section aria-labelledby="delete-h">
        <h2 id="delete-h">{say(lang, 'Löschen', 'Delete')}</h2>
        <form method="post" action={`${base}/delete`}>
          <CsrfField c={c} />
          <button type="submit" class="button danger">
            {say(lang, 'Dokument mit allen Fassungen löschen', 'Delete the document with all versions')}
          </button>
        </form>
      </section>
    </StaffLayout>
  );
}
