import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { assetUrl } from '../../../web/assets.ts';
import { translate } from '../../../web/i18n.ts';
import { CsrfField, StaffForm, staffLang, StaffLayout } from '../../staff/index.ts';
import { documentCategories } from './document-deps.ts';
import type { DocumentSummary, VersionRow } from './document-queries.ts';
import { allowedMediaTypes } from './media-type.ts';

type Lang = 'de' | 'en';

const categoryNames: Record<string, string> = {
  application: 'staff.documents.category.application',
  passport_copy: 'staff.documents.category.passport_copy',
  decision: 'staff.documents.category.decision',
  letter: 'staff.documents.category.letter',
  evidence: 'staff.documents.category.evidence',
  photo: 'staff.documents.category.photo',
  certificate: 'staff.documents.category.certificate',
  correspondence: 'staff.documents.category.correspondence',
  other: 'staff.documents.category.other',
};
const categoryName = (lang: Lang, category: string) => {
  const key = categoryNames[category];
  return key ? translate(lang, key) : category;
};
const textStates: Record<string, string> = {
  pending: 'staff.documents.text_state.pending',
  extracted: 'staff.documents.text_state.extracted',
  no_text: 'staff.documents.text_state.no_text',
  failed: 'staff.documents.text_state.failed',
};
const textStateName = (lang: Lang, state: string) => {
  const key = textStates[state];
  return key ? translate(lang, key) : '';
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
  if (!document.lockedUntil || document.lockedUntil <= props.now) return <>{translate(lang, 'staff.documents.lock.free')}</>;
  return (
    <>
      {translate(lang, 'staff.documents.lock.locked_by_until', {
        lockedByName: document.lockedByName ?? '?',
        lockedUntil: formatTime(lang, document.lockedUntil),
      })}
    </>
  );
}

