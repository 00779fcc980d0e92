import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { asArray, changeContext, formFields, idParam, requireStaff } from '../../staff/index.ts';
import { recordCardEvent } from '../card-events.ts';
import { markDocumentsReceived, requestDocuments } from '../document-requests.ts';
import type { EventDeps } from '../procedure-event.ts';
import { ProcedureEventsPage } from './procedure-events-page.tsx';
import { openProcedureEvents } from '../procedure-events-store.ts';

/** `/staff/procedures/:id/citizen`: clerks ask for documents, mark them received, record the eAT's way. */
export function procedureEventRoutes(deps: EventDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/procedures/:procedureId/citizen', requireStaff(deps));
  routes.use('/staff/procedures/:procedureId/citizen/*', requireStaff(deps));

  async function show(c: Context<AppEnv>, errors: string[] = [], status: 200 | 409 | 422 = 200) {
    const procedure = await openProcedureEvents(deps, changeContext(c), idParam(c.req.param('procedureId')));
    c.header('Cache-Control', 'no-store');
    return c.html(<ProcedureEventsPage c={c} procedure={procedure} errors={errors} />, status);
  }

  const action = (path: string, run: (c: Context<AppEnv>, procedureId: string, form: Record<string, string | string[]>) => Promise<unknown>) =>
    routes.post(`/staff/procedures/:procedureId/citizen/${path}`, async (c) => {
      const procedureId = idParam(c.req.param('procedureId'));
      const form = await formFields(c);
      try {
        await run(c, procedureId, form);
      } catch (error) {
        if (!isAppError(error) || (error.code !== 'validation_failed' && error.code !== 'conflict')) throw error;
        return show(c, [error.message], error.code === 'conflict' ? 409 : 422);
      }
      return c.redirect(`/staff/procedures/${procedureId}/citizen`, 303);
    });

  routes.get('/staff/procedures/:procedureId/citizen', (c) => show(c));
  action('request', (c, procedureId, form) =>
    requestDocuments(deps, changeContext(c), { procedureId, kinds: asArray(form.kinds), note: typeof form.note === 'string' ? form.note : undefined }),
  );
  action('received', (c, procedureId, form) => markDocumentsReceived(deps, changeContext(c), { procedureId, requestIds: asArray(form.requestIds) }));
  action('card', (c, procedureId, form) =>
    recordCardEvent(deps, changeContext(c), {
      procedureId,
      event: form.event,
      cardSerial: typeof form.cardSerial === 'string' && form.cardSerial.trim() ? form.cardSerial : undefined,
    }),
  );
  return routes;
}
