import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { currentStaff, requireStaff, type StaffHttpDeps } from './staff-auth.tsx';

const me = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['admin', 'team_lead', 'clerk', 'reception']),
    locationIds: z.array(z.uuid()),
    specialtyIds: z.array(z.uuid()),
    via: z.enum(['session', 'api_token']),
  })
  .openapi('StaffMember');

const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/me',
  tags: ['Staff'],
  summary: 'Who is calling: the signed-in staff member or the owner of the API token, with the role in effect',
  security: [{ bearerAuth: [] }],
  responses: {
    200: { description: 'The caller', content: { 'application/json': { schema: me } } },
    401: { description: 'No session or token, or an unknown, expired or revoked token' },
  },
});

/** Staff JSON API; authenticated by session cookie (+ CSRF for writes) or `Authorization: Bearer`. */
export function staffApiRoutes(deps: StaffHttpDeps) {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'Personal API token (lotse_pat_…) or device token (lotse_dev_…)',
  });
  api.use('/api/v1/staff/*', requireStaff(deps));
  api.openapi(meRoute, (c) => {
    const actor = currentStaff(c);
    return c.json(
      {
        id: actor.staffId,
        username: actor.username,
        displayName: actor.displayName,
        role: actor.role,
        locationIds: [...actor.locationIds],
        specialtyIds: [...actor.specialtyIds],
        via: actor.via,
      },
      200,
    );
  });
  return api;
}
