import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';
import pg from 'pg';
import type { Logger } from '../log.ts';

/**
 * tus's lock of a resumable upload, shared by every Lotse instance on one database: a
 * session-level PostgreSQL advisory lock per upload, all of an instance's locks on one dedicated
 * connection. An instance that dies loses its connection, and PostgreSQL releases its locks with
 * it. A request that finds an upload locked asks the holder to let go (tus: a client that retries
 * has given up on its earlier request) with a NOTIFY that every instance LISTENs to on the same
 * connection, and tries again until `acquireTimeoutMs`.
 */
export type UploadLocker = Locker & {
  /** Ends the connection (shutdown); uploads under way are cut off and resumed elsewhere. */
  stop(): Promise<void>;
};

export const uploadLockChannel = 'lotse_upload_lock';

/** Advisory lock keys are one bigint space for the whole database: the prefix keeps uploads apart. */
const lockKey = "hashtextextended('tus-upload:' || $1, 0)";

type Holder = { release: RequestRelease; session?: pg.Client };

export function createPostgresUploadLocker(options: { connectionString: string; logger: Logger; acquireTimeoutMs?: number; retryMs?: number }): UploadLocker {
  const acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
  const retryMs = options.retryMs ?? 100;
  /** The uploads this instance holds, or is just asking PostgreSQL for. */
  const holders = new Map<string, Holder>();
  let connecting: Promise<pg.Client> | undefined;
  /** The session being opened or open; its locks are the ones PostgreSQL knows of. */
  let current: pg.Client | undefined;
  let stopped = false;

  const askToRelease = (id: string) => void Promise.resolve(holders.get(id)?.release()).catch(() => {});

  const forget = (session: pg.Client) => {
    if (current !== session) return;
    current = undefined;
    connecting = undefined;
  };

  const open = async (session: pg.Client): Promise<pg.Client> => {
    session.on('notification', (notification) => {
      if (notification.payload) askToRelease(notification.payload);
    });
    session.on('error', (error) => options.logger.warn({ reason: error.message }, 'upload lock connection lost'));
    session.on('end', () => {
      forget(session);
      // PostgreSQL has let go of every lock of this session: their requests must stop writing.
      for (const [id, holder] of holders) if (holder.session === session) askToRelease(id);
    });
    try {
      await session.connect();
      await session.query(`LISTEN ${uploadLockChannel}`);
      return session;
    } catch (error) {
      forget(session);
      await session.end().catch(() => {});
      throw error;
    }
  };

  const connected = (): Promise<pg.Client> => {
    if (stopped) return Promise.reject(new Error('upload locks stopped'));
    if (!connecting) {
      // keepAlive: a connection to a host that vanished without closing it is noticed, and its locks freed.
      current = new pg.Client({ connectionString: options.connectionString, keepAlive: true, application_name: 'lotse-upload-locks' });
      connecting = open(current);
    }
    return connecting;
  };

  const newLock = (id: string): Lock => {
    let held: Holder | undefined;
    return {
      async lock(signal, requestRelease) {
        const gaveUp = AbortSignal.any([signal, AbortSignal.timeout(acquireTimeoutMs)]);
        let warned = false;
        while (!gaveUp.aborted) {
          if (holders.has(id)) {
            // Another request of this instance has it: the same session would be granted it again.
            askToRelease(id);
          } else {
            const holder: Holder = { release: requestRelease };
            holders.set(id, holder);
            try {
              holder.session = await connected();
              const result = await holder.session.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${lockKey}) AS locked`, [id]);
              if (result.rows[0]?.locked) {
                held = holder;
                return;
              }
              holders.delete(id);
              await holder.session.query('SELECT pg_notify($1, $2)', [uploadLockChannel, id]);
            } catch (error) {
              if (holders.get(id) === holder) holders.delete(id);
              // Once per request: it tries again every retryMs while the database is away.
              if (!warned) options.logger.warn({ reason: (error as Error).message }, 'upload lock not available');
              warned = true;
            }
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, retryMs);
            function done() {
              clearTimeout(timer);
              gaveUp.removeEventListener('abort', done);
              resolve();
            }
            gaveUp.addEventListener('abort', done);
          });
        }
        throw ERRORS.ERR_LOCK_TIMEOUT;
      },
      async unlock() {
        const holder = held;
        if (!holder) throw new Error('Releasing an unlocked lock!');
        held = undefined;
        if (holders.get(id) === holder) holders.delete(id);
        // A session that ended took its locks with it; the next one never had this one.
        if (!holder.session || current !== holder.session) return;
        await holder.session.query(`SELECT pg_advisory_unlock(${lockKey})`, [id]).catch((error: Error) => {
          options.logger.warn({ reason: error.message }, 'upload lock not released');
        });
      },
    };
  };

  return {
    newLock,
    async stop() {
      stopped = true;
      const session = current;
      if (!session) return;
      forget(session);
      await session.end().catch(() => {});
    },
  };
}
