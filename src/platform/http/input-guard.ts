import type { Context, MiddlewareHandler } from 'hono';
import { AppError, type FieldError } from '../../shared/app-error.ts';

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Input that no route can store is refused before any route sees it: a NUL character (PostgreSQL
 * text cannot hold it) in the address, a form or a JSON body, a lone UTF-16 surrogate in JSON
 * (jsonb refuses it; text would silently turn it into U+FFFD), and form data that cannot be read
 * (multipart without a boundary, or cut off). Forms are parsed here once; routes get Hono's
 * cached result.
 */
export function refuseUnstorableInput(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.url.includes('%00')) throw new AppError('bad_request', 'The address contains a NUL character.');
    if (bodyMethods.has(c.req.method)) {
      const type = mediaType(c);
      if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') await checkForm(c);
      else if (type === 'application/json' || type?.endsWith('+json')) await checkJson(c);
    }
    return next();
  };
}

function mediaType(c: Context): string | undefined {
  return c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
}

async function checkForm(c: Context): Promise<void> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new AppError('bad_request', 'The form data could not be read (a multipart body needs its boundary and must be complete).');
  }
  for (const [name, value] of Object.entries(form)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (!storable(name) || (typeof one === 'string' && !storable(one)))
        throw new AppError('bad_request', 'A form field contains a character that cannot be stored.');
    }
  }
}

async function checkJson(c: Context): Promise<void> {
  const text = await c.req.text();
  // NUL and surrogates can only reach a JSON string as \u escapes: most bodies have none.
  if (!text.includes('\\u')) return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return; // the route's validator answers malformed JSON
  }
  const bad = firstUnstorable(body);
  if (bad !== undefined) {
    const fieldErrors: FieldError[] = [{ path: bad || '(body)', message: 'contains a character that cannot be stored (NUL or a lone surrogate)' }];
    throw new AppError('validation_failed', 'The request contains a character that cannot be stored.', { fieldErrors });
  }
}

/** The path of the first string (value or key) that cannot be stored; iterative, as bodies may nest deeply. */
function firstUnstorable(root: unknown): string | undefined {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!storable(value)) return path;
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) stack.push([item, join(path, String(index))]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (!storable(key)) return join(path, '(key)');
        stack.push([item, join(path, key)]);
      }
    }
  }
  return undefined;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function storable(value: string): boolean {
  return !value.includes('\0') && value.isWellFormed();
}
