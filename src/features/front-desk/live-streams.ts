import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { LiveEvents } from '../../platform/events/live-events.ts';
import { displayEventsSince, type DisplayCall, type DisplayEvent } from './display-events.ts';
import type { Db } from './front-desk-store.ts';

const heartbeatMs = 15_000;
const retryMs = 2_000;

/** Parses the resume point: the browser's Last-Event-ID header wins over the page's ?after=. */
export function resumePoint(c: Context): number | null {
  for (const raw of [c.req.header('last-event-id'), c.req.query('after')]) {
    if (raw && /^\d{1,15}$/.test(raw)) return Number(raw);
  }
  return null;
}

/**
 * The call display's event stream: first every call after the resume point (or the latest 8
 * for a fresh screen), then live calls from this instance's LISTEN connection. Writes go
 * through one chain and ids only ever increase, so a call is never shown twice or skipped.
 */
export function displayStream(c: Context, deps: { db: Db; liveEvents: LiveEvents }, locationId: string): Response {
  const resumeAfter = resumePoint(c);
  return streamSSE(c, async (stream) => {
    let lastSent = resumeAfter ?? 0;
    let chain: Promise<void> = Promise.resolve();
    const enqueue = (work: () => Promise<void>) => {
      chain = chain.then(work).catch(() => {});
    };
    const send = async (event: DisplayEvent) => {
      if (event.id <= lastSent) return;
      lastSent = event.id;
      await stream.writeSSE({ id: String(event.id), event: 'call', data: JSON.stringify(event.call) });
    };
    const catchUp = (fresh: boolean) =>
      enqueue(async () => {
        for (const event of await displayEventsSince(deps.db, locationId, fresh ? null : lastSent, fresh ? 8 : 500)) await send(event);
      });
    const unsubscribe = deps.liveEvents.subscribe(
      locationId,
      (message) => {
        if (message.type === 'call' && typeof message.id === 'number') enqueue(() => send({ id: message.id as number, call: message.data as DisplayCall }));
      },
      () => catchUp(false),
    );
    await keepOpen(stream, () => {
      catchUp(resumeAfter === null);
    }, unsubscribe);
  });
}

/** Desk and reception: a nudge whenever the location's queues change; the page fetches its lists anew. */
export function queueStream(c: Context, deps: { liveEvents: LiveEvents }, locationId: string): Response {
  return streamSSE(c, async (stream) => {
    let pending = false;
    const unsubscribe = deps.liveEvents.subscribe(
      locationId,
      () => {
        // Many changes in one burst become one refresh.
        if (pending) return;
        pending = true;
        setTimeout(() => {
          pending = false;
          void stream.writeSSE({ event: 'queue', data: '{}' }).catch(() => {});
        }, 50);
      },
      () => void stream.writeSSE({ event: 'queue', data: '{}' }).catch(() => {}),
    );
    await keepOpen(stream, () => {}, unsubscribe);
  });
}

async function keepOpen(stream: SSEStreamingApi, start: () => void, cleanup: () => void): Promise<void> {
  await stream.write(`retry: ${retryMs}\n\n`);
  start();
  const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n').catch(() => {}), heartbeatMs);
  await new Promise<void>((resolve) => stream.onAbort(resolve));
  clearInterval(heartbeat);
  cleanup();
}
