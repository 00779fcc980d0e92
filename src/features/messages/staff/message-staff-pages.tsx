import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName } from '../../../web/i18n.ts';
import { StaffForm, StaffLayout, staffLang } from '../../staff/index.ts';
import type { TemplateView } from '../message-templates.ts';
import type { MessageRow } from '../message-store.ts';

/** Staff texts side by side in German and English (like the case file's pages). */
function say(c: Context<AppEnv>): (de: string, en: string) => string {
  const english = staffLang(c) === 'en';
  return (de, en) => (english ? en : de);
}

const berlin = (at: Date) => at.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' });

/** How long a message has waited, in whole hours or days. */
export function ageText(c: Context<AppEnv>, receivedAt: Date, now: Date): string {
  const s = say(c);
  const hours = Math.max(0, Math.floor((now.getTime() - receivedAt.getTime()) / 3_600_000));
  if (hours < 48) return s(`${hours} Std.`, `${hours} h`);
  const days = Math.floor(hours / 24);
  return s(`${days} Tage`, `${days} days`);
}

type InboxRow = {
  id: string;
  reference: string;
  received_at: Date;
  procedure_number: string | null;
  language: string;
  file_id: string | null;
  location: string;
};

export function InboxPage(props: { c: Context<AppEnv>; rows: InboxRow[]; now: Date }) {
  const s = say(props.c);
  return (
    <StaffLayout c={props.c} title={s('Nachrichten', 'Messages')}>
      <h1>{s('Unbeantwortete Nachrichten', 'Unanswered messages')}</h1>
      {props.rows.length === 0 ? (
        <p>{s('Keine unbeantworteten Nachrichten.', 'No unanswered messages.')}</p>
      ) : (
        <table>
          <caption>{s('Älteste zuerst', 'Oldest first')}</caption>
          <thead>
            <tr>
              <th scope="col">{s('Kennung', 'Reference')}</th>
              <th scope="col">{s('Standort', 'Location')}</th>
              <th scope="col">{s('Eingang', 'Received')}</th>
              <th scope="col">{s('Wartet seit', 'Waiting')}</th>
              <th scope="col">{s('Vorgang', 'Procedure')}</th>
              <th scope="col">{s('Sprache', 'Language')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>
                  <a href={`/staff/messages/${row.id}`}>{row.reference}</a>
                </td>
                <td>{row.location}</td>
                <td>{berlin(row.received_at)}</td>
                <td>{ageText(props.c, row.received_at, props.now)}</td>
                <td>{row.procedure_number ?? (row.file_id ? s('in Akte', 'in a file') : s('allgemein', 'general'))}</td>
                <td>{languageName(row.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}

type Attachment = { position: number; file_name: string; media_type: string; document_id: string | null };

export function MessageStaffPage(props: {
  c: Context<AppEnv>;
  message: MessageRow;
  attachments: Attachment[];
  templates: { id: string; name: string }[];
  templateId: string | undefined;
  draft: string;
  canWrite: boolean;
}) {
  const { c, message } = props;
  const s = say(c);
  return (
    <StaffLayout c={c} title={`${s('Nachricht', 'Message')} ${message.reference}`}>
      <h1>{`${s('Nachricht', 'Message')} ${message.reference}`}</h1>
      <dl>
        <dt>{s('Von', 'From')}</dt>
        <dd dir="auto">{message.sender_name}</dd>
        <dt>{s('Geburtsdatum', 'Date of birth')}</dt>
        <dd>{message.date_of_birth}</dd>
        <dt>{s('Sprache', 'Language')}</dt>
        <dd>{languageName(message.language)}</dd>
        <dt>{s('Eingang', 'Received')}</dt>
        <dd>{berlin(message.received_at)}</dd>
        <dt>{s('Vorgang', 'Procedure')}</dt>
        <dd>{message.procedure_number ?? '—'}</dd>
        <dt>{s('Akte', 'File')}</dt>
        <dd>
          {message.file_id ? (
            <a href={`/staff/files/${message.file_id}`}>{s('Akte öffnen', 'Open the file')}</a>
          ) : (
            s('noch keiner Akte zugeordnet', 'not in a file yet')
          )}
        </dd>
      </dl>
      <h2>{s('Text', 'Text')}</h2>
      <p class="message-text" dir="auto" lang={message.language}>
        {message.body}
      </p>
      {props.attachments.length > 0 ? (
        <>
          <h2>{s('Anlagen', 'Attachments')}</h2>
          <ul>
            {props.attachments.map((a) => (
              <li>
                {a.document_id && message.file_id ? <a href={`/staff/files/${message.file_id}/documents/${a.document_id}`}>{a.file_name}</a> : a.file_name} (
                {a.media_type})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{s('Antwort', 'Answer')}</h2>
      {message.answer_body && message.answered_at ? (
        <>
          <p>
            {`${message.answer_by ?? ''}, ${berlin(message.answered_at)} · `}
            {message.read_at ? s(`gelesen ${berlin(message.read_at)}`, `read ${berlin(message.read_at)}`) : s('noch nicht gelesen', 'not read yet')}
          </p>
          <p class="message-text" dir="auto" lang={message.language}>
            {message.answer_body}
          </p>
        </>
      ) : props.canWrite ? (
        <>
          <form method="get" action={`/staff/messages/${message.id}`} class="form-grid">
            <label for="template">{s('Textvorlage', 'Template')}</label>
            <select id="template" name="template">
              <option value="">{s('— keine —', '— none —')}</option>
              {props.templates.map((t) => (
                <option value={t.id} selected={t.id === props.templateId}>
                  {t.name}
                </option>
              ))}
            </select>
            <div>
              <button type="submit" class="button secondary">
                {s('Vorlage einsetzen', 'Use template')}
              </button>
            </div>
          </form>
          <StaffForm c={c} action={`/staff/messages/${message.id}/answer`} submitLabel={s('Antwort senden', 'Send the answer')}>
            <input type="hidden" name="templateId" value={props.templateId ?? ''} />
            <label for="body">{s(`Antwort (in ${languageName(message.language)})`, `Answer (in ${languageName(message.language)})`)}</label>
            <textarea id="body" name="body" rows={10} maxlength={3500} required dir="auto" lang={message.language}>
              {props.draft}
            </textarea>
          </StaffForm>
        </>
      ) : (
        <p>{s('Noch keine Antwort.', 'No answer yet.')}</p>
      )}
      {!message.file_id && props.canWrite ? (
        <>
          <h2>{s('Einer Akte zuordnen', 'Assign to a file')}</h2>
          <StaffForm c={c} action={`/staff/messages/${message.id}/assign`} submitLabel={s('Zuordnen', 'Assign')}>
            <label for="fileReference">{s('Aktenzeichen', 'File reference')}</label>
            <input type="text" id="fileReference" name="fileReference" required maxlength={100} />
          </StaffForm>
        </>
      ) : null}
      <p>
        <a href="/staff/messages">{s('Zurück zu den Nachrichten', 'Back to the messages')}</a>
      </p>
    </StaffLayout>
  );
}

const stateText = (s: (de: string, en: string) => string, state: string) =>
  state === 'missing' ? s('fehlt', 'missing') : state === 'outdated' ? s('veraltet', 'outdated') : s('aktuell', 'current');

export function TemplatesPage(props: { c: Context<AppEnv>; templates: TemplateView[] }) {
  const s = say(props.c);
  return (
    <StaffLayout c={props.c} title={s('Textvorlagen für Antworten', 'Answer templates')}>
      <h1>{s('Textvorlagen für Antworten', 'Answer templates')}</h1>
      <ul>
        {props.templates.map((t) => {
          const open = [...t.texts.values()].filter((x) => x.state !== 'current').length;
          return (
            <li>
              <a href={`/staff/admin/message-templates/${t.id}`}>{t.name}</a>{' '}
              {open > 0 ? s(`(${open} Übersetzungen fehlen oder sind veraltet)`, `(${open} translations missing or outdated)`) : null}
            </li>
          );
        })}
      </ul>
      <h2>{s('Neue Vorlage', 'New template')}</h2>
      <StaffForm c={props.c} action="/staff/admin/message-templates" submitLabel={s('Anlegen', 'Create')}>
        <label for="name">{s('Name', 'Name')}</label>
        <input type="text" id="name" name="name" required maxlength={200} />
        <label for="body">{s('Text (Deutsch)', 'Text (German)')}</label>
        <textarea id="body" name="body" rows={6} required maxlength={3500} />
      </StaffForm>
    </StaffLayout>
  );
}

export function TemplatePage(props: { c: Context<AppEnv>; template: TemplateView }) {
  const { c, template } = props;
  const s = say(c);
  return (
    <StaffLayout c={c} title={template.name}>
      <h1>{template.name}</h1>
      <StaffForm c={c} action={`/staff/admin/message-templates/${template.id}`} submitLabel={s('Speichern', 'Save')}>
        <input type="hidden" name="basedOnVersion" value={String(template.version)} />
        <label for="name">{s('Name', 'Name')}</label>
        <input type="text" id="name" name="name" value={template.name} required maxlength={200} />
        <label for="body">{s('Text (Deutsch)', 'Text (German)')}</label>
        <textarea id="body" name="body" rows={6} required maxlength={3500}>
          {template.german}
        </textarea>
      </StaffForm>
      <h2>{s('Übersetzungen', 'Translations')}</h2>
      {[...template.texts.entries()]
        .filter(([lang]) => lang !== 'de')
        .map(([lang, text]) => (
          <StaffForm
            c={c}
            action={`/staff/admin/message-templates/${template.id}/texts/${lang}`}
            submitLabel={s(`${languageName(lang)} speichern`, `Save ${languageName(lang)}`)}
          >
            <label for={`text-${lang}`}>{`${languageName(lang)} (${lang}) · ${stateText(s, text.state)}`}</label>
            <textarea id={`text-${lang}`} name="body" rows={4} maxlength={3500} dir="auto" lang={lang}>
              {text.body}
            </textarea>
          </StaffForm>
        ))}
      <p>
        <a href="/staff/admin/message-templates">{s('Alle Vorlagen', 'All templates')}</a>
      </p>
    </StaffLayout>
  );
}
