import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { ERRORS, MemoryLocker, Server, type Locker } from '@tus/server';
import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { translate, type Lang } from '../../../web/i18n.ts';
import { checkCsrf, portalLangSegment } from '../../portal/index.ts';
import { addUpload, uploadField } from '../add-upload.ts';
import type { ApplicationDeps } from '../application-deps.ts';

type Deps = Pick<ApplicationDeps, 'db' | 'clock' | 'blobs' | 'uploadMaxBytes' | 'virusScanner' | 'publicUrl'> & {
  /** tus's locks, shared by the instances (platform/storage/upload-locker.ts); in memory when left out (one instance). */
  uploadLocker?: Locker | undefined;
};

/** A partial upload nobody continued for this long is removed (the next upload's creation sweeps). */
export const abandonedAfterMs = 24 * 3600_000;

/** How long the hand-over of a finished upload waits for a request still holding it. */
const finishLockTimeoutMs = 60_000;

/** The address of a resumable upload: `/<lang>/apply/<form>/a/<token>/tus/<field>[/<id>]`. */
const addressPattern = /^\/([a-z]{2,3}(?:-[a-z0-9]{1,8})*)\/apply\/[a-z0-9-]+\/a\/([A-Za-z0-9_-]+)\/tus\/([a-z][a-z0-9_]*)(?:\/([0-9a-f]{48}))?\/?$/;

function addressOf(url: string) {
  const match = addressPattern.exec(new URL(url).pathname);
  if (!match) throw tusError(404, 'en', 'portal.problem.apply_unknown.title');
  return { lang: match[1] as Lang, token: match[2]!, fieldKey: match[3]!, id: match[4] };
}

/**
 * An upload's id begins with a digest of the application's secret and the field: a partial upload
 * is continued only through the address of the application and field it was started for.
 */
const bindingOf = (token: string, fieldKey: string) => createHash('sha256').update(`${token}\n${fieldKey}`).digest('hex').slice(0, 16);

type TusError = { status_code: number; body: string };
const tusError = (status: number, lang: Lang, key: string, values?: Record<string, number>): TusError => ({
  status_code: status,
  body: translate(lang, key, values),
});

/** An applicant's error as the tus answer: its status, the text in the visitor's language. */
function asTusError(error: unknown, lang: Lang): TusError {
  if (!isAppError(error)) throw error;
  const problem = String(error.details?.problem ?? '');
  const max = Number(error.details?.max) || 0;
  if (error.code === 'unavailable') return tusError(503, lang, 'apply.upload.scan_unavailable');
  if (error.code === 'payload_too_large') return tusError(413, lang, 'apply.upload.too_large', { max });
  if (error.code === 'not_found') return tusError(404, lang, 'portal.problem.apply_unknown.title');
  if (error.code === 'conflict') return tusError(409, lang, 'apply.upload.submitted');
  if (problem && problem !== 'tampered') return tusError(422, lang, `apply.upload.${problem}`, { max });
  return tusError(400, lang, 'portal.problem.apply_tampered.title');
}

/**
 * Resumable uploads (tus 1.0.0, `@tus/server`) for an application's file fields. The partial
 * bytes wait in the blob store's temporary folder; the finished file goes through `addUpload`,
 * exactly as a plain form's file does (kind by content, size, PDF pages and scripts, virus scan),
 * and its partial file is removed whatever the outcome. Only a started, unsubmitted application's
 * file fields take uploads, and an Upload-Length over the field's limit is refused at creation.
 */
