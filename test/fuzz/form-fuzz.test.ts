import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { seedDemoOffice } from '../../src/demo/seed-demo-office.ts';
import { seedDemoStaff } from '../../src/demo/seed-demo-staff.ts';
import { createLogger } from '../../src/platform/log.ts';
import { createBlobStore } from '../../src/platform/storage/blob-store.ts';
import { temporaryFolder } from '../temporary-folder.ts';
import { createTestApp, fixedClock } from '../app.ts';
import { createTestDatabase } from '../database.ts';
import { Browser } from '../staff.ts';
import { changedTables, fingerprintQuery, fuzzSettings, hostileString } from './fuzz-kit.ts';

// Every HTML form of Lotse, as each kind of user meets it (citizen, administrator, reception,
// clerk, kiosk, and nobody signed in), found by following the pages' links; and every POST route
// of the app, also those no crawled page showed. The fuzzer sends them with hostile values, in
// every encoding: no answer is a 5xx, and a refused form changes nothing.
const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-12-01T07:30:00Z');
await seedDemoOffice({ db, clock, logger: createLogger('silent') });
const credentials = await seedDemoStaff({ db, clock });
// A real document store: the document and xdomea routes are fuzzed too.
const blobs = createBlobStore({ folder: await temporaryFolder('lotse-fuzz-blobs-') });
const app = createTestApp(db, {
  url,
  clock,
  blobs,
  portal: {
    powMaxNumber: 10,
    bookingsPerIpPerHour: 1_000_000,
    bookingsPerEmailPerDay: 1_000_000,
    noScriptBookingsPerIpPerHour: 1_000_000,
    lookupsPerIpPerHour: 1_000_000,
    applicationStartsPerIpPerHour: 1_000_000,
  },
});
const fingerprint = await fingerprintQuery(db);
const secretOf = (username: string) => credentials.find((c) => c.username === username)!.secret;

type Form = { actor: string; action: string; fields: [string, string][] };

const actors = new Map<string, Browser>();
async function actor(name: string, setUp: (browser: Browser) => Promise<unknown>): Promise<void> {
  const browser = new Browser(app);
  await setUp(browser);
  actors.set(name, browser);
}
await actor('citizen', async () => {});
await actor('nobody', async () => {});
await actor('admin', (b) => b.signIn('demo.admin', secretOf('demo.admin')));
await actor('reception', (b) => b.signIn('demo.empfang', secretOf('demo.empfang')));
const clerk = credentials.find((c) => c.role === 'clerk')!;
await actor('clerk', (b) => b.signIn(clerk.username, clerk.secret));
const kiosk = credentials.find((c) => c.role === 'kiosk')!;
await actor('kiosk', (b) => b.post('/device/pair', { token: kiosk.secret }, { origin: 'http://localhost' }));
const fuzzActors = await db.selectFrom('staff').select('id').where('username', 'in', ['demo.admin', 'demo.empfang', clerk.username]).execute();

// What a form must not do to the fuzzer's own users (they would be signed out for the rest of the run).
const selfHarm = (action: string) => /sign-out|\/staff\/sign-in|security\/roles|two-factor/.test(action) || fuzzActors.some(({ id }) => action.includes(id));

const decode = (text: string) =>
  text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');
const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : undefined;
};

function formsOf(html: string, page: string, actorName: string): Form[] {
  const forms: Form[] = [];
  for (const [, open, inner] of html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(open!)) continue;
    const action =
      new URL(attribute(open!, 'action') ?? page, `http://localhost${page}`).pathname +
      new URL(attribute(open!, 'action') ?? page, `http://localhost${page}`).search;
    const fields: [string, string][] = [];
    for (const [tag] of inner!.matchAll(/<(input|textarea|select)\b[^>]*>/g)) {
      const name = attribute(tag, 'name');
      if (!name) continue;
      if (tag.startsWith('<select')) fields.push([name, /<option[^>]*value="([^"]*)"/.exec(inner!.slice(inner!.indexOf(tag)))?.[1] ?? '']);
      else if (/type="(checkbox|radio)"/.test(tag)) fields.push([name, attribute(tag, 'value') ?? 'on']);
      else
        fields.push([
          name,
          attribute(tag, 'value') ??
            (name === 'name' ? 'Olena Kovalenko' : name === 'email' ? 'olena@example.org' : name === 'dateOfBirth' ? '1985-07-01' : ''),
        ]);
    }
    forms.push({ actor: actorName, action, fields });
  }
  return forms;
}

// Follow links breadth first from each user's start pages, a bounded number of pages each.
const forms: Form[] = [];
const startPages: Record<string, string[]> = {
  citizen: ['/de/services', '/ar/manage'],
  nobody: ['/staff/sign-in', '/device/pair'],
  admin: [
    '/staff',
    '/staff/admin/staff',
    '/staff/admin/hours',
    '/staff/admin/locations',
    '/staff/admin/services',
    '/staff/admin/specialties',
    '/staff/admin/security',
    '/staff/calendar',
  ],
  reception: ['/reception'],
  clerk: ['/desk', '/staff/calendar'],
  kiosk: ['/kiosk'],
};
for (const [name, starts] of Object.entries(startPages)) {
  const browser = actors.get(name)!;
  const queue = [...starts];
  const seen = new Set<string>();
  while (queue.length && seen.size < 25) {
    const page = queue.shift()!;
    if (seen.has(page)) continue;
    seen.add(page);
    const response = await browser.get(page);
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) {
      await response.arrayBuffer();
      continue;
    }
    const html = await response.text();
    forms.push(...formsOf(html, page, name));
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = decode(href!);
      if (!/^\/(assets|api)\/|\/events|\/live|sign-out|calendar\.ics|\/staff\/language/.test(link) && !seen.has(link)) queue.push(link);
    }
  }
}
// Every POST route, also those no crawled page showed, with a real id where it takes one.
const someIds = {
  location: (await db.selectFrom('location').select('id').executeTakeFirstOrThrow()).id,
  service: (await db.selectFrom('service').select('id').executeTakeFirstOrThrow()).id,
  staff: (await db.selectFrom('staff').select('id').where('username', 'is', null).executeTakeFirstOrThrow()).id,
};
const covered = (pattern: string) =>
  forms.some((f) => new RegExp(`^${pattern.replace(/:lang\{[^}]*\}/, '[a-z]{2}').replace(/:[a-zA-Z]+/g, '[^/]+')}$`).test(f.action.split('?')[0]!));
