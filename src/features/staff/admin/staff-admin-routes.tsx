import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { requireStaff } from '../http/staff-auth.tsx';
import { staffRoles } from '../roles.ts';
import { asArray, changeContext, idParam, parseForm, type AdminDeps } from './admin-forms.tsx';
import {
  createAccount,
  newAccountChoices,
  resetTwoFactor,
  setPassword,
  signOutEverywhere,
  staffAccount,
  staffAccounts,
  updateAccount,
} from './manage-staff-accounts.ts';
import { NewStaffAccountPage, StaffAccountPage, StaffAccountsPage } from './staff-admin-pages.tsx';

const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());
const accountSchema = z.object({
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(staffRoles),
  active: checkbox,
  locationIds: z.preprocess(asArray, z.array(z.uuid()).max(50)),
  specialtyIds: z.preprocess(asArray, z.array(z.uuid()).max(100)),
});

const staffIdParam = (value: string | undefined) => idParam(value, 'There is no such staff member.');

/** Admin: staff accounts, roles, specialties, locations; password and two-factor resets. */
export function staffAdminRoutes(deps: AdminDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/staff', requireStaff(deps, 'staff.manage'));
  routes.use('/staff/admin/staff/*', requireStaff(deps, 'staff.manage'));

  routes.get('/staff/admin/staff', async (c) => c.html(<StaffAccountsPage c={c} staff={await staffAccounts(deps)} />));

  routes.get('/staff/admin/staff/new', async (c) => {
    const [locations, specialties] = await newAccountChoices(deps);
    return c.html(<NewStaffAccountPage c={c} locations={locations} specialties={specialties} />);
  });

  routes.post('/staff/admin/staff', async (c) => {
    const form = await parseForm(c, accountSchema.extend({ username: z.string().trim().max(63), password: z.string().max(200) }));
    const id = await createAccount(deps, changeContext(c), form);
    return c.redirect(`/staff/admin/staff/${id}?saved=1`, 303);
  });

  routes.get('/staff/admin/staff/:id', async (c) => {
    const id = staffIdParam(c.req.param('id'));
    return c.html(<StaffAccountPage c={c} id={id} view={await staffAccount(deps, id)} />);
  });

  routes.post('/staff/admin/staff/:id', async (c) => {
    const id = staffIdParam(c.req.param('id'));
    await updateAccount(deps, changeContext(c), id, await parseForm(c, accountSchema));
    return c.redirect(`/staff/admin/staff/${id}?saved=1`, 303);
  });

  routes.post('/staff/admin/staff/:id/password', async (c) => {
    const id = staffIdParam(c.req.param('id'));
    const form = await parseForm(c, z.object({ password: z.string().max(200) }));
    await setPassword(deps, changeContext(c), id, form.password);
    return c.redirect(`/staff/admin/staff/${id}?saved=1`, 303);
  });

  routes.post('/staff/admin/staff/:id/reset-two-factor', async (c) => {
    const id = staffIdParam(c.req.param('id'));
    await resetTwoFactor(deps, changeContext(c), id);
    return c.redirect(`/staff/admin/staff/${id}?saved=1`, 303);
  });

  routes.post('/staff/admin/staff/:id/sign-out', async (c) => {
    const id = staffIdParam(c.req.param('id'));
    await signOutEverywhere(deps, changeContext(c), id);
    return c.redirect(`/staff/admin/staff/${id}?saved=1`, 303);
  });

  return routes;
}
