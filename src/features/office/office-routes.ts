import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Database } from '../../db/database.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { validationHook } from '../../platform/http/validation.ts';
import { languages } from '../../web/i18n.ts';
import { listLocations } from './list-locations.ts';
import { listServices } from './list-services.ts';

const locationSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    address: z.string(),
    timeZone: z.string(),
    federalState: z.string().nullable().openapi({ description: 'Federal state whose public holidays close the location' }),
    openingHours: z
      .array(z.object({ weekday: z.number().int().openapi({ description: 'ISO weekday, 1 = Monday' }), opens: z.string(), closes: z.string() }))
      .openapi({
        description:
          'Walk-in hours: when visitors are seen without an appointment. Bookable times come from /api/v1/availability; public holidays and closures are never bookable.',
      }),
  })
  .openapi('Location');

const serviceSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    lang: z.string().openapi({ description: 'Language of the texts: the one asked for, or de where no translation exists' }),
    name: z.string(),
    germanName: z.string().openapi({ description: "The German name, as the office's letters use it" }),
    description: z.string(),
    audience: z.string(),
    requiredDocuments: z.array(z.string()).openapi({ description: 'Mitbringliste: documents to bring' }),
    feeCents: z.number().int().nullable(),
    feeNote: z.string(),
    durationMinutes: z.number().int(),
    slotMinutes: z.number().int(),
    onlineBookable: z.boolean(),
    walkInAllowed: z.boolean(),
    minLeadMinutes: z.number().int(),
    maxDaysAhead: z.number().int(),
    sameDayRelease: z.string().nullable().openapi({ description: "Local time from which today's free slots are bookable online" }),
    requiresResource: z.boolean(),
    locationIds: z.array(z.string()),
  })
  .openapi('Service');

const locationsRoute = createRoute({
  method: 'get',
  path: '/api/v1/locations',
  tags: ['Office'],
  summary: 'Locations with their walk-in hours',
  responses: { 200: { description: 'Active locations', content: { 'application/json': { schema: z.array(locationSchema) } } } },
});

const servicesRoute = createRoute({
  method: 'get',
  path: '/api/v1/services',
  tags: ['Office'],
  summary: 'Services with name, description and documents to bring in one language',
  request: {
    query: z.object({
      lang: z
        .enum(languages as [string, ...string[]], `must be one of ${languages.join(', ')}`)
        .default('de')
        .openapi({ description: 'Language of the texts (German where a translation is missing)' }),
      location: z.uuid('must be an id from /api/v1/locations').optional().openapi({ description: 'Only services offered at this location' }),
    }),
  },
  responses: { 200: { description: 'Active services', content: { 'application/json': { schema: z.array(serviceSchema) } } } },
});

export function officeRoutes(deps: { db: Database }): OpenAPIHono<AppEnv> {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.openapi(locationsRoute, async (c) => c.json(await listLocations(deps), 200));
  routes.openapi(servicesRoute, async (c) => {
    const { lang, location } = c.req.valid('query');
    c.header('Content-Language', lang);
    return c.json(await listServices(deps, { lang, locationId: location }), 200);
  });
  return routes;
}
