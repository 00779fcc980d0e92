import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import type { LiveEvents, LiveMessage } from '../../../platform/events/live-events.ts';
import { sseConnections } from '../../../platform/metrics/metrics.ts';
import { displayEventsSince, type CallFacts, type DisplayEvent } from '../display-events.ts';
import { displayCall } from '../display-texts.ts';
import type { Db } from '../front-desk-store.ts';

const heartbeatMs = 15_000;
const retryMs = 2_000;
const encoder = new TextEncoder();

/** Parses the resume point: the browser's Last-Event-ID header wins over the page's ?after=. */
export function resumePoint(c: Context): number | null {
  for (const raw of [c.req.header('last-event-id'), c.req.query('after')]) {
    if (raw && /^\d{1,15}$/.test(raw)) return Number(raw);
  }
  return null;
}

function callFrame(event: DisplayEvent): Uint8Array {
  return encoder.encode(`id: ${event.id}\nevent: call\ndata: ${JSON.stringify(displayCall(event.call))}\n\n`);
}

// One live message reaches every display of an instance: encode its frame once, not 300 times.
const frames = new WeakMap<LiveMessage, Uint8Array>();
function frameOf(message: LiveMessage): Uint8Array {
  let frame = frames.get(message);
  if (!frame) {
    frame = callFrame({ id: message.id as number, call: message.data as CallFacts });
    frames.set(message, frame);
  }
  return frame;
}

type Sink = { send(bytes: Uint8Array | string): void; closed(): boolean; end(): void };

/**
 * A text/event-stream response written straight into the response body's stream (no extra
 * pipe per write: a call fans out to hundreds of displays). `start` returns its cleanup.
 */
function eventStream(c: Context, open: (sink: Sink) => () => void): Response {
  // `open` subscribes first: when it refuses (no live events on this instance), nothing has been
  // written yet and the error edge can still answer with its status.
  const start = (sink: Sink) => {
    const close = open(sink);
    sseConnections.inc();
    return () => {
      sseConnections.dec();
      close();
    };
  };
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing && typeof outgoing.writeHead === 'function') return nodeEventStream(outgoing, start);
  let cleanup: (() => void) | undefined;
  let done = false;
  let heartbeat: NodeJS.Timeout | undefined;
  const finish = () => {
    if (done) return;
    done = true;
    clearInterval(heartbeat);
    cleanup?.();
  };
  const body = new ReadableStream<Uint8Array>({
    // A throw here leaves the constructor, before any response exists.
    start(controller) {
      const sink: Sink = {
        send(bytes) {
          if (done) return;
          try {
            controller.enqueue(typeof bytes === 'string' ? encoder.encode(bytes) : bytes);
          } catch {
            finish();
          }
        },
        closed: () => done,
        end() {
          finish();
          try {
            controller.close();
          } catch {
            // already closed
          }
        },
      };
      cleanup = start(sink);
      sink.send(`retry: ${retryMs}\n\n`);
      heartbeat = setInterval(() => sink.send(': heartbeat\n\n'), heartbeatMs);
    },
    cancel: finish,
  });
  c.req.raw.signal.addEventListener('abort', finish);
  return new Response(body, { headers: streamHeaders });
}

const streamHeaders = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' };

/**
 * Under Node (production), frames go straight onto the socket: with hundreds of displays a
 * Web-stream pipe per write costs more than the call itself (see bench/calls.ts).
 */
