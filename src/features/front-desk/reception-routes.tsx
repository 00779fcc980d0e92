import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { AppError } from '../../shared/app-error.ts';
import { isId } from '../../shared/id.ts';
import { isLanguage } from '../../web/i18n.ts';
import { staffLang, staffT } from '../staff/index.ts';
import { permitFrontDeskAction, type StaffActor } from './actors.ts';
import { checkInWithCode, createWalkInTicket } from './check-in.ts';
import { markPriority } from './desk-actions.ts';
import { appointmentShareGoal, dayFigures } from './figures.ts';
import type { FrontDeskDeps } from './front-desk-deps.ts';
import { requireStaff } from './http/front-desk-gate.ts';
import { type ScreenStatus, showRefusal } from './http/refused-action.ts';
import { findLocationById, type LocationRow } from './front-desk-store.ts';
import { priorityReasons, type ScreenNotice } from './front-desk-ui.tsx';
import { queueStream } from './http/live-streams.ts';
import { receptionServices, todaysAppointments, waitingQueues } from './queue-overview.ts';
import { FiguresPage, ReceptionLive, ReceptionPage } from './reception-pages.tsx';
import { chooseLocation, locationChoices } from './staff-locations.ts';

/** Reception ("Lotse" at the entrance), the day's figures, and the nudge stream of desk and reception. */
const walkInForm = z.object({
  service: z.string().max(64),
  lang: z.string().max(10),
  priority: z.string().optional(),
  reason: z.enum(priorityReasons).optional(),
  surname: z.string().max(200).optional(),
  nationality: z.string().max(2).optional(),
});
const checkInForm = z.object({ code: z.string().max(400), nationality: z.string().max(2).optional() });
const priorityForm = z.object({ priority: z.enum(['on', 'off']), reason: z.enum(priorityReasons).optional() });

export function receptionRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const context = async (c: Context<AppEnv>, screen: 'reception' | 'figures' = 'reception') => {
    const actor = await requireStaff(deps.gate, c);
    const choices = await locationChoices(deps.db, actor, screen);
    const location = await findLocationById(deps.db, chooseLocation(choices, c.req.query('location')).id);
    return { actor, location, choices };
  };

  const live = async (c: Context<AppEnv>, actor: StaffActor, location: LocationRow, search: string | undefined) => {
    const [queues, appointments] = await Promise.all([waitingQueues(deps, actor, location.id), todaysAppointments(deps, actor, location.id, search)]);
    if (appointments.length) await deps.audit.personDataOpened(c, { appointmentIds: appointments.map((a) => a.id), screen: 'reception: appointments today' });
    return { queues, appointments };
  };

  const render = async (c: Context<AppEnv>, notice?: ScreenNotice, status: ScreenStatus = 200) => {
    const { actor, location, choices } = await context(c);
    permitFrontDeskAction(actor, 'reception', location.id);
    const lang = staffLang(c);
    const search = c.req.query('q');
    const [data, services] = await Promise.all([live(c, actor, location, search), receptionServices(deps, actor, location.id, lang)]);
    return c.html(
      <ReceptionPage
        c={c}
        lang={lang}
        location={location}
        choices={choices}
        notice={notice}
        services={services}
        search={search}
        live={data}
        csrf={deps.gate.csrfToken(c)}
      />,
      status,
    );
  };

  const act = (path: string, action: (actor: StaffActor, c: Context, location: LocationRow) => Promise<string>) =>
    app.post(path, async (c) => {
      const { actor, location } = await context(c);
      try {
        return await render(c, { kind: 'ok', text: await action(actor, c, location) });
      } catch (error) {
        return showRefusal(error, (notice, status) => render(c, notice, status));
      }
    });

  app.get('/reception', (c) => render(c));
  app.get('/reception/live', async (c) => {
    const { actor, location } = await context(c);
    return c.html(
      <ReceptionLive
        lang={staffLang(c)}
        {...(await live(c, actor, location, c.req.query('q')))}
        query={`location=${location.id}`}
        csrf={deps.gate.csrfToken(c)}
        timeZone={location.time_zone}
      />,
    );
  });
  act('/reception/check-in', async (actor, c, location) => {
    const t = staffT(c);
    const form = checkInForm.safeParse(await c.req.parseBody());
    if (!form.success) throw new AppError('validation_failed', t('staff.frontdesk.reception.code_missing'));
    const nationality = form.data.nationality?.trim().toUpperCase() || undefined;
    const ticket = await checkInWithCode(deps, actor, { locationId: location.id, code: form.data.code, routing: nationality ? { nationality } : {} });
    return t('staff.frontdesk.reception.checked_in', { number: ticket.displayNumber });
  });
  act('/reception/walk-in', async (actor, c, location) => {
    const t = staffT(c);
    const form = walkInForm.safeParse(await c.req.parseBody());
    if (!form.success || !isId(form.data.service) || !isLanguage(form.data.lang))
      throw new AppError('validation_failed', t('staff.frontdesk.reception.walk_in_invalid'));
    const nationality = form.data.nationality?.trim().toUpperCase();
    if (nationality && !/^[A-Z]{2}$/.test(nationality)) throw new AppError('validation_failed', t('staff.frontdesk.reception.nationality_invalid'));
    const ticket = await createWalkInTicket(deps, actor, {
      locationId: location.id,
      serviceId: form.data.service,
      language: form.data.lang,
      priority: form.data.priority === 'on',
      priorityReason: form.data.reason,
      routing: { surname: form.data.surname?.trim() || null, nationality: nationality || null },
    });
    return t('staff.frontdesk.reception.issued', { number: ticket.displayNumber });
  });
  act('/reception/tickets/:id/priority', async (actor, c) => {
    const t = staffT(c);
    const form = priorityForm.safeParse(await c.req.parseBody());
    if (!form.success) throw new AppError('validation_failed', t('staff.frontdesk.reception.priority_invalid'));
    await markPriority(deps, actor, { ticketId: c.req.param('id') ?? '', priority: form.data.priority === 'on', reason: form.data.reason });
    return t(form.data.priority === 'on' ? 'staff.frontdesk.reception.priority_set' : 'staff.frontdesk.reception.priority_removed');
  });

  app.get('/front-desk/events', async (c) => {
    const { actor, location } = await context(c, 'figures');
    permitFrontDeskAction(actor, 'figures', location.id);
    return queueStream(c, deps, location.id);
  });

  app.get('/figures', async (c) => {
    const { actor, location, choices } = await context(c, 'figures');
    const figures = await dayFigures(deps, actor, location.id);
    return c.html(<FiguresPage c={c} lang={staffLang(c)} location={location} choices={choices} figures={figures} goal={appointmentShareGoal} />);
  });

  return app;
}
