import { AppError } from '../../../shared/app-error.ts';
import { authorizeChange, recordChange, type AdminDeps, type ChangeContext } from '../admin/change-context.ts';
import * as store from './sso-store.ts';

/**
 * Whether local passwords are refused for every account but the first administrator. Only with an
 * identity provider configured: otherwise nobody else could sign in at all.
 */
export async function requireSingleSignOn(deps: AdminDeps & { ssoConfigured: boolean }, ctx: ChangeContext, required: boolean): Promise<void> {
  await authorizeChange(deps, ctx, 'security.manage');
  if (required && !deps.ssoConfigured)
    throw new AppError('validation_failed', 'Single sign-on is not configured (LOTSE_OIDC_* settings): local sign-in cannot be switched off.', {
      fieldErrors: [{ path: 'ssoRequired', message: 'no identity provider configured' }],
    });
  await deps.db.transaction().execute(async (trx) => {
    const before = await store.lockSignInPolicy(trx);
    await store.setSsoRequired(trx, required);
    await recordChange(trx, deps.clock, ctx, {
      action: 'admin.sign_in_policy.update',
      target: { type: 'sign_in_policy', id: 'sso_required' },
      before,
      after: { sso_required: required },
    });
  });
}

/** For the security page: the setting, and who keeps local sign-in. */
export async function signInPolicy(deps: AdminDeps) {
  const [ssoRequired, firstAdministrator] = await Promise.all([store.ssoRequired(deps.db), store.firstAdministrator(deps.db)]);
  return { ssoRequired, firstAdministrator: firstAdministrator ? `${firstAdministrator.display_name} (${firstAdministrator.username})` : undefined };
}