function nodeEventStream(outgoing: ServerResponse, start: (sink: Sink) => () => void): Response {
  let done = false;
  let heartbeat: NodeJS.Timeout | undefined;
  let cleanup: (() => void) | undefined;
  const finish = () => {
    if (done) return;
    done = true;
    clearInterval(heartbeat);
    cleanup?.();
    if (!outgoing.writableEnded) outgoing.end();
  };
  const sink: Sink = {
    send(bytes) {
      if (!done) outgoing.write(bytes);
    },
    closed: () => done,
    end: () => finish(),
  };
  // Subscribed before the head is written: a refusal throws while the error edge can still answer.
  // Nothing reaches the sink before this function returns (frames come from later callbacks).
  cleanup = start(sink);
  outgoing.writeHead(200, { ...streamHeaders, 'x-content-type-options': 'nosniff' });
  sink.send(`retry: ${retryMs}\n\n`);
  heartbeat = setInterval(() => sink.send(': heartbeat\n\n'), heartbeatMs);
  outgoing.on('close', finish);
  outgoing.on('error', finish);
  return alreadySentStream;
}

/**
 * node-server's "already sent" answer, also naming what was sent: a middleware that sets a header
 * on a response it does not know to be a stream (no-store on staff paths) rebuilds it, and the
 * server then writes the head a second time (ERR_HTTP_HEADERS_SENT) and destroys the stream.
 */
const alreadySentStream = new Response(null, {
  headers: [...RESPONSE_ALREADY_SENT.headers.entries(), ['content-type', streamHeaders['content-type']]],
});

/**
 * The call display's event stream: first every call after the resume point (or the latest 8
 * for a fresh screen), then live calls from this instance's LISTEN connection. The table is read
 * only once the instance listens, and again after every reconnect of its listener, so a call
 * committed meanwhile is read or heard. Live calls arriving during a catch-up wait in a buffer;
 * ids only ever increase on the wire, so a call is never shown twice or skipped.
 */
export function displayStream(c: Context, deps: { db: Db; liveEvents: LiveEvents }, locationId: string): Response {
  const resumeAfter = resumePoint(c);
  return eventStream(c, (sink) => {
    let lastSent = resumeAfter ?? 0;
    let buffer: LiveMessage[] | null = [];
    let pendingCatchUps = 0;
    let catchUps = Promise.resolve();
    let listening = false;
    const sendLive = (message: LiveMessage) => {
      const id = message.id as number;
      if (id <= lastSent) return;
      lastSent = id;
      sink.send(frameOf(message));
    };
    // One after the other: each reads from where the previous one stopped.
    const catchUp = (fresh: boolean) => {
      pendingCatchUps++;
      buffer ??= [];
      catchUps = catchUps.then(async () => {
        try {
          const events = await displayEventsSince(deps.db, locationId, fresh ? null : lastSent, fresh ? 8 : 500);
          for (const event of events) {
            if (event.id <= lastSent) continue;
            lastSent = event.id;
            sink.send(callFrame(event));
          }
        } catch {
          // The browser reconnects with Last-Event-ID and reads the rest then.
          sink.end();
          return;
        }
        if (--pendingCatchUps > 0) return;
        const waiting = buffer ?? [];
        buffer = null;
        for (const message of waiting) sendLive(message);
      });
    };
    const unsubscribe = deps.liveEvents.subscribe(
      locationId,
      (message) => {
        if (message.type !== 'call' || typeof message.id !== 'number') return;
        if (buffer) buffer.push(message);
        else sendLive(message);
      },
      { resync: () => listening && catchUp(false), end: () => sink.end() },
    );
    void deps.liveEvents.ready().then(() => {
      listening = true;
      catchUp(resumeAfter === null);
    });
    return unsubscribe;
  });
}

/** Desk and reception: a nudge whenever the location's queues change; the page fetches its lists anew. */
export function queueStream(c: Context, deps: { liveEvents: LiveEvents }, locationId: string): Response {
  return eventStream(c, (sink) => {
    let pending: NodeJS.Timeout | undefined;
    const nudge = () => {
      // Many changes in one burst become one refresh.
      pending ??= setTimeout(() => {
        pending = undefined;
        sink.send('event: queue\ndata: {}\n\n');
      }, 50);
    };
    const unsubscribe = deps.liveEvents.subscribe(locationId, nudge, { resync: nudge, end: () => sink.end() });
    return () => {
      clearTimeout(pending);
      unsubscribe();
    };
  });
}
