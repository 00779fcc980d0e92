import { z } from '@hono/zod-openapi';
import { languages } from '../../../web/i18n.ts';

const isoDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-01');
const uuid = z.uuid('must be an id from /api/v1/locations or /api/v1/services');
const language = z.enum(languages as [string, ...string[]], `must be one of ${languages.join(', ')}`);

// An id or, as people write URLs by hand, the slug shown by /api/v1/services and /api/v1/locations.
const idOrSlug = (what: string) =>
  z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, `must be a ${what} id or slug from /api/v1/${what}s`)
    .openapi({
      description: `${what[0]!.toUpperCase()}${what.slice(1)} id or slug`,
      example: what === 'service' ? 'aufenthaltstitel-verlaengerung' : 'wetzlar',
    });

export const availabilityQuery = z.object({
  service: idOrSlug('service'),
  location: idOrSlug('location'),
  from: isoDate.openapi({ description: 'First local date, inclusive', example: '2026-12-01' }),
  to: isoDate.openapi({ description: 'Last local date, inclusive (at most 92 days after `from`)', example: '2026-12-14' }),
});

export const availabilityResponse = z
  .object({
    serviceId: z.string(),
    locationId: z.string(),
    timeZone: z.string(),
    slotMinutes: z.number().int(),
    durationMinutes: z.number().int(),
    days: z.array(
      z.object({
        date: z.string(),
        starts: z.array(z.string()).openapi({ example: ['2026-12-01T09:00:00+01:00', '2026-12-01T09:15:00+01:00'] }),
      }),
    ),
  })
  .openapi('Availability');

export const personInput = z
  .object({
    name: z.string().trim().min(1, 'please give a name').max(200, 'at most 200 characters'),
    dateOfBirth: isoDate,
    email: z.string().trim().max(254, 'at most 254 characters').pipe(z.email('is not an e-mail address')),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^\+?[0-9 ()/-]{3,40}$/, 'is not a phone number')
      .nullish(),
    language: language.openapi({ description: 'Language for letters and e-mails' }),
  })
  .strict();

export const bookingBody = z
  .object({
    serviceId: uuid,
    locationId: uuid,
    start: z.string().max(40).openapi({ description: 'A free start from /api/v1/availability', example: '2026-12-01T09:30:00+01:00' }),
    person: personInput,
  })
  .strict()
  .openapi('BookingRequest');

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(16, 'must have at least 16 characters (use a random UUID)')
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain letters, digits and _ . : - only')
    .optional()
    .openapi({ description: 'Repeat a POST with the same key to get the same appointment back instead of a second one.' }),
});

export const appointmentView = z
  .object({
    id: z.string(),
    code: z.string().openapi({ description: 'Terminkennung: 8 characters, no 0/O/1/I/L' }),
    status: z.enum(['booked', 'reserved', 'held', 'cancelled', 'checked_in', 'completed', 'no_show']).openapi({
      description: "'reserved': an invitation not confirmed yet; 'held': a time offered (waiting list, lottery) not accepted yet; both take the time",
    }),
    serviceId: z.string(),
    locationId: z.string(),
    staffId: z.string(),
    resourceId: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    person: z
      .object({ name: z.string(), dateOfBirth: z.string(), email: z.string(), phone: z.string().nullable(), language: z.string() })
      .nullable()
      .openapi({ description: 'Null once the personal data was erased, some days after the appointment (LOTSE_PERSONAL_DATA_RETENTION_DAYS)' }),
    createdBy: z.enum(['online', 'staff']),
    createdAt: z.string(),
    cancelledAt: z.string().nullable(),
  })
  .openapi('Appointment');

export const bookingResponse = z
  .object({
    appointment: appointmentView,
    manageSecret: z.string().openapi({ description: 'Needed to view, cancel or move the appointment. Shown once; only its hash is stored.' }),
  })
  .openapi('Booking');

export const codeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(20)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'K7M2QX9P' }),
});

export const manageSecretInput = {
  header: z.object({ 'x-manage-secret': z.string().min(1).max(100).optional().openapi({ description: 'The manage secret from the booking' }) }),
  query: z.object({ secret: z.string().min(1).max(100).optional().openapi({ description: 'Alternative to X-Manage-Secret (links in e-mails)' }) }),
};

export const rescheduleBody = z
  .object({ start: z.string().max(40).openapi({ description: 'The new start, from /api/v1/availability', example: '2026-12-02T10:00:00+01:00' }) })
  .strict()
  .openapi('RescheduleRequest');

export { problem, problemContent } from '../../../platform/http/problem-schema.ts';
