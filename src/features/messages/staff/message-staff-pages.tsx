import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName } from '../../../web/i18n.ts';
import { StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import type { TemplateView } from '../message-templates.ts';
import type { MessageRow } from '../message-store.ts';

const berlin = (at: Date) => at.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' });

/** How long a message has waited, in whole hours or days. */
export function ageText(c: Context<AppEnv>, receivedAt: Date, now: Date): string {
  const t = staffT(c);
  const hours = Math.max(0, Math.floor((now.getTime() - receivedAt.getTime()) / 3_600_000));
  if (hours < 48) return t('staff.messages.age.hours', { hours: String(hours) });
  const days = Math.floor(hours / 24);
  return t('staff.messages.age.days', { days: String(days) });
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
  const t = staffT(props.c);
  return (
    <StaffLayout c={props.c} title={t('staff.messages.inbox.messages')}>
      <h1>{t('staff.messages.inbox.unanswered_messages')}</h1>
      {props.rows.length === 0 ? (
        <p>{t('staff.messages.inbox.no_unanswered_messages')}</p>
      ) : (
        <table>
          <caption>{t('staff.messages.inbox.oldest_first')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.messages.inbox.reference')}</th>
              <th scope="col">{t('staff.messages.inbox.location')}</th>
              <th scope="col">{t('staff.messages.common.received')}</th>
              <th scope="col">{t('staff.messages.inbox.waiting')}</th>
              <th scope="col">{t('staff.messages.common.procedure')}</th>
              <th scope="col">{t('staff.messages.common.language')}</th>
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
                <td>{row.procedure_number ?? (row.file_id ? t('staff.messages.inbox.in_a_file') : t('staff.messages.inbox.general'))}</td>
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
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.messages.conversation.title', { reference: message.reference })}>
      <h1>{t('staff.messages.conversation.title', { reference: message.reference })}</h1>
      <dl>
        <dt>{t('staff.messages.conversation.from')}</dt>
        <dd dir="auto">{message.sender_name}</dd>
        <dt>{t('staff.messages.conversation.date_of_birth')}</dt>
        <dd>{message.date_of_birth}</dd>
        <dt>{t('staff.messages.common.language')}</dt>
        <dd>{languageName(message.language)}</dd>
        <dt>{t('staff.messages.common.received')}</dt>
        <dd>{berlin(message.received_at)}</dd>
        <dt>{t('staff.messages.common.procedure')}</dt>
        <dd>{message.procedure_number ?? '—'}</dd>
        <dt>{t('staff.messages.conversation.file')}</dt>
        <dd>
          {message.file_id ? (
            <a href={`/staff/files/${message.file_id}`}>{t('staff.messages.conversation.open_the_file')}</a>
          ) : (
            t('staff.messages.conversation.not_in_a_file_yet')
          )}
        </dd>
      </dl>
      <h2>{t('staff.messages.conversation.text')}</h2>
      <p class="message-text" dir="auto" lang={message.language}>
        {message.body}
      </p>
      {props.attachments.length > 0 ? (
        <>
          <h2>{t('staff.messages.conversation.attachments')}</h2>
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
      <h2>{t('staff.messages.conversation.answer')}</h2>
      {message.answer_body && message.answered_at ? (
        <>
          <p>
            {`${message.answer_by ?? ''}, ${berlin(message.answered_at)} · `}
            {message.read_at ? t('staff.messages.conversation.read', { readAt: berlin(message.read_at) }) : t('staff.messages.conversation.not_read_yet')}
          </p>
          <p class="message-text" dir="auto" lang={message.language}>
            {message.answer_body}
          </p>
        </>
      ) : props.canWrite ? (
        <>
          <form method="get" action={`/staff/messages/${message.id}`} class="form-grid">
            <label for="template">{t('staff.messages.conversation.template')}</label>
            <select id="template" name="template">
              <option value="">{t('staff.messages.conversation.none')}</option>
              {props.templates.map((template) => (
                <option value={template.id} selected={template.id === props.templateId}>
                  {template.name}
                </option>
              ))}
            </select>
            <div>
              <button type="submit" class="button secondary">
                {t('staff.messages.conversation.use_template')}
              </button>
            </div>
          </form>
          <StaffForm c={c} action={`/staff/messages/${message.id}/answer`} submitLabel={t('staff.messages.conversation.send_the_answer')}>
            <input type="hidden" name="templateId" value={props.templateId ?? ''} />
            <label for="body">{t('staff.messages.conversation.answer_in', { language: languageName(message.language) })}</label>
            <textarea id="body" name="body" rows={10} maxlength={3500} required dir="auto" lang={message.language}>
              {props.draft}
            </textarea>
          </StaffForm>
        </>
      ) : (
        <p>{t('staff.messages.conversation.no_answer_yet')}</p>
      )}
      {!message.file_id && props.canWrite ? (
        <>
          <h2>{t('staff.messages.conversation.assign_to_a_file')}</h2>
          <StaffForm c={c} action={`/staff/messages/${message.id}/assign`} submitLabel={t('staff.messages.conversation.assign')}>
            <label for="fileReference">{t('staff.messages.conversation.file_reference')}</label>
            <input type="text" id="fileReference" name="fileReference" required maxlength={100} />
          </StaffForm>
        </>
      ) : null}
      <p>
        <a href="/staff/messages">{t('staff.messages.conversation.back_to_the_messages')}</a>
      </p>
    </StaffLayout>
  );
}

const stateText = (t: (key: string) => string, state: string) =>
  state === 'missing' ? t('staff.messages.state.missing') : state === 'outdated' ? t('staff.messages.state.outdated') : t('staff.messages.state.current');

export function TemplatesPage(props: { c: Context<AppEnv>; templates: TemplateView[] }) {
  const t = staffT(props.c);
  return (
    <StaffLayout c={props.c} title={t('staff.messages.templates.answer_templates')}>
      <h1>{t('staff.messages.templates.answer_templates')}</h1>
      <ul>
        {props.templates.map((template) => {
          const open = [...template.texts.values()].filter((x) => x.state !== 'current').length;
          return (
            <li>
              <a href={`/staff/admin/message-templates/${template.id}`}>{template.name}</a>{' '}
              {open > 0 ? t('staff.messages.templates.translations_open', { open: String(open) }) : null}
            </li>
          );
        })}
      </ul>
      <h2>{t('staff.messages.templates.new_template')}</h2>
      <StaffForm c={props.c} action="/staff/admin/message-templates" submitLabel={t('staff.messages.templates.create')}>
        <label for="name">{t('staff.messages.common.name')}</label>
        <input type="text" id="name" name="name" required maxlength={200} />
        <label for="body">{t('staff.messages.common.text_german')}</label>
        <textarea id="body" name="body" rows={6} required maxlength={3500} />
      </StaffForm>
    </StaffLayout>
  );
}

export function TemplatePage(props: { c: Context<AppEnv>; template: TemplateView }) {
  const { c, template } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={template.name}>
      <h1>{template.name}</h1>
      <StaffForm c={c} action={`/staff/admin/message-templates/${template.id}`} submitLabel={t('staff.messages.template.save')}>
        <input type="hidden" name="basedOnVersion" value={String(template.version)} />
        <label for="name">{t('staff.messages.common.name')}</label>
        <input type="text" id="name" name="name" value={template.name} required maxlength={200} />
        <label for="body">{t('staff.messages.common.text_german')}</label>
        <textarea id="body" name="body" rows={6} required maxlength={3500}>
          {template.german}
        </textarea>
      </StaffForm>
      <h2>{t('staff.messages.template.translations')}</h2>
      {[...template.texts.entries()]
        .filter(([lang]) => lang !== 'de')
        .map(([lang, text]) => (
          <StaffForm
            c={c}
            action={`/staff/admin/message-templates/${template.id}/texts/${lang}`}
            submitLabel={t('staff.messages.template.save_language', { lang: languageName(lang) })}
          >
            <label for={`text-${lang}`}>{`${languageName(lang)} (${lang}) · ${stateText(t, text.state)}`}</label>
            <textarea id={`text-${lang}`} name="body" rows={4} maxlength={3500} dir="auto" lang={lang}>
              {text.body}
            </textarea>
          </StaffForm>
        ))}
      <p>
        <a href="/staff/admin/message-templates">{t('staff.messages.template.all_templates')}</a>
      </p>
    </StaffLayout>
  );
}
