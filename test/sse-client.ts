/** A small Server-Sent Events reader for tests and benchmarks (fetch + stream parsing). */
export type SseEvent = { id: string | undefined; event: string; data: string; receivedAt: number };

export type SseConnection = {
  events: SseEvent[];
  /** Resolves with the first event (already received or future) that matches. */
  next(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves once the server has sent its first bytes (the stream is open). */
  opened: Promise<void>;
  /** Resolves when the server ends the stream (or it fails), with the time it ended. */
  ended: Promise<number>;
  close(): void;
};

export function openEventStream(url: string, headers: Record<string, string> = {}, onEvent?: (event: SseEvent) => void): SseConnection {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  const waiters = new Set<{ match: (event: SseEvent) => boolean; resolve: (event: SseEvent) => void }>();
  let markOpen: () => void = () => {};
  let failOpen: (error: unknown) => void = () => {};
  const opened = new Promise<void>((resolve, reject) => {
    markOpen = resolve;
    failOpen = reject;
  });
  opened.catch(() => {});

  const ended = (async () => {
    try {
      const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let first = true;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (first) {
          first = false;
          markOpen();
        }
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id: string | undefined;
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('id:')) id = line.slice(3).trim();
            else if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length === 0) continue;
          const parsed = { id, event, data: data.join('\n'), receivedAt: performance.now() };
          events.push(parsed);
          onEvent?.(parsed);
          for (const waiter of waiters) {
            if (waiter.match(parsed)) {
              waiters.delete(waiter);
              waiter.resolve(parsed);
            }
          }
        }
      }
    } catch (error) {
      failOpen(error);
    }
    return performance.now();
  })();

  return {
    events,
    opened,
    ended,
    next(match, timeoutMs = 5_000) {
      const found = events.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`no matching event within ${timeoutMs} ms (got ${events.length} events)`));
        }, timeoutMs).unref();
      });
    },
    close: () => controller.abort(),
  };
}
