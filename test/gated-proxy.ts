import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that holds new connections until it is opened: it makes
 * "the LISTEN connection is not there yet" last exactly as long as a test needs.
 */
export async function gatedProxy(targetUrl: string) {
  const target = new URL(targetUrl);
  // The test server may be reached through its Unix socket (?host=/tmp).
  const socketDir = target.searchParams.get('host');
  const connectUpstream = () =>
    socketDir?.startsWith('/') ? net.connect(`${socketDir}/.s.PGSQL.${target.port || 5432}`) : net.connect(Number(target.port || 5432), target.hostname);
  let open = false;
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const forward = () => {
      const upstream = connectUpstream();
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
    };
    if (open) forward();
    else held.push(forward);
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  url.searchParams.delete('host');
  return {
    url: url.toString(),
    open() {
      open = true;
      for (const forward of held.splice(0)) forward();
    },
    /** New connections wait again; those already through stay. */
    hold() {
      open = false;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
