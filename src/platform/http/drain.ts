import type { MiddlewareHandler } from 'hono';

/**
 * The state of an instance that is shutting down: it still answers, but tells the load balancer
 * (through /readyz) and its clients (through `Connection: close`) to go elsewhere.
 */
export type Drain = { draining(): boolean; begin(): void };

export function createDrain(): Drain {
  let draining = false;
  return {
    draining: () => draining,
    begin: () => {
      draining = true;
    },
  };
}

/** While draining, no connection is kept alive: the next request of a client opens one elsewhere. */
export function closeConnectionsWhenDraining(drain: Drain): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (drain.draining()) c.header('Connection', 'close');
  };
}
