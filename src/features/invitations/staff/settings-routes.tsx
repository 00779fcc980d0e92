import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { isStaleVersion } from '../../office/index.ts';
import { changeContext, formFields, requireStaff, staffT } from '../../staff/index.ts';
import { invitationSettings } from '../invitation-settings.ts';
import { addTitleService, changeTitleService, removeTitleService, saveInvitationPolicy, titleKind, type SettingsDeps } from '../save-invitation-settings.ts';
import { InvitationSettingsPage, type TypedForm } from './settings-pages.tsx';

const days = z
  .string()
  .trim()
  .regex(/^\d{1,4}$/, 'eine ganze Zahl')
  .transform(Number);
const version = z
  .string()
  .regex(/^\d{1,9}$/, 'fehlt')
  .transform(Number);
const uuid = z.uuid('Bitte eine Leistung wählen.');

const policySchema = z.object({
  version,
  windowFromDays: days,
  windowToDays: days,
  earliestDays: days,
  daysBeforeExpiry: days,
  keepFreePercent: days,
  releaseDaysBefore: days,
  reminderDaysBefore: days,
  reviewBeforeRelease: z.string().max(10).optional(),
});
const addSchema = z.object({ titleKind: z.string().max(40), serviceId: uuid });
const changeSchema = z.object({ version, serviceId: uuid });
const removeSchema = z.object({ version });

type Values = Record<string, string | string[]>;

/** /staff/admin/invitations: the policy and the title-kind → service mapping, for administrators ('office.manage'). */
export function invitationSettingsRoutes(deps: SettingsDeps & Parameters<typeof requireStaff>[0]): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/invitations', requireStaff(deps, 'office.manage'));
  routes.use('/staff/admin/invitations/*', requireStaff(deps, 'office.manage'));

  const page = async (c: Context<AppEnv>, typed?: TypedForm) =>
    c.html(<InvitationSettingsPage c={c} settings={await invitationSettings(deps, changeContext(c))} typed={typed} />);

  const notSaved = (c: Context<AppEnv>) => staffT(c)('staff.invitation_settings.not_saved');

  /** A refused form: the page again with what was typed, 422 for invalid input, 409 for a conflict (someone else saved). */
  async function refused(c: Context<AppEnv>, form: string, values: Values, error: unknown) {
    if (error instanceof z.ZodError) {
      c.status(422);
      const errors = new Map(error.issues.map((issue) => [String(issue.path[0] ?? 'form'), issue.message]));
      return page(c, { form, values, errors, message: notSaved(c) });
    }
    if (!isAppError(error) || (error.code !== 'conflict' && error.code !== 'validation_failed')) throw error;
    c.status(error.code === 'conflict' ? 409 : 422);
    const errors = new Map((error.fieldErrors ?? []).map((field) => [field.path, field.message]));
    const message = isStaleVersion(error) || error.code === 'conflict' ? error.message : notSaved(c);
    // After someone else's save the stored values are shown again (with the new version), not the stale ones typed.
    return page(c, isStaleVersion(error) ? { form: 'stale', values: {}, errors, message } : { form, values, errors, message });
  }

  const saved = (c: Context<AppEnv>) => c.redirect('/staff/admin/invitations?saved=1', 303);

  routes.get('/staff/admin/invitations', (c) => page(c));

  routes.post('/staff/admin/invitations/policy', async (c) => {
    const values = await formFields(c);
    try {
      const form = policySchema.parse(values);
      const { version: loaded, reviewBeforeRelease, ...numbers } = form;
      await saveInvitationPolicy(deps, changeContext(c), loaded, { ...numbers, reviewBeforeRelease: reviewBeforeRelease === 'on' });
      return saved(c);
    } catch (error) {
      return refused(c, 'policy', values, error);
    }
  });

  routes.post('/staff/admin/invitations/services', async (c) => {
    const values = await formFields(c);
    try {
      const form = addSchema.parse(values);
      await addTitleService(deps, changeContext(c), form.titleKind, form.serviceId);
      return saved(c);
    } catch (error) {
      return refused(c, 'add', values, error);
    }
  });

  routes.post('/staff/admin/invitations/services/:kind', async (c) => {
    const kind = titleKind(c.req.param('kind'));
    const values = await formFields(c);
    try {
      const form = changeSchema.parse(values);
      await changeTitleService(deps, changeContext(c), kind, form.version, form.serviceId);
      return saved(c);
    } catch (error) {
      return refused(c, `kind:${kind}`, values, error);
    }
  });

  routes.post('/staff/admin/invitations/services/:kind/delete', async (c) => {
    const kind = titleKind(c.req.param('kind'));
    const values = await formFields(c);
    try {
      await removeTitleService(deps, changeContext(c), kind, removeSchema.parse(values).version);
      return saved(c);
    } catch (error) {
      return refused(c, `kind:${kind}`, values, error);
    }
  });

  return routes;
}
