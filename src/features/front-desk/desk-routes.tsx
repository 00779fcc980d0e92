import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { AppError } from '../../shared/app-error.ts';
import { isId } from '../../shared/id.ts';
import { staffLang, staffT } from '../staff/index.ts';
import type { StaffActor } from './actors.ts';
import { callNextTicket } from './call-next.ts';
import { finishTicket, markNoShow, parkTicket, recallTicket, resumeTicket, startService, transferTicket } from './desk-actions.ts';
import { BookingDataPage, CounterChoice, DeskLive, DeskPage } from './desk-pages.tsx';
import type { FrontDeskDeps } from './front-desk-deps.ts';
import { requireStaff } from './http/front-desk-gate.ts';
import { type ScreenStatus, showRefusal } from './http/refused-action.ts';
import { findLocationById } from './front-desk-store.ts';
import type { ScreenNotice } from './front-desk-ui.tsx';
import { bookingOfTicket, deskCounters, deskView } from './queue-overview.ts';
import { deskLocationId } from './staff-locations.ts';

/** The clerk's desk: choose a counter, call, serve, hand over, finish. */
const finishForm = z.object({
  result: z.enum(['done', 'documents_missing']),
  followUp: z.string().optional(),
});
const transferForm = z.object({ to: z.string().max(64), note: z.string().max(2000).default(''), waits: z.string().optional() });

/** The counter a clerk took, remembered in the browser, so the menu's "/desk" leads back to it. */
const deskCookie = 'lotse_desk';

function rememberedDesk(c: Context, actor: StaffActor): { locationId: string; counterId: string } | undefined {
  const [locationId, counterId] = (getCookie(c, deskCookie) ?? '').split('.');
  if (!locationId || !counterId || !isId(locationId) || !isId(counterId) || !actor.locationIds.includes(locationId)) return undefined;
  return { locationId, counterId };
}

export function deskRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const context = async (c: Context<AppEnv>) => {
    const actor = await requireStaff(deps.gate, c);
    const remembered = c.req.query('choose') ? undefined : rememberedDesk(c, actor);
    const locationId = deskLocationId(actor, c.req.query('location') ?? remembered?.locationId);
    const { counters, inUse } = await deskCounters(deps, actor, locationId);
    let counterId = c.req.query('counter') || (remembered?.locationId === locationId ? remembered.counterId : undefined);
    // A ticket in progress stays on screen: its counter is where the clerk is.
    if (!counterId && !c.req.query('choose')) counterId = inUse ?? undefined;
    const counter = counters.find((x) => x.id === counterId);
    return { actor, location: await findLocationById(deps.db, locationId), counters, counter };
  };

  const render = async (c: Context<AppEnv>, notice?: ScreenNotice, status: ScreenStatus = 200) => {
    const { actor, location, counters, counter } = await context(c);
    const lang = staffLang(c);
    if (!counter) return c.html(<CounterChoice c={c} lang={lang} location={location} counters={counters} />, status);
    const view = await deskView(deps, actor, location.id);
    setCookie(c, deskCookie, `${location.id}.${counter.id}`, {
      path: '/desk',
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.publicUrl.startsWith('https://'),
      maxAge: 30 * 86_400,
    });
    return c.html(<DeskPage c={c} lang={lang} location={location} counter={counter} notice={notice} view={view} csrf={deps.gate.csrfToken(c)} />, status);
  };

  app.get('/desk', (c) => render(c));

  app.get('/desk/live', async (c) => {
    const { actor, location, counter } = await context(c);
    const query = `location=${location.id}&counter=${counter?.id ?? ''}`;
    return c.html(<DeskLive lang={staffLang(c)} view={await deskView(deps, actor, location.id)} query={query} csrf={deps.gate.csrfToken(c)} />);
  });

  type Outcome = string | { text: string; link: { href: string; text: string } } | undefined;
  const act = (path: string, action: (actor: StaffActor, c: Context, locationId: string, counterId: string) => Promise<Outcome>) =>
    app.post(path, async (c) => {
      const { actor, location, counter } = await context(c);
      try {
        const outcome = await action(actor, c, location.id, counter?.id ?? c.req.query('counter') ?? '');
        if (typeof outcome === 'string') return render(c, { kind: 'ok', text: outcome });
        if (outcome) return render(c, { kind: 'ok', ...outcome });
        return c.redirect(`/desk?location=${location.id}&counter=${counter?.id ?? ''}`, 303);
      } catch (error) {
        return showRefusal(error, (notice, status) => render(c, notice, status));
      }
    });

  act('/desk/call-next', async (actor, c, locationId, counterId) => {
    const called = await callNextTicket(deps, actor, { locationId, counterId });
    return called ? undefined : staffT(c)('staff.frontdesk.desk.nobody_waiting');
  });
  act('/desk/tickets/:id/recall', async (actor, c) => void (await recallTicket(deps, actor, c.req.param('id') ?? '')));
  act('/desk/tickets/:id/start', async (actor, c) => void (await startService(deps, actor, c.req.param('id') ?? '')));
  act('/desk/tickets/:id/no-show', async (actor, c) => void (await markNoShow(deps, actor, c.req.param('id') ?? '')));
  act('/desk/tickets/:id/park', async (actor, c) => void (await parkTicket(deps, actor, c.req.param('id') ?? '')));
  act('/desk/tickets/:id/resume', async (actor, c, _l, counterId) => void (await resumeTicket(deps, actor, { ticketId: c.req.param('id') ?? '', counterId })));
  act('/desk/tickets/:id/transfer', async (actor, c) => {
    const form = transferForm.safeParse(await c.req.parseBody());
    if (!form.success) throw new AppError('validation_failed', staffT(c)('staff.frontdesk.desk.transfer_invalid'));
    await transferTicket(deps, actor, {
      ticketId: c.req.param('id') ?? '',
      toSpecialtyId: form.data.to,
      note: form.data.note,
      visitorWaits: form.data.waits === 'on',
    });
    return undefined;
  });
  act('/desk/tickets/:id/finish', async (actor, c) => {
    const t = staffT(c);
    const form = finishForm.safeParse(await c.req.parseBody());
    if (!form.success) throw new AppError('validation_failed', t('staff.frontdesk.desk.result_missing'));
    await finishTicket(deps, actor, {
      ticketId: c.req.param('id') ?? '',
      outcome: { result: form.data.result, followUpWanted: form.data.followUp === 'on' },
    });
    if (form.data.result !== 'documents_missing' || form.data.followUp !== 'on') return undefined;
    // The follow-up is booked with the appointment engine through the clerk's own calendar.
    return { text: t('staff.frontdesk.desk.follow_up'), link: { href: '/staff/calendar/book', text: t('staff.frontdesk.desk.follow_up.book') } };
  });

  // Opening the booking data is a read of personal data: audited before anything is shown.
  app.get('/desk/tickets/:id/booking', async (c) => {
    const { actor, location, counter } = await context(c);
    const id = c.req.param('id');
    const booking = isId(id) ? await bookingOfTicket(deps, actor, id) : null;
    if (!booking) throw new AppError('not_found', 'No booking data for this ticket.');
    await deps.audit.personDataOpened(c, { appointmentIds: [booking.appointmentId], screen: 'desk: booking data' });
    return c.html(
      <BookingDataPage c={c} lang={staffLang(c)} location={location} booking={booking} back={`/desk?location=${location.id}&counter=${counter?.id ?? ''}`} />,
    );
  });

  return app;
}
