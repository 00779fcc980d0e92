import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';

/**
 * Static CSS and scripts under content-hashed names (`base.3f2a9c1e.css`), compressed
 * once at start and cached by browsers for a year. See docs/decisions.md for why this
 * replaces a Vite build.
 */
type Asset = { body: Buffer; gzip: Buffer; brotli: Buffer; type: string };

const folder = fileURLToPath(new URL('./assets/', import.meta.url));
const types: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  mp3: 'audio/mpeg',
  ico: 'image/x-icon',
};

const byHashedName = new Map<string, Asset>();
const hashedNameOf = new Map<string, string>();

/** Browser builds served from installed packages, under a name of ours: no copy to keep in step with package.json. */
const fromPackages: Record<string, string> = { 'tus.js': 'tus-js-client/dist/tus.min.js' };
const packageFile = (file: string) => {
  const name = file.split('/')[0]!;
  return path.join(path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), file.slice(name.length + 1));
};

const sources = [
  ...fs.readdirSync(folder).map((name) => ({ name, file: folder + name })),
  ...Object.entries(fromPackages).map(([name, file]) => ({ name, file: packageFile(file) })),
];
for (const { name, file } of sources) {
  const body = fs.readFileSync(file);
  const dot = name.lastIndexOf('.');
  const ext = name.slice(dot + 1);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const hashed = `${name.slice(0, dot)}.${hash}.${ext}`;
  hashedNameOf.set(name, hashed);
  byHashedName.set(hashed, { body, gzip: gzipSync(body), brotli: brotliCompressSync(body), type: types[ext] ?? 'application/octet-stream' });
}

/** URL of an asset by its source name, e.g. assetUrl('base.css'). */
export function assetUrl(name: string): string {
  const hashed = hashedNameOf.get(name);
  if (!hashed) throw new Error(`Unknown asset ${name}`);
  return `/assets/${hashed}`;
}

export function assetRoutes(): Hono {
  const routes = new Hono();
  routes.get('/assets/:name', (c) => {
    const asset = byHashedName.get(c.req.param('name'));
    if (!asset) return c.notFound();
    const accepts = c.req.header('accept-encoding') ?? '';
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'accept-encoding',
    };
    if (accepts.includes('br')) return c.body(new Uint8Array(asset.brotli), 200, { ...headers, 'content-encoding': 'br' });
    if (accepts.includes('gzip')) return c.body(new Uint8Array(asset.gzip), 200, { ...headers, 'content-encoding': 'gzip' });
    return c.body(new Uint8Array(asset.body), 200, headers);
  });
  // Browsers ask for /favicon.ico on every site by themselves, also for pages that name no icon.
  routes.get('/favicon.ico', (c) => {
    const asset = byHashedName.get(hashedNameOf.get('favicon.ico') ?? '');
    if (!asset) return c.notFound();
    return c.body(new Uint8Array(asset.body), 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
  });
  return routes;
}
