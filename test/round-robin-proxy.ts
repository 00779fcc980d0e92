import http from 'node:http';
import type net from 'node:net';

// Per connection, not end to end: a proxy never passes these on (RFC 9110, 7.6.1).
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));
}

/**
 * A small HTTP load balancer for tests, doing what nginx or Caddy do in front of Lotse: requests
 * go to the instances in turn; each gets X-Forwarded-For with the client's address appended (what
 * the client sent stays to the left of it); the proxy connects from 127.0.0.1, the one address
 * Lotse is told to trust. An instance that refuses the connection (it is gone) is skipped and the
 * request goes to the next one: nothing was sent, so even a POST is safe to pass on. An instance
 * that dies while answering leaves its client a 502, or a stream that ends.
 */
export async function roundRobinProxy(instancePorts: number[]) {
  let turn = 0;
  /** Which instance answered which request, in the order the answers began. */
  const routed: { method: string; path: string; instance: number }[] = [];
  const sockets = new Set<net.Socket>();

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => forward(Buffer.concat(chunks), 0));
    const forwardedFor = [request.headers['x-forwarded-for'], request.socket.remoteAddress].filter(Boolean).join(', ');

    function forward(body: Buffer, tried: number): void {
      const instance = turn++ % instancePorts.length;
      const upstream = http.request({
        host: '127.0.0.1',
        port: instancePorts[instance],
        localAddress: '127.0.0.1',
        method: request.method,
        path: request.url,
        agent: false,
        headers: {
          ...endToEnd(request.headers),
          'x-forwarded-for': forwardedFor,
          'x-forwarded-proto': 'http',
          'x-forwarded-host': request.headers.host ?? '',
          ...(body.length > 0 ? { 'content-length': String(body.length) } : {}),
        },
      });
      upstream.on('response', (answer) => {
        routed.push({ method: request.method ?? '', path: request.url ?? '', instance });
        response.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(response);
        // The instance died in the middle of its answer: the client's stream breaks off too.
        answer.on('close', () => {
          if (!answer.complete) response.destroy();
        });
      });
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED' && tried + 1 < instancePorts.length) return forward(body, tried + 1);
        if (response.headersSent) response.destroy();
        else response.writeHead(502, { 'content-type': 'text/plain' }).end(`bad gateway: ${error.code ?? error.message}`);
      });
      // A client that leaves (a display switched off) closes its stream on the instance too.
      response.on('close', () => upstream.destroy());
      upstream.end(body);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    routed,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
