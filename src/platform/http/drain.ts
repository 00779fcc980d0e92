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