/** The documents of a file as a table; the file page embeds it (coordinator) and the documents page shows it. */
export function DocumentList(props: { lang: Lang; fileId: string; documents: DocumentSummary[]; now: Date }) {
  const { lang, fileId } = props;
  if (props.documents.length === 0) return <p>{translate(lang, 'staff.documents.list.none')}</p>;
  return (
    <table class="documents">
      <caption class="visually-hidden">{translate(lang, 'staff.documents.list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{translate(lang, 'staff.documents.common.title')}</th>
          <th scope="col">{translate(lang, 'staff.documents.common.category')}</th>
          <th scope="col">{translate(lang, 'staff.documents.list.received')}</th>
          <th scope="col">{translate(lang, 'staff.documents.list.dated')}</th>
          <th scope="col">{translate(lang, 'staff.documents.common.versions')}</th>
          <th scope="col">{translate(lang, 'staff.documents.list.state')}</th>
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
              {textStateName(lang, d.textState)}
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
        <label for="title">{translate(lang, 'staff.documents.common.title')}</label>
        <input id="title" name="title" required maxlength={300} value={d?.title ?? ''} />
      </div>
      <div>
        <label for="category">{translate(lang, 'staff.documents.common.category')}</label>
        <select id="category" name="category">
          {documentCategories.map((category) => (
            <option value={category} selected={d?.category === category}>
              {categoryName(lang, category)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="receivedOn">{translate(lang, 'staff.documents.metadata.received_on')}</label>
        <input id="receivedOn" name="receivedOn" type="date" value={d?.receivedOn ?? ''} />
      </div>
      <div>
        <label for="datedOn">{translate(lang, 'staff.documents.metadata.dated')}</label>
        <input id="datedOn" name="datedOn" type="date" value={d?.datedOn ?? ''} />
      </div>
      <div>
        <label for="sender">{translate(lang, 'staff.documents.metadata.sender')}</label>
        <input id="sender" name="sender" maxlength={300} value={d?.sender ?? ''} />
      </div>
      <div>
        <label for="procedureId">{translate(lang, 'staff.documents.metadata.procedure_id_optional')}</label>
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
        <label for="file">{translate(lang, 'staff.documents.upload.file')}</label>
        <input id="file" name="file" type="file" required aria-describedby="file-hint" />
        <p id="file-hint" class="hint">
          {translate(lang, 'staff.documents.upload.allowed')}: {[...allowedMediaTypes.values()].join(', ')} ·{' '}
          {translate(lang, 'staff.documents.upload.at_most')} {formatSize(lang, props.maxBytes)}
        </p>
        <progress hidden max={100} value={0} aria-label={translate(lang, 'staff.documents.upload.uploading')}></progress>
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
    <StaffLayout c={props.c} title={translate(lang, 'staff.documents.page.documents')} wide head={<script src={assetUrl('document-upload.js')} defer></script>}>
      <p>
        <a href={`/staff/files/${props.fileId}`}>{translate(lang, 'staff.documents.page.back_to_the_file')}</a>
      </p>
      <h1>{translate(lang, 'staff.documents.page.documents')}</h1>
      <DocumentList lang={lang} fileId={props.fileId} documents={props.documents} now={props.now} />
      <section aria-labelledby="upload-h">
        <h2 id="upload-h">{translate(lang, 'staff.documents.page.add_a_document')}</h2>
        <UploadForm c={props.c} action={`${base}/upload`} label={translate(lang, 'staff.documents.page.upload')} maxBytes={props.maxBytes}>
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
        <a href={`/staff/files/${fileId}/documents`}>{translate(lang, 'staff.documents.viewer.all_documents_of_the_file')}</a>
      </p>
      <h1>{d.title}</h1>
      <p>
        {categoryName(lang, d.category)} · {translate(lang, 'staff.documents.viewer.version')} {d.currentVersion} ·{' '}
        <LockState lang={lang} document={d} now={props.now} />
      </p>
      <p>
        <a href={current}>{translate(lang, 'staff.documents.viewer.open')}</a> ·{' '}
        <a href={`${current}?download=1`}>{translate(lang, 'staff.documents.viewer.download')}</a>
      </p>
      {d.mediaType === 'application/pdf' ? (
        <iframe class="document-frame" src={current} title={d.title} width="100%" height="800"></iframe>
      ) : d.mediaType.startsWith('image/') && d.mediaType !== 'image/tiff' ? (
        <img class="document-image" src={current} alt={d.title} />
      ) : null}
      {d.pageCount ? (
        <section aria-labelledby="pages-h">
          <h2 id="pages-h">{translate(lang, 'staff.documents.viewer.pages')}</h2>
          <ol class="document-pages">
            {Array.from({ length: d.pageCount }, (_, index) => index + 1).map((page) => (
              <li>
                {props.pages.includes(page) ? (
                  <img
                    src={`${base}/versions/${d.currentVersion}/pages/${page}.png`}
                    alt={translate(lang, 'staff.documents.viewer.page', { page: String(page) })}
                    width={120}
                    loading="lazy"
                  />
                ) : (
                  translate(lang, 'staff.documents.viewer.page', { page: String(page) })
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="lock-h">
        <h2 id="lock-h">{translate(lang, 'staff.documents.viewer.check_out')}</h2>
        {mine || lockedByOther ? (
          <StaffForm c={c} action={`${base}/unlock`} submitLabel={translate(lang, 'staff.documents.viewer.check_in')} />
        ) : (
          <StaffForm c={c} action={`${base}/lock`} submitLabel={translate(lang, 'staff.documents.viewer.check_out')}>
            <div>
              <label for="minutes">{translate(lang, 'staff.documents.viewer.minutes')}</label>
              <input id="minutes" name="minutes" type="number" min={1} max={480} value="30" />
            </div>
          </StaffForm>
        )}
      </section>
      <section aria-labelledby="edit-h">
        <h2 id="edit-h">{translate(lang, 'staff.documents.viewer.edit_details')}</h2>
        <StaffForm c={c} action={`${base}/edit`} submitLabel={translate(lang, 'staff.documents.viewer.save')}>
          <input type="hidden" name="basedOn" value={String(d.version)} />
          <MetadataFields lang={lang} document={d} />
        </StaffForm>
      </section>
      <section aria-labelledby="version-h">
        <h2 id="version-h">{translate(lang, 'staff.documents.common.versions')}</h2>
        <ul>
          {props.versions.map((v) => (
            <li>
              <a href={`${base}/versions/${v.number}/content`}>
                {translate(lang, 'staff.documents.viewer.version')} {v.number}
              </a>{' '}
              · {v.fileName} · {formatSize(lang, v.size)} · {v.createdBy} · {formatTime(lang, v.createdAt)}
            </li>
          ))}
        </ul>
        <UploadForm c={c} action={`${base}/versions/upload`} label={translate(lang, 'staff.documents.viewer.upload_a_new_version')} maxBytes={props.maxBytes} />
      </section>
      <section aria-labelledby="notes-h">
        <h2 id="notes-h">{translate(lang, 'staff.documents.viewer.notes')}</h2>
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
        <StaffForm c={c} action={`${base}/notes`} submitLabel={translate(lang, 'staff.documents.viewer.add_note')}>
          <div>
            <label for="note">{translate(lang, 'staff.documents.viewer.note')}</label>
            <textarea id="note" name="text" required maxlength={4000}></textarea>
          </div>
        </StaffForm>
      </section>
      <section aria-labelledby="delete-h">
        <h2 id="delete-h">{translate(lang, 'staff.documents.viewer.delete')}</h2>
        <form method="post" action={`${base}/delete`}>
          <CsrfField c={c} />
          <button type="submit" class="button danger">
            {translate(lang, 'staff.documents.viewer.delete_document')}
          </button>
        </form>
      </section>
    </StaffLayout>
  );
}

/**
 * An upload the virus scan refused: infected (422), or no verdict because clamd is unreachable
 * (503, nothing stored: "try again in a few minutes").
 */
export function UploadRefusedPage(props: { c: Context<AppEnv>; problem: 'infected' | 'scan_unavailable'; back: string }) {
  const lang = staffLang(props.c);
  const title = translate(lang, `staff.documents.refused.${props.problem}.title`);
  return (
    <StaffLayout c={props.c} title={title}>
      <h1>{title}</h1>
      <p role="alert">{translate(lang, `staff.documents.refused.${props.problem}.text`)}</p>
      <p>
        <a href={props.back}>{translate(lang, 'staff.documents.refused.back')}</a>
      </p>
    </StaffLayout>
  );
}
