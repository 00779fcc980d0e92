import net from 'node:net';

/**
 * A lean HTTP/1.1 client for load generation: keep-alive sockets, one request at a time per
 * socket, answers read only as far as the status and the body's end. The load generator shares
 * the two cores with Lotse and PostgreSQL; node:http's client used about 0.2 ms of CPU per
 * request, this one a third of that, so more of the machine measures Lotse (docs/performance.md).
 */
export function createLeanClient(options: { host: string; port: number; maxSockets: number }) {
  const idle: Connection[] = [];
  let open = 0;
  const waiting: ((connection: Connection) => void)[] = [];

  const acquire = (): Promise<Connection> => {
    // A socket the server closed while idle (keep-alive timeout) is dropped here.
    let connection = idle.pop();
    while (connection && !connection.usable) {
      forget(connection);
      connection = idle.pop();
    }
    if (connection) return Promise.resolve(connection);
    if (open < options.maxSockets) {
      open++;
      return Promise.resolve(new Connection(options.host, options.port));
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const forget = (connection: Connection) => {
    if (connection.released) return;
    connection.released = true;
    open--;
  };
  const release = (connection: Connection) => {
    const next = waiting.shift();
    if (next) next(connection);
    else idle.push(connection);
  };

  return {
    /** Sends one request; resolves with the status code once the whole answer is in. */
    async request(method: string, path: string, headers: Record<string, string>, body: string): Promise<number> {
      for (let attempt = 0; ; attempt++) {
        const connection = await acquire();
        const reused = connection.answered > 0;
        try {
          return await connection.send(method, path, headers, body);
        } catch (error) {
          // The server may close a kept-alive socket just as a request goes out: once more on a new one.
          if (!reused || attempt > 0) throw error;
        } finally {
          if (connection.usable) release(connection);
          else {
            forget(connection);
            const next = waiting.shift();
            if (next) void acquire().then(next);
          }
        }
      }
    },
    close() {
      for (const connection of idle) connection.destroy();
    },
  };
}

class Connection {
  usable = true;
  /** Its place among the open sockets was given back. */
  released = false;
  answered = 0;
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;

  constructor(host: string, port: number) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
    const fail = (error: Error) => {
      this.usable = false;
      this.pending?.reject(error);
      this.pending = undefined;
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  send(method: string, path: string, headers: Record<string, string>, body: string): Promise<number> {
    if (!this.usable) return Promise.reject(new Error('connection closed'));
    let head = `${method} ${path} HTTP/1.1\r\nhost: bench\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(`${head}\r\n${body}`);
    });
  }

  destroy() {
    this.socket.destroy();
  }

  /** Status line, headers, then a body of content-length bytes or chunks up to the last one. */
  private parse() {
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0 || !this.pending) return;
    const head = this.buffer.toString('latin1', 0, headEnd).toLowerCase();
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/.exec(head);
    let end: number;
    if (length) {
      end = headEnd + 4 + Number(length[1]);
      if (this.buffer.length < end) return;
    } else if (head.includes('\r\ntransfer-encoding: chunked')) {
      const last = this.buffer.indexOf('\r\n0\r\n\r\n', headEnd + 2);
      if (last < 0) return;
      end = last + 7;
    } else {
      end = headEnd + 4;
    }
    if (head.includes('\r\nconnection: close')) this.usable = false;
    this.buffer = this.buffer.subarray(end);
    const { resolve } = this.pending;
    this.pending = undefined;
    this.answered++;
    resolve(status);
  }
}
