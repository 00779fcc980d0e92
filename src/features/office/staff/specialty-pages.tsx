import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { fieldErrorsOf } from '../../../platform/http/validation.ts';
import { AppError } from '../../../shared/app-error.ts';
import { Notice, parseForm, StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import type { OfficeDeps } from '../office-change.ts';
import { describeRoutingRule, routingRuleFromForm, routingRuleSchema } from '../routing-rule.ts';
import { createSpecialty, updateSpecialty, type SpecialtyInput } from '../save-specialty.ts';
import { allSpecialties, specialtyById } from '../specialty-store.ts';
import { guard, idParam, officeChange, savedAt, slug } from './office-page.tsx';

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

/** The posted specialty form as the use case takes it; a routing rule that does not parse is the user's mistake. */
async function specialtyForm(c: Context<AppEnv>): Promise<SpecialtyInput> {
  const form = await parseForm(c, specialtySchema);
  try {
    return { name: form.name, slug: form.slug, queuePrefix: form.queuePrefix, sortOrder: form.sortOrder, rule: routingRuleFromForm(form) };
  } catch (error) {
    if (error instanceof z.ZodError) throw new AppError('validation_failed', 'The routing rule is not valid.', { fieldErrors: fieldErrorsOf(error) });
    throw error;
  }
}

/** Admin: specialties with their routing rules (which visitors a specialty serves). */
export function specialtyPages(deps: OfficeDeps) {
  const routes = new Hono<AppEnv>();
  guard(routes, deps, 'office.manage', ['/staff/admin/specialties', '/staff/admin/specialties/*']);

  routes.get('/staff/admin/specialties', async (c) => {
    const t = staffT(c);
    const specialties = await allSpecialties(deps.db);
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

  routes.post('/staff/admin/specialties', async (c) => {
    await createSpecialty(deps, officeChange(c), await specialtyForm(c));
    return savedAt(c, '/staff/admin/specialties');
  });

  routes.get('/staff/admin/specialties/:id', async (c) => {
    const t = staffT(c);
    const id = idParam(c.req.param('id'));
    const specialty = await specialtyById(deps.db, id);
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
    await updateSpecialty(deps, officeChange(c), id, await specialtyForm(c));
    return savedAt(c, `/staff/admin/specialties/${id}`);
  });

  return routes;
}

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
