import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { federalStates } from '../../appointments/index.ts';
import { Notice, parseForm, StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import { addCounter } from '../add-counter.ts';
import { addResource } from '../add-resource.ts';
import { allLocations, countersAt, locationById, resourcesAt } from '../location-store.ts';
import type { OfficeDeps } from '../office-change.ts';
import { createLocation, updateLocation } from '../save-location.ts';
import { guard, idParam, officeChange, savedAt, slug } from './office-page.tsx';

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

const locationSchema = z.object({
  name: z.string().trim().min(1).max(200),
  slug,
  address: z.string().trim().max(500).default(''),
  timeZone: zone,
  federalState: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(federalStates, `one of ${federalStates.join(', ')}`).nullable()),
  active: z.preprocess((v) => v === 'on', z.boolean()),
});

/** Admin: locations with their counters and resources. */
export function locationPages(deps: OfficeDeps) {
  const routes = new Hono<AppEnv>();
  guard(routes, deps, 'office.manage', ['/staff/admin/locations', '/staff/admin/locations/*']);

  routes.get('/staff/admin/locations', async (c) => {
    const t = staffT(c);
    const locations = await allLocations(deps.db);
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

  routes.post('/staff/admin/locations', async (c) => {
    await createLocation(deps, officeChange(c), await parseForm(c, locationSchema));
    return savedAt(c, '/staff/admin/locations');
  });

  routes.get('/staff/admin/locations/:id', async (c) => {
    const t = staffT(c);
    const id = idParam(c.req.param('id'));
    const location = await locationById(deps.db, id);
    if (!location) throw new AppError('not_found', 'There is no such location.');
    const [counters, resources] = await Promise.all([countersAt(deps.db, id), resourcesAt(deps.db, id)]);
    return c.html(
      <StaffLayout c={c} title={location.name}>
        <h1>{location.name}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <LocationForm c={c} action={`/staff/admin/locations/${id}`} location={location} />
        <p>
          <a href={`/staff/admin/locations/${id}/walk-in`}>{t('staff.office.walk_in_hours')}</a> ·{' '}
          <a href={`/staff/admin/closures/${id}`}>{t('staff.nav.closures')}</a> ·{' '}
          <a href={`/staff/admin/locations/${id}/letterhead`}>{t('staff.letterhead.title')}</a>
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
    await updateLocation(deps, officeChange(c), id, await parseForm(c, locationSchema));
    return savedAt(c, `/staff/admin/locations/${id}`);
  });

  routes.post('/staff/admin/locations/:id/counters', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await parseForm(c, z.object({ name: z.string().trim().min(1).max(60) }));
    await addCounter(deps, officeChange(c), id, form.name);
    return savedAt(c, `/staff/admin/locations/${id}`);
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
    await addResource(deps, officeChange(c), id, form);
    return savedAt(c, `/staff/admin/locations/${id}`);
  });

  return routes;
}

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