export function resumableUploadRoutes(deps: Deps): Hono<AppEnv> {
  const directory = path.join(deps.blobs.temporaryFolder, 'resumable');
  // Partial files and their metadata (`<id>.json`, no cache in memory) in the blob store's
  // temporary folder: with several instances it is one shared folder, as the blobs' is.
  const store = new FileStore({ directory });
  const locker = deps.uploadLocker ?? new MemoryLocker();
  const limitOf = async (url: string) => {
    const where = addressOf(url);
    try {
      return (await uploadField(deps, where.token, where.fieldKey)).maxBytes;
    } catch (error) {
      throw asTusError(error, where.lang);
    }
  };
  const tus = new Server({
    path: '/apply',
    datastore: store,
    locker,
    relativeLocation: true,
    allowedOrigins: [new URL(deps.publicUrl).origin],
    disableTerminationForFinishedUploads: true,
    namingFunction: (req) => {
      const where = addressOf(req.url);
      return `${bindingOf(where.token, where.fieldKey)}${randomBytes(16).toString('hex')}`;
    },
    generateUrl: (req, { id }) => `${new URL(req.url).pathname.replace(/\/$/, '')}/${id}`,
    getFileIdFromRequest: (req) => addressOf(req.url).id,
    maxSize: (req) => limitOf(req.url),
    async onIncomingRequest(req, id) {
      const where = addressOf(req.url);
      if (!id.startsWith(bindingOf(where.token, where.fieldKey))) throw tusError(404, where.lang, 'portal.problem.apply_unknown.title');
    },
    async onUploadCreate(_req, upload) {
      await removeAbandoned(store, directory, deps.clock.now());
      // When it was started, by the injected clock: what the sweep of abandoned uploads compares.
      return { metadata: { ...upload.metadata, started: deps.clock.now().toISOString() } };
    },
    async onUploadFinish(req, upload) {
      const where = addressOf(req.url);
      // tus calls this after letting go of the upload's lock: a second PATCH of the last offset
      // (a retry, another instance) would hand the file over again. Under the lock, only the
      // first finds the partial file; the others answer its offset as done.
      const lock = locker.newLock(upload.id);
      await lock.lock(AbortSignal.timeout(finishLockTimeoutMs), () => {});
      try {
        const partial = await store.getUpload(upload.id).catch(() => undefined);
        if (!partial) return {};
        await addUpload(deps, {
          token: where.token,
          fieldKey: where.fieldKey,
          upload: { body: store.read(upload.id), fileName: upload.metadata?.filename ?? '', declaredType: upload.metadata?.filetype ?? undefined },
        });
      } catch (error) {
        throw asTusError(error, where.lang);
      } finally {
        await store.remove(upload.id).catch(() => {});
        await lock.unlock();
      }
      return {};
    },
    async onResponseError(req, error) {
      if (!('status_code' in error)) return undefined;
      // tus's own refusal of an Upload-Length over the limit, said like the plain form says it.
      if (error.status_code === 413) {
        const max = await limitOf(req.url).catch(() => 0);
        return tusError(413, langOf(req.url), 'apply.upload.too_large', { max: Math.round(max / 1024 / 1024) });
      }
      // Another request (on this or another instance) has the upload and did not let go in time,
      // or this one was asked to let go: 423, which tus clients answer by asking the offset again.
      if (error === ERRORS.ERR_LOCK_TIMEOUT || error === ERRORS.ABORTED) return tusError(423, langOf(req.url), 'error.conflict.text');
      if (error === ERRORS.INVALID_OFFSET) return tusError(409, langOf(req.url), 'error.conflict.text');
      return undefined;
    },
  });
  const routes = new Hono<AppEnv>();
  const base = `/${portalLangSegment}/apply/:form/a/:token/tus/:field`;
  routes.post(base, async (c) => {
    checkCsrf(c, { _csrf: c.req.query('_csrf') }, deps.publicUrl);
    return tus.handleWeb(c.req.raw);
  });
  routes.on(['PATCH', 'DELETE'], `${base}/:id`, (c) => tus.handleWeb(c.req.raw));
  // Hono answers HEAD through the GET route; the upload's bytes themselves are never served back.
  routes.get(`${base}/:id`, (c) => (c.req.method === 'HEAD' ? tus.handleWeb(c.req.raw) : c.body(null, 405, { Allow: 'HEAD, PATCH, DELETE' })));
  return routes;
}

const langOf = (url: string): Lang => (addressPattern.exec(new URL(url).pathname)?.[1] ?? 'en') as Lang;

/** Partial uploads started before `now - abandonedAfterMs` (by the clock's word in their metadata) are removed. */
export async function removeAbandoned(store: FileStore, directory: string, now: Date): Promise<number> {
  const names = await fs.readdir(directory).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!/^[0-9a-f]{48}$/.test(name)) continue;
    const upload = await store.getUpload(name).catch(() => undefined);
    const started = Date.parse(upload?.metadata?.started ?? '');
    if (upload && Number.isFinite(started) && now.getTime() - started < abandonedAfterMs) continue;
    await store.remove(name).catch(() => {});
    removed++;
  }
  return removed;
}