const uncovered = app.routes.filter((r) => r.method === 'POST' && !r.path.startsWith('/api/') && !covered(r.path));
for (const route of uncovered) {
  const action = route.path
    .replace(/:lang\{[^}]*\}/, 'fr')
    .replace(/:(location|staffId|id)/g, (_, key: string) => (key === 'location' ? someIds.location : key === 'staffId' ? someIds.staff : someIds.service))
    .replace(/:[a-zA-Z]+/g, 'X');
  for (const name of ['admin', 'citizen', 'kiosk']) forms.push({ actor: name, action, fields: [] });
}
const usable = forms.filter((f) => !selfHarm(f.action));
assert.ok(usable.length >= 30, `${usable.length} forms found`);

const fieldValue = fc.oneof(
  { weight: 3, arbitrary: fc.constant<'keep'>('keep') },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constant<'drop'>('drop') },
);
const submission = fc.record({
  form: fc.nat({ max: usable.length - 1 }),
  values: fc.array(fieldValue, { minLength: 12, maxLength: 12 }),
  extra: fc.option(fc.tuple(hostileString, hostileString), { freq: 4 }),
  encoding: fc.constantFrom('urlencoded', 'urlencoded', 'urlencoded', 'multipart', 'multipart-no-boundary', 'multipart-truncated'),
});

function encode(fields: [string, string][], encoding: string): { body: BodyInit; type?: string } {
  if (encoding === 'urlencoded')
    return { body: new URLSearchParams(fields.map(([k, v]) => [k.toWellFormed(), v.toWellFormed()])), type: 'application/x-www-form-urlencoded' };
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  if (encoding === 'multipart') return { body: form };
  const raw = fields.map(([k, v]) => `--b0undary\r\nContent-Disposition: form-data; name="${k.toWellFormed()}"\r\n\r\n${v.toWellFormed()}\r\n`).join('');
  if (encoding === 'multipart-no-boundary') return { body: `${raw}--b0undary--\r\n`, type: 'multipart/form-data' };
  return { body: raw.slice(0, Math.max(0, raw.length - 7)), type: 'multipart/form-data; boundary=b0undary' };
}

test(`every form (${usable.length} found) with hostile values and broken encodings: no 5xx, and a refused form writes nothing`, async () => {
  await fc.assert(
    fc.asyncProperty(submission, async ({ form: index, values, extra, encoding }) => {
      const form = usable[index]!;
      const fields: [string, string][] = [];
      form.fields.forEach(([name, value], i) => {
        const change = values[i % values.length]!;
        // The CSRF token mostly stays, or nothing would get past it.
        if (change === 'drop' && name !== '_csrf') return;
        fields.push([name, change === 'keep' || name === '_csrf' ? value : change]);
      });
      if (extra) fields.push(extra);
      const { body, type } = encode(fields, encoding);
      const before = await fingerprint();
      const response = await actors
        .get(form.actor)!
        .request(form.action, { method: 'POST', body, headers: { origin: 'http://localhost', ...(type ? { 'content-type': type } : {}) } });
      await response.arrayBuffer();
      const label = `${form.actor}: POST ${form.action} (${encoding}) ${JSON.stringify(fields).slice(0, 400)}`;
      assert.ok(response.status < 500, `${response.status} for ${label}`);
      if (response.status >= 400) assert.deepEqual(changedTables(before, await fingerprint()), [], `${response.status} but written: ${label}`);
    }),
    fuzzSettings(300),
  );
});

test('every form with a NUL in a field, and as unreadable multipart, is a 4xx and writes nothing', async () => {
  for (const [index, form] of usable.entries()) {
    const named = form.fields.filter(([name]) => name !== '_csrf');
    const target = named[index % Math.max(1, named.length)]?.[0];
    const variants: { fields: [string, string][]; encoding: string }[] = [
      { fields: form.fields, encoding: 'multipart-no-boundary' },
      { fields: form.fields, encoding: 'multipart-truncated' },
      {
        fields: form.fields.map(([k, v]): [string, string] => [k, k === target ? `${v}\0` : v]).concat(target ? [] : [['note', '\0']]),
        encoding: 'urlencoded',
      },
    ];
    for (const { fields, encoding } of variants) {
      const { body, type } = encode(fields, encoding);
      const before = await fingerprint();
      const response = await actors
        .get(form.actor)!
        .request(form.action, { method: 'POST', body, headers: { origin: 'http://localhost', ...(type ? { 'content-type': type } : {}) } });
      await response.arrayBuffer();
      const label = `${form.actor}: POST ${form.action} (${encoding}) ${JSON.stringify(fields).slice(0, 300)}`;
      assert.ok(response.status >= 400 && response.status < 500, `${response.status} for ${label}`);
      assert.deepEqual(changedTables(before, await fingerprint()), [], label);
    }
  }
});
