import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { changeContext, idParam, requireStaff } from '../../staff/index.ts';
import type { CaseFileDeps } from '../case-file-deps.ts';
import { listProcedureTypes, procedureTypeWithStatuses, serviceChoices } from './procedure-type-store.ts';
import { ProcedureTypeListPage, ProcedureTypePage } from './procedure-type-pages.tsx';
import { moveProcedureStatus, saveProcedureStatus } from './save-procedure-status.ts';
import { saveProcedureType } from './save-procedure-type.ts';

async function formValues(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'));
}

/** Form fields `texts.<lang>.label` / `texts.<lang>.nextStep` as `{ <lang>: { label, nextStep } }`. */
function textsOf(form: Record<string, string>) {
  const texts: Record<string, { label: string; nextStep: string }> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^texts\.([^.]+)\.(label|nextStep)$/.exec(key);
    if (!match?.[1] || !match[2]) continue;
    const entry = texts[match[1]] ?? { label: '', nextStep: '' };
    entry[match[2] as 'label' | 'nextStep'] = value;
    texts[match[1]] = entry;
  }
  return texts;
}

/** The catalogue admin (procedure_type.manage): types, their ordered statuses and the citizen-facing texts. */
export function procedureTypeRoutes(deps: CaseFileDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/procedure-types', requireStaff(deps, 'procedure_type.manage'));
  routes.use('/staff/admin/procedure-types/*', requireStaff(deps, 'procedure_type.manage'));

  routes.get('/staff/admin/procedure-types', async (c) =>
    c.html(<ProcedureTypeListPage c={c} types={await listProcedureTypes(deps.db)} services={await serviceChoices(deps.db)} />),
  );

  routes.post('/staff/admin/procedure-types', async (c) => {
    const { id } = await saveProcedureType(deps, changeContext(c), await formValues(c));
    return c.redirect(`/staff/admin/procedure-types/${id}`, 303);
  });

  routes.get('/staff/admin/procedure-types/:id', async (c) => {
    const detail = await procedureTypeWithStatuses(deps.db, idParam(c.req.param('id')));
    if (!detail) throw new AppError('not_found', 'Diese Verfahrensart gibt es nicht. / No such procedure type.');
    const status = c.req.query('status');
    return c.html(<ProcedureTypePage c={c} detail={detail} services={await serviceChoices(deps.db)} editStatusId={status} />);
  });

  routes.post('/staff/admin/procedure-types/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    await saveProcedureType(deps, changeContext(c), { ...(await formValues(c)), id });
    return c.redirect(`/staff/admin/procedure-types/${id}`, 303);
  });

  routes.post('/staff/admin/procedure-types/:id/statuses', async (c) => {
    const typeId = idParam(c.req.param('id'));
    const form = await formValues(c);
    const { id } = await saveProcedureStatus(deps, changeContext(c), {
      typeId,
      statusId: form.statusId,
      code: form.code,
      isFinal: form.isFinal,
      notify: form.notify,
      texts: textsOf(form),
    });
    return c.redirect(`/staff/admin/procedure-types/${typeId}?status=${id}#status-form`, 303);
  });

  routes.post('/staff/admin/procedure-types/:id/statuses/:statusId/move', async (c) => {
    const typeId = idParam(c.req.param('id'));
    const form = await formValues(c);
    await moveProcedureStatus(deps, changeContext(c), { statusId: idParam(c.req.param('statusId')), direction: form.direction === 'up' ? 'up' : 'down' });
    return c.redirect(`/staff/admin/procedure-types/${typeId}`, 303);
  });

  return routes;
}
