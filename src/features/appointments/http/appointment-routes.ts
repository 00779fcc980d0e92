import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { clientIp } from '../../../platform/http/client-ip.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { AppError } from '../../../shared/app-error.ts';
import { onlineRequester } from '../requester.ts';
import {
  appointmentView,
  availabilityQuery,
  availabilityResponse,
  bookingBody,
  bookingResponse,
  codeParam,
  idempotencyHeaders,
  manageSecretInput,
  problemContent,
  rescheduleBody,
} from './appointment-schemas.ts';
import type { AppointmentNotifier } from '../appointment-notifier.ts';
import type { BookingGuard } from '../booking-guard.ts';
import { findAppointment } from '../find-appointment.ts';
import type { EngineDeps } from '../engine-deps.ts';
import { getAvailability } from '../get-availability.ts';
import { replayBooking } from '../book-appointment.ts';
import { bookAndNotify, cancelAndNotify, rescheduleAndNotify } from '../notified-changes.ts';
import { idBySlug } from '../id-by-slug.ts';

const tags = ['Appointments'];

const availabilityRoute = createRoute({
  method: 'get',
  path: '/api/v1/availability',
  tags,
  summary: 'Free start times per day for a service at a location',
  request: { query: availabilityQuery },
  responses: {
    200: { description: 'Free starts, ISO 8601 with offset', content: { 'application/json': { schema: availabilityResponse } } },
    422: problemContent('Invalid query'),
  },
});

const bookRoute = createRoute({
  method: 'post',
  path: '/api/v1/appointments',
  tags,
  summary: 'Book an appointment',
  description:
    'The person gets a confirmation e-mail (with .ics and a change/cancel link) and a reminder the day before; a replayed Idempotency-Key sends nothing again.',
  request: { headers: idempotencyHeaders, body: { content: { 'application/json': { schema: bookingBody } }, required: true } },
  responses: {
    201: { description: 'Booked (or the same booking again, for a repeated Idempotency-Key)', content: { 'application/json': { schema: bookingResponse } } },
    409: problemContent('The time was taken meanwhile (slot_taken), or the person already has an appointment for this service (duplicate_booking)'),
    422: problemContent('Invalid input, with an entry per field'),
  },
});

const manageRequest = { params: codeParam, headers: manageSecretInput.header, query: manageSecretInput.query };
const notFound = problemContent('No appointment with this code and secret');

const showRoute = createRoute({
  method: 'get',
  path: '/api/v1/appointments/{code}',
  tags,
  summary: 'Show an appointment (needs the manage secret)',
  request: manageRequest,
  responses: { 200: { description: 'The appointment', content: { 'application/json': { schema: appointmentView } } }, 404: notFound },
});

const cancelRoute = createRoute({
  method: 'delete',
  path: '/api/v1/appointments/{code}',
  tags,
  summary: 'Cancel an appointment (needs the manage secret)',
  description: 'The person gets a cancellation e-mail; repeating the request sends nothing again.',
  request: manageRequest,
  responses: {
    200: { description: 'The cancelled appointment', content: { 'application/json': { schema: appointmentView } } },
    404: notFound,
    409: problemContent('Already begun or checked in'),
  },
});

const rescheduleRoute = createRoute({
  method: 'patch',
  path: '/api/v1/appointments/{code}',
  tags,
  summary: 'Move an appointment to another free start (needs the manage secret)',
  description: 'The person gets an e-mail with the new time, and the reminder follows it.',
  request: { ...manageRequest, body: { content: { 'application/json': { schema: rescheduleBody } }, required: true } },
  responses: {
    200: { description: 'The moved appointment (same code)', content: { 'application/json': { schema: appointmentView } } },
    404: notFound,
    409: problemContent('The new time was taken meanwhile; the appointment is unchanged'),
    422: problemContent('Invalid input'),
  },
});

/**
 * The public JSON API of the appointment engine (citizens; staff operations go through the use
 * cases). Every change records a notice for the person, in the change's transaction.
 */
export function appointmentRoutes(deps: EngineDeps & { bookingGuard: BookingGuard; notices: AppointmentNotifier }): OpenAPIHono<AppEnv> {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const guard = (c: Context, action: 'book' | 'cancel' | 'reschedule', email?: string) =>
    deps.bookingGuard.check({ action, headers: c.req.raw.headers, clientAddress: clientIp(c), email });

  routes.openapi(availabilityRoute, async (c) => {
    const q = c.req.valid('query');
    const [serviceId, locationId] = await Promise.all([idBySlug(deps.db, 'service', q.service), idBySlug(deps.db, 'location', q.location)]);
    try {
      const availability = await getAvailability(deps, { serviceId, locationId, from: q.from, to: q.to, actor: onlineRequester });
      return c.json(availability, 200);
    } catch (error) {
      throw renameFields(error, { serviceId: 'service', locationId: 'location' });
    }
  });

  routes.openapi(bookRoute, async (c) => {
    const body = c.req.valid('json');
    const request = { ...body, actor: onlineRequester, idempotencyKey: c.req.valid('header')['idempotency-key'] };
    // A literal retry (same Idempotency-Key) is answered with its booking before the guard, whose
    // proof of work it has spent already.
    const earlier = await replayBooking(deps, request);
    if (!earlier) await guard(c, 'book', body.person.email);
    const result = earlier ?? (await bookAndNotify(deps, request));
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    c.header('Cache-Control', 'no-store');
    return c.json({ appointment: result.appointment, manageSecret: result.manageSecret }, 201);
  });

  routes.openapi(showRoute, async (c) => {
    const appointment = await findAppointment(deps, locator(c), onlineRequester);
    c.header('Cache-Control', 'no-store');
    return c.json(appointment, 200);
  });

  routes.openapi(cancelRoute, async (c) => {
    await guard(c, 'cancel');
    return c.json(await cancelAndNotify(deps, locator(c), onlineRequester), 200);
  });

  routes.openapi(rescheduleRoute, async (c) => {
    const { start } = c.req.valid('json');
    await guard(c, 'reschedule');
    return c.json(await rescheduleAndNotify(deps, locator(c), { start }, onlineRequester), 200);
  });

  return routes;
}

function locator(c: Context): { code: string; manageSecret: string } {
  const manageSecret = c.req.header('x-manage-secret') ?? c.req.query('secret');
  const code = c.req.param('code') ?? '';
  if (!manageSecret) {
    throw new AppError('validation_failed', 'The manage secret is missing: send it in the X-Manage-Secret header.', {
      fieldErrors: [{ path: 'X-Manage-Secret', message: 'is required' }],
    });
  }
  return { code, manageSecret };
}

function renameFields(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof AppError) || !error.fieldErrors) return error;
  const fieldErrors = error.fieldErrors.map((e) => ({ ...e, path: names[e.path] ?? e.path }));
  return new AppError(error.code, error.message, { fieldErrors, details: error.details });
}
