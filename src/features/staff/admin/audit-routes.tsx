import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { fieldErrorsOf } from '../../../platform/http/validation.ts';
import { AppError } from '../../../shared/app-error.ts';
import { requireStaff } from '../http/staff-auth.tsx';
import { changeContext, type AdminDeps } from './admin-forms.tsx';
import { AuditPage } from './audit-pages.tsx';
import { searchAuditTrail } from './search-audit-trail.ts';

const querySchema = z.object({
  person: z.string().trim().max(200).optional(),
  staff: z.string().trim().max(200).optional(),
  from: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date().optional()),
  to: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date().optional()),
});

/** Admin: search the audit trail by person, staff member and date. */
export function auditRoutes(deps: AdminDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/audit', requireStaff(deps, 'audit.read'));

  routes.get('/staff/admin/audit', async (c) => {
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success) throw new AppError('validation_failed', 'The search contains invalid values.', { fieldErrors: fieldErrorsOf(parsed.error) });
    const entries = await searchAuditTrail(deps, changeContext(c), parsed.data);
    return c.html(<AuditPage c={c} query={parsed.data} entries={entries} />);
  });
  return routes;
}
