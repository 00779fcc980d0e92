import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { AppError } from '../../shared/app-error.ts';
import type { Logger } from '../log.ts';
import type { DB } from '../../db/schema.generated.ts';

/**
 * Live events across Lotse instances: a change is announced with PostgreSQL NOTIFY inside
 * the transaction that makes it (so nobody hears of a change that rolled back), and every
 * instance LISTENs on one dedicated connection that feeds all of its SSE streams.
 */
export const liveChannel = 'lotse_live';

export type LiveMessage = { topic: string; type: string; id?: number; data: Record<string, unknown> };
export type LiveListener = (message: LiveMessage) => void;

/** Queues a NOTIFY; delivered to every instance when (and only if) the transaction commits. */
export async function announce(trx: Kysely<DB>, message: LiveMessage): Promise<void> {
  const payload = JSON.stringify(message);
  // NOTIFY payloads are limited to 8000 bytes; event payloads are small and carry no personal data.
  if (Buffer.byteLength(payload) > 7900) throw new Error(`Live event too large (${message.type})`);
  await sql`SELECT pg_notify(${liveChannel}, ${payload})`.execute(trx);
}

export type LiveSubscription = {
  /** Runs after every new LISTEN connection but the first: messages may have been missed meanwhile. */
  resync?: () => void;
  /** Runs when the instance shuts down: the stream ends so its client reconnects elsewhere. */
  end?: () => void;
};

export type LiveEvents = {
  /** Listens to one topic (e.g. a location id). */
  subscribe(topic: string, listener: LiveListener, hooks?: LiveSubscription): () => void;
  /**
   * Resolves once the LISTEN connection is established. A stream reads what it missed only after
   * this: a change committed before it is in the table, one committed after it is heard.
   */
  ready(): Promise<void>;
  /** Ends every subscribed stream (shutdown). */
  endStreams(): void;
  /** How many streams follow a topic (a closed stream must not linger). */
  subscriberCount(topic: string): number;
  stop(): Promise<void>;
};

export function createLiveEvents(options: { connectionString: string; logger: Logger; reconnectDelayMs?: number }): LiveEvents {
  const listeners = new Map<string, Set<LiveListener>>();
  const subscriptions = new Set<LiveSubscription>();
  let client: pg.Client | undefined;
  let stopped = false;
  let connecting: Promise<void> | undefined;
  let everConnected = false;

  const dispatch = (raw: string | undefined) => {
    if (!raw) return;
    let message: LiveMessage;
    try {
      message = JSON.parse(raw) as LiveMessage;
    } catch {
      return;
    }
    for (const listener of listeners.get(message.topic) ?? []) listener(message);
  };

  const connect = (): Promise<void> => {
    if (connecting) return connecting;
    connecting = (async () => {
      for (let attempt = 0; !stopped; attempt++) {
        const next = new pg.Client({ connectionString: options.connectionString });
        next.on('notification', (notification) => dispatch(notification.payload));
        next.on('error', (error) => {
          options.logger.warn({ reason: error.message }, 'live events connection lost');
        });
        next.on('end', () => {
          if (client !== next || stopped) return;
          client = undefined;
          connecting = undefined;
          setTimeout(() => void connect().catch(() => {}), options.reconnectDelayMs ?? 500);
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${liveChannel}`);
          // Stopped while this connection was being opened: nobody would ever end it.
          if (stopped) {
            await next.end().catch(() => {});
            return;
          }
          client = next;
          if (everConnected) for (const hooks of subscriptions) hooks.resync?.();
          everConnected = true;
          return;
        } catch (error) {
          await next.end().catch(() => {});
          options.logger.warn({ reason: (error as Error).message, attempt }, 'live events cannot listen yet');
          await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, (options.reconnectDelayMs ?? 500) * (attempt + 1))));
        }
      }
    })();
    return connecting;
  };

  return {
    subscribe(topic, listener, hooks = {}) {
      void connect().catch(() => {});
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(listener);
      // Its own object: two streams passing equal hooks are still two subscriptions.
      const subscription = { ...hooks };
      subscriptions.add(subscription);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
        subscriptions.delete(subscription);
      };
    },
    ready: () => connect(),
    endStreams() {
      for (const hooks of [...subscriptions]) hooks.end?.();
    },
    subscriberCount: (topic) => listeners.get(topic)?.size ?? 0,
    async stop() {
      stopped = true;
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}

/** For an app built without a database listener (some tests): live screens answer 503. */
export const noLiveEvents: LiveEvents = {
  subscribe: () => {
    throw new AppError('unavailable', 'Live updates are not available on this instance.');
  },
  ready: () => Promise.resolve(),
  endStreams: () => {},
  subscriberCount: () => 0,
  stop: () => Promise.resolve(),
};
