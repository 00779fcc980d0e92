import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Lotse's metrics, one registry per process (what Prometheus scrapes is an instance). Labels take
 * only values from small fixed sets (route patterns, statuses, channels, error codes, queue
 * names), never a path, an id or an e-mail address. Counting is an addition in memory: the hot
 * booking path pays nothing more.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'lotse_' });

export const httpRequests = new Counter({
  name: 'lotse_http_requests_total',
  help: 'HTTP requests by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'lotse_http_request_duration_seconds',
  help: 'Time to answer an HTTP request (to the response headers; for event streams, to the stream start), by method and route pattern.',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const bookings = new Counter({
  name: 'lotse_bookings_total',
  help: 'Booking attempts by channel (portal, api, staff) and outcome: booked, replayed (same Idempotency-Key), or the refusal code (slot_taken, validation_failed, …).',
  labelNames: ['channel', 'outcome'] as const,
  registers: [registry],
});

export const availabilityComputations = new Counter({
  name: 'lotse_availability_computations_total',
  help: 'Computations of free times (a calendar or a day of times).',
  registers: [registry],
});

export const jobFailures = new Counter({
  name: 'lotse_job_failures_total',
  help: 'Background jobs that failed (each attempt; pg-boss retries them), by queue.',
  labelNames: ['queue'] as const,
  registers: [registry],
});

export const mailsSent = new Counter({
  name: 'lotse_mails_sent_total',
  help: 'E-mails handed to the SMTP server (or written to the outbox folder).',
  registers: [registry],
});

export const sseConnections = new Gauge({
  name: 'lotse_sse_connections',
  help: 'Open Server-Sent Events streams (displays, desks, reception, kiosks).',
  registers: [registry],
});
