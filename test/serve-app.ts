import { after } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { freePort } from './global-setup.ts';

export type ServedApp = { base: string; port: number; stop(): Promise<void> };

/**
 * An app (e.g. createTestApp) on a real port of 127.0.0.1, for browsers, event streams and
 * several instances. It stops when the test file ends, or earlier through `stop()` (a restart
 * may then serve another app on the same `port`).
 */
export async function serveApp(
  app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> },
  options: { port?: number } = {},
): Promise<ServedApp> {
  const port = options.port ?? (await freePort());
  const server: ServerType = await new Promise((resolve) => {
    const running = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(running));
  });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      // Event streams never end by themselves: cut them, or close() waits for ever.
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close(() => resolve());
    });
    return stopped;
  };
  after(stop);
  return { base: `http://127.0.0.1:${port}`, port, stop };
}
