import net from 'node:net';

/** What clamd said about a stream: clean, or the name of the signature it matched. */
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** One scan under way: the bytes are written as they arrive, the verdict comes after the last. */
export type ScanSession = {
  write(chunk: Uint8Array): Promise<void>;
  finish(): Promise<ScanVerdict>;
  /** Ends the scan without a verdict (the upload was refused for another reason). */
  abort(): void;
};

export type VirusScanner = { start(): Promise<ScanSession>; describe(): string };

/**
 * clamd could not be reached or did not give a verdict (down, timed out, its stream limit
 * exceeded). An upload is then refused, never accepted unscanned.
 */
export class ScannerUnavailableError extends Error {
  constructor(why: string) {
    super(`The virus scanner gave no verdict: ${why}`);
    this.name = 'ScannerUnavailableError';
  }
}

/** `host:port` or the path of clamd's unix socket (starts with `/`). */
export function clamdEndpoint(address: string): net.NetConnectOpts {
  if (address.startsWith('/')) return { path: address };
  const colon = address.lastIndexOf(':');
  const port = Number(address.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Not host:port nor a socket path: ${address}`);
  return { host: address.slice(0, colon).replace(/^\[|\]$/g, ''), port };
}

/**
 * clamd's INSTREAM command (see clamd(8)): `zINSTREAM\0`, then chunks each led by its length as a
 * 4-byte big-endian number, ended by a zero length; clamd answers `stream: OK` or
 * `stream: <signature> FOUND`. The bytes go to clamd while they stream in, so nothing is held for it.
 */
export function clamdScanner(address: string, options: { timeoutMs?: number } = {}): VirusScanner {
  const endpoint = clamdEndpoint(address);
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    describe: () => `clamd at ${address}`,
    start: () =>
      new Promise<ScanSession>((resolve, reject) => {
        const socket = net.createConnection(endpoint);
        socket.setTimeout(timeoutMs);
        let reply = '';
        let failure: ScannerUnavailableError | undefined;
        const ended = new Promise<void>((done) => {
          socket.on('data', (data: Buffer) => {
            reply += data.toString('latin1');
          });
          socket.on('close', () => done());
        });
        socket.on('timeout', () => socket.destroy(new Error('timed out')));
        socket.on('error', (error: NodeJS.ErrnoException) => {
          failure = new ScannerUnavailableError(error.code ?? error.message);
          reject(failure);
        });
        socket.once('connect', () => {
          socket.write('zINSTREAM\0');
          resolve({
            async write(chunk) {
              if (failure) throw failure;
              // clamd closes early when it refuses the stream (its StreamMaxLength): the reply says why.
              if (reply) throw new ScannerUnavailableError(reply.replace(/\0/g, '').trim());
              const length = Buffer.alloc(4);
              length.writeUInt32BE(chunk.byteLength);
              socket.write(length);
              if (!socket.write(chunk)) await waitForDrain(socket);
              if (failure) throw failure;
            },
            async finish() {
              if (failure) throw failure;
              socket.end(Buffer.alloc(4));
              await ended;
              if (failure) throw failure;
              return verdictOf(reply);
            },
            abort() {
              socket.destroy();
            },
          });
        });
      }),
  };
}

function waitForDrain(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

function verdictOf(reply: string): ScanVerdict {
  const line = reply.replace(/\0/g, '').trim();
  if (line === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found?.[1]) return { clean: false, signature: found[1] };
  throw new ScannerUnavailableError(line || 'no answer');
}
