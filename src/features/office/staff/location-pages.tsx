import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { fieldErrorsOf } from '../../../platform/http/validation.ts';
import { AppError } from '../../../shared/app-error.ts';
import { StaffForm, currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffT } from '../http/staff-layout.tsx';
import { federalStates } from '../../appointments/index.ts';
import { auditChange, parseForm, type AdminDeps } from './admin-forms.tsx';
import { describeRoutingRule, routingRuleFromForm, routingRuleSchema } from './routing-rule.ts';

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a–z, 0–9 and "-"');
const zone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Berlin');
const idParam = (value: string | undefined) => {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'Not found.');
  return parsed.data;
};
const uniqueViolation =
  (what: string) =>
  (error: unknown): never => {
    if ((error as { code?: string }).code === '23505') throw new AppError('conflict', `${what} exists already.`);
    throw error;
  };

/** Admin: locations with their counters and resources; specialties with their routing rules. */
export function officeAdminRoutes(deps: AdminDeps) {
  const routes = new Hono<AppEnv>();
  for (const path of ['/staff/admin/locations', '/staff/admin/locations/*', '/staff/admin/specialties', '/staff/admin/specialties/*'])
    routes.use(path, requireStaff(deps, 'office.manage'));

  routes.get('/staff/admin/locations', async (c) => {
    const t = staffT(c);
    const locations = await deps.db.selectFrom('location').selectAll().orderBy('name').execute();
    return c.html(
      <StaffLayout c={c} title={t('staff.nav.locations')}>
        <h1>{t('staff.nav.locations')}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <ul>
          {locations.map((l) => (
            <li>
              <a href={`/staff/admin/locations/${l.id}`}>{l.name}</a> · {l.address} {l.active ? '' : `(${t('staff.inactive')})`}
            </li>
          ))}
        </ul>
        <h2>{t('staff.office.new_location')}</h2>
        <LocationForm c={c} action="/staff/admin/locations" />
      </StaffLayout>,
    );
  });

  function LocationForm(props: {
    c: Context<AppEnv>;
    action: string;
    location?: { slug: string; name: string; address: string; time_zone: string; federal_state: string | null; active: boolean };
  }) {
    const t = staffT(props.c);
    const l = props.location;
    return (
      <StaffForm c={props.c} action={props.action} submitLabel={t('staff.save')}>
        <div>
          <label for="loc-name">{t('staff.name')}</label>
          <input type="text" id="loc-name" name="name" required maxlength={200} value={l?.name ?? ''} />
        </div>
        <div>
          <label for="loc-slug">{t('staff.services.slug')}</label>
          <input type="text" id="loc-slug" name="slug" required maxlength={63} value={l?.slug ?? ''} />
        </div>
        <div>
          <label for="loc-address">{t('staff.office.address')}</label>
          <input type="text" id="loc-address" name="address" maxlength={500} value={l?.address ?? ''} />
        </div>
        <div>
          <label for="loc-zone">{t('staff.office.time_zone')}</label>
          <input type="text" id="loc-zone" name="timeZone" required maxlength={64} value={l?.time_zone ?? 'Europe/Berlin'} />
        </div>
        <div>
          <label for="loc-state">{t('staff.office.federal_state')}</label>
          <select id="loc-state" name="federalState">
            <option value="">{t('staff.office.federal_state_none')}</option>
            {federalStates.map((code) => (
              <option value={code} selected={l?.federal_state === code}>
                {t(`staff.state.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input type="checkbox" name="active" checked={l?.active ?? true} /> {t('staff.active')}
        </label>
      </StaffForm>
    );
  }

  const locationSchema = z.object({
    name: z.string().trim().min(1).max(200),
    slug,
    address: z.string().trim().max(500).default(''),
    timeZone: zone,
    federalState: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(federalStates, `one of ${federalStates.join(', ')}`).nullable()),
    active: z.preprocess((v) => v === 'on', z.boolean()),
  });

  routes.post('/staff/admin/locations', async (c) => {
    const form = await parseForm(c, locationSchema);
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .insertInto('location')
          .values({ name: form.name, slug: form.slug, address: form.address, time_zone: form.timeZone, federal_state: form.federalState, active: form.active })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditChange(trx, deps, c, currentStaff(c), { action: 'admin.location.create', target: { type: 'location', id: row.id }, after: row });
      })
      .catch(uniqueViolation('A location with this short name'));
    return c.redirect('/staff/admin/locations?saved=1', 303);
  });

  routes.get('/staff/admin/locations/:id', async (c) => {
    const t = staffT(c);
    const id = idParam(c.req.param('id'));
    const location = await deps.db.selectFrom('location').selectAll().where('id', '=', id).executeTakeFirst();
    if (!location) throw new AppError('not_found', 'There is no such location.');
    const [counters, resources] = await Promise.all([
      deps.db.selectFrom('counter').selectAll().where('location_id', '=', id).orderBy('name').execute(),
      deps.db.selectFrom('resource').selectAll().where('location_id', '=', id).orderBy('name').execute(),
    ]);
    return c.html(
      <StaffLayout c={c} title={location.name}>
        <h1>{location.name}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <LocationForm c={c} action={`/staff/admin/locations/${id}`} location={location} />
        <p>
          <a href={`/staff/admin/locations/${id}/walk-in`}>{t('staff.office.walk_in_hours')}</a> ·{' '}
          <a href={`/staff/admin/closures/${id}`}>{t('staff.nav.closures')}</a>
        </p>
        <h2>{t('staff.office.counters')}</h2>
        <ul>
          {counters.map((counter) => (
            <li>
              {counter.name} {counter.active ? '' : `(${t('staff.inactive')})`}
            </li>
          ))}
        </ul>
        <StaffForm c={c} action={`/staff/admin/locations/${id}/counters`} submitLabel={t('staff.add')}>
          <div>
            <label for="counter-name">{t('staff.office.counter_name')}</label>
            <input type="text" id="counter-name" name="name" required maxlength={60} />
          </div>
        </StaffForm>
        <h2>{t('staff.office.resources')}</h2>
        <ul>
          {resources.map((r) => (
            <li>
              {r.name} · <span class="secret">{r.kind}</span>
            </li>
          ))}
        </ul>
        <StaffForm c={c} action={`/staff/admin/locations/${id}/resources`} submitLabel={t('staff.add')}>
          <div>
            <label for="resource-name">{t('staff.name')}</label>
            <input type="text" id="resource-name" name="name" required maxlength={200} />
          </div>
          <div>
            <label for="resource-kind">{t('staff.office.resource_kind')}</label>
            <input type="text" id="resource-kind" name="kind" required maxlength={63} />
          </div>
        </StaffForm>
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/locations/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await parseForm(c, locationSchema);
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const before = await trx.selectFrom('location').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw new AppError('not_found', 'There is no such location.');
        const after = await trx
          .updateTable('location')
          .set({ name: form.name, slug: form.slug, address: form.address, time_zone: form.timeZone, federal_state: form.federalState, active: form.active })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditChange(trx, deps, c, currentStaff(c), { action: 'admin.location.update', target: { type: 'location', id }, before, after });
      })
      .catch(uniqueViolation('A location with this short name'));
    return c.redirect(`/staff/admin/locations/${id}?saved=1`, 303);
  });

  routes.post('/staff/admin/locations/:id/counters', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await parseForm(c, z.object({ name: z.string().trim().min(1).max(60) }));
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx.insertInto('counter').values({ location_id: id, name: form.name }).returningAll().executeTakeFirstOrThrow();
        await auditChange(trx, deps, c, currentStaff(c), { action: 'admin.counter.create', target: { type: 'counter', id: row.id }, after: row });
      })
      .catch(notFoundOrUnique('A counter with this name'));
    return c.redirect(`/staff/admin/locations/${id}?saved=1`, 303);
  });

  routes.post('/staff/admin/locations/:id/resources', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await parseForm(
      c,
      z.object({
        name: z.string().trim().min(1).max(200),
        kind: z
          .string()
          .trim()
          .regex(/^[a-z][a-z0-9_-]{0,62}$/),
      }),
    );
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx.insertInto('resource').values({ location_id: id, name: form.name, kind: form.kind }).returningAll().executeTakeFirstOrThrow();
        await auditChange(trx, deps, c, currentStaff(c), { action: 'admin.resource.create', target: { type: 'resource', id: row.id }, after: row });
      })
      .catch(notFoundOrUnique('This resource'));
    return c.redirect(`/staff/admin/locations/${id}?saved=1`, 303);
  });

  routes.get('/staff/admin/specialties', async (c) => {
    const t = staffT(c);
    const specialties = await deps.db.selectFrom('specialty').selectAll().orderBy('sort_order').orderBy('name').execute();
    return c.html(
      <StaffLayout c={c} title={t('staff.nav.specialties')} wide>
        <h1>{t('staff.nav.specialties')}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.office.queue_prefix')}</th>
              <th scope="col">{t('staff.office.routing_rule')}</th>
            </tr>
          </thead>
          <tbody>
            {specialties.map((s) => (
              <tr>
                <td>
                  <a href={`/staff/admin/specialties/${s.id}`}>{s.name}</a>
                </td>
                <td>{s.queue_prefix}</td>
                <td>{describeRoutingRule(s.routing_rule)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('staff.office.new_specialty')}</h2>
        <SpecialtyForm c={c} action="/staff/admin/specialties" />
      </StaffLayout>,
    );
  });

  function SpecialtyForm(props: {
    c: Context<AppEnv>;
    action: string;
    specialty?: { slug: string; name: string; queue_prefix: string; routing_rule: unknown; sort_order: number };
  }) {
    const t = staffT(props.c);
    const s = props.specialty;
    const rule = routingRuleSchema.safeParse(s?.routing_rule);
    const kind = rule.success ? rule.data.kind : 'none';
    return (
      <StaffForm c={props.c} action={props.action} submitLabel={t('staff.save')}>
        <div>
          <label for="sp-name">{t('staff.name')}</label>
          <input type="text" id="sp-name" name="name" required maxlength={200} value={s?.name ?? ''} />
        </div>
        <div>
          <label for="sp-slug">{t('staff.services.slug')}</label>
          <input type="text" id="sp-slug" name="slug" required maxlength={63} value={s?.slug ?? ''} />
        </div>
        <div>
          <label for="sp-prefix">{t('staff.office.queue_prefix')}</label>
          <input type="text" id="sp-prefix" name="queuePrefix" required maxlength={2} pattern="[A-Z]{1,2}" value={s?.queue_prefix ?? ''} />
        </div>
        <div>
          <label for="sp-order">{t('staff.office.sort_order')}</label>
          <input type="number" id="sp-order" name="sortOrder" value={String(s?.sort_order ?? 0)} />
        </div>
        <fieldset>
          <legend>{t('staff.office.routing_rule')}</legend>
          <label class="check">
            <input type="radio" name="ruleKind" value="none" checked={kind === 'none'} /> {t('staff.office.rule_none')}
          </label>
          <label class="check">
            <input type="radio" name="ruleKind" value="surname" checked={kind === 'surname'} /> {t('staff.office.rule_surname')}
          </label>
          <div>
            <label for="sp-from">{t('staff.office.surname_from')}</label>
            <input type="text" id="sp-from" name="surnameFrom" maxlength={1} value={rule.success && rule.data.kind === 'surname' ? rule.data.from : ''} />
            <label for="sp-to">{t('staff.office.surname_to')}</label>
            <input type="text" id="sp-to" name="surnameTo" maxlength={1} value={rule.success && rule.data.kind === 'surname' ? rule.data.to : ''} />
          </div>
          <label class="check">
            <input type="radio" name="ruleKind" value="nationality" checked={kind === 'nationality'} /> {t('staff.office.rule_nationality')}
          </label>
          <div>
            <label for="sp-countries">{t('staff.office.countries')}</label>
            <input
              type="text"
              id="sp-countries"
              name="countries"
              maxlength={400}
              value={rule.success && rule.data.kind === 'nationality' ? rule.data.countries.join(', ') : ''}
            />
          </div>
        </fieldset>
      </StaffForm>
    );
  }

  const specialtySchema = z.object({
    name: z.string().trim().min(1).max(200),
    slug,
    queuePrefix: z
      .string()
      .trim()
      .regex(/^[A-Z]{1,2}$/, 'one or two capital letters'),
    sortOrder: z.coerce.number().int().min(-1000).max(1000),
    ruleKind: z.enum(['none', 'surname', 'nationality']),
    surnameFrom: z.string().max(1).optional(),
    surnameTo: z.string().max(1).optional(),
    countries: z.string().max(400).optional(),
  });
  const ruleOf = (form: z.infer<typeof specialtySchema>) => {
    try {
      return routingRuleFromForm(form);
    } catch (error) {
      if (error instanceof z.ZodError) throw new AppError('validation_failed', 'The routing rule is not valid.', { fieldErrors: fieldErrorsOf(error) });
      throw error;
    }
  };

  routes.post('/staff/admin/specialties', async (c) => {
    const form = await parseForm(c, specialtySchema);
    const rule = ruleOf(form);
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .insertInto('specialty')
          .values({
            name: form.name,
            slug: form.slug,
            queue_prefix: form.queuePrefix,
            sort_order: form.sortOrder,
            routing_rule: rule === null ? null : JSON.stringify(rule),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditChange(trx, deps, c, currentStaff(c), { action: 'admin.specialty.create', target: { type: 'specialty', id: row.id }, after: row });
      })
      .catch(uniqueViolation('A specialty with this short name'));
    return c.redirect('/staff/admin/specialties?saved=1', 303);
  });

  routes.get('/staff/admin/specialties/:id', async (c) => {
    const t = staffT(c);
    const id = idParam(c.req.param('id'));
    const specialty = await deps.db.selectFrom('specialty').selectAll().where('id', '=', id).executeTakeFirst();
    if (!specialty) throw new AppError('not_found', 'There is no such specialty.');
    return c.html(
      <StaffLayout c={c} title={specialty.name}>
        <h1>{specialty.name}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <SpecialtyForm c={c} action={`/staff/admin/specialties/${id}`} specialty={specialty} />
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/specialties/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await parseForm(c, specialtySchema);
    const rule = ruleOf(form);
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const before = await trx.selectFrom('specialty').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw new AppError('not_found', 'There is no such specialty.');
        const after = await trx
          .updateTable('specialty')
          .set({
            name: form.name,
            slug: form.slug,
            queue_prefix: form.queuePrefix,
            sort_order: form.sortOrder,
            routing_rule: rule === null ? null : JSON.stringify(rule),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditChange(trx, deps, c, currentStaff(c), { action: 'admin.specialty.update', target: { type: 'specialty', id }, before, after });
      })
      .catch(uniqueViolation('A specialty with this short name'));
    return c.redirect(`/staff/admin/specialties/${id}?saved=1`, 303);
  });

  return routes;
}

function notFoundOrUnique(what: string) {
  return (error: unknown): never => {
    const code = (error as { code?: string }).code;
    if (code === '23503') throw new AppError('not_found', 'There is no such location.');
    if (code === '23505') throw new AppError('conflict', `${what} exists already.`);
    throw error;
  };
}
