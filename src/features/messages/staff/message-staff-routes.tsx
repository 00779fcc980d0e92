import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { listLocations } from '../../office/index.ts';
import { can, clientIp, currentStaff, idParam, requireStaff } from '../../staff/index.ts';
import { answerMessage } from '../answer-message.ts';
import { assignMessage } from '../assign-message.ts';
import type { MessageDeps } from '../message-deps.ts';
import { unansweredMessages } from '../message-store.ts';
import { listTemplates, saveTemplate, saveTemplateText, templateText } from '../message-templates.ts';
import { openMessage } from '../open-message.ts';
import { InboxPage, MessageStaffPage, TemplatePage, TemplatesPage } from './message-staff-pages.tsx';

const text = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');

/** The messages' staff pages: inbox per location, a message with its answer form, and the admin's templates. */
export function messageStaffRoutes(deps: MessageDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/messages', requireStaff(deps, 'case_file.read'));
  routes.use('/staff/messages/*', requireStaff(deps, 'case_file.read'));
  routes.use('/staff/admin/message-templates', requireStaff(deps, 'office.manage'));
  routes.use('/staff/admin/message-templates/*', requireStaff(deps, 'office.manage'));

  routes.get('/staff/messages', async (c) => {
    const actor = currentStaff(c);
    const locations = await listLocations(deps);
    const names = new Map(locations.map((l) => [l.id, l.name]));
    const rows = await unansweredMessages(deps.db, actor.locationIds);
    return c.html(<InboxPage c={c} now={deps.clock.now()} rows={rows.map((r) => ({ ...r, location: names.get(r.location_id) ?? '' }))} />);
  });

  routes.get('/staff/messages/:id', async (c) => {
    const actor = currentStaff(c);
    const { message, attachments } = await openMessage(deps, actor, idParam(c.req.param('id')), clientIp(c));
    const templates = await listTemplates(deps.db);
    const templateId = templates.find((t) => t.id === c.req.query('template'))?.id;
    const draft = templateId ? ((await templateText(deps.db, templateId, message.language)) ?? '') : '';
    const canWrite = can(actor, 'case_file.write', { locationId: message.location_id });
    return c.html(
      <MessageStaffPage c={c} message={message} attachments={attachments} templates={templates} templateId={templateId} draft={draft} canWrite={canWrite} />,
    );
  });

  routes.post('/staff/messages/:id/answer', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await c.req.parseBody();
    const templateId = /^[0-9a-f-]{36}$/.test(text(form, 'templateId')) ? text(form, 'templateId') : undefined;
    await answerMessage(deps, currentStaff(c), { messageId: id, body: text(form, 'body'), templateId, ip: clientIp(c) });
    return c.redirect(`/staff/messages/${id}`, 303);
  });

  routes.post('/staff/messages/:id/assign', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await c.req.parseBody();
    await assignMessage(deps, currentStaff(c), { messageId: id, fileReference: text(form, 'fileReference'), ip: clientIp(c) });
    return c.redirect(`/staff/messages/${id}`, 303);
  });

  routes.get('/staff/admin/message-templates', async (c) => c.html(<TemplatesPage c={c} templates={await listTemplates(deps.db)} />));

  routes.post('/staff/admin/message-templates', async (c) => {
    const form = await c.req.parseBody();
    const { id } = await saveTemplate(deps, currentStaff(c), { name: text(form, 'name'), body: text(form, 'body') });
    return c.redirect(`/staff/admin/message-templates/${id}`, 303);
  });

  routes.get('/staff/admin/message-templates/:id', async (c) => {
    const template = (await listTemplates(deps.db)).find((t) => t.id === idParam(c.req.param('id')));
    if (!template) throw new AppError('not_found', 'Diese Vorlage gibt es nicht. / There is no such template.');
    return c.html(<TemplatePage c={c} template={template} />);
  });

  routes.post('/staff/admin/message-templates/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await c.req.parseBody();
    await saveTemplate(deps, currentStaff(c), { id, name: text(form, 'name'), body: text(form, 'body'), basedOnVersion: Number(text(form, 'basedOnVersion')) });
    return c.redirect(`/staff/admin/message-templates/${id}`, 303);
  });

  routes.post('/staff/admin/message-templates/:id/texts/:lang', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await c.req.parseBody();
    await saveTemplateText(deps, currentStaff(c), { templateId: id, lang: c.req.param('lang'), body: text(form, 'body') });
    return c.redirect(`/staff/admin/message-templates/${id}`, 303);
  });

  return routes;
}
