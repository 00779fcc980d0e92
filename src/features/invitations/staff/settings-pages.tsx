import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { CsrfField, Notice, StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import type { InvitationSettings } from '../invitation-settings.ts';

/** A refused form shown again with what was typed: which form (`policy`, `add`, `kind:<kind>`), its values, the problems. */
export type TypedForm = { form: string; values: Record<string, string | string[]>; errors: Map<string, string>; message: string };

/** What the admin typed into this form, else the stored value. */
function shown(typed: TypedForm | undefined, form: string, field: string, stored: string): string {
  const value = typed?.form === form ? typed.values[field] : undefined;
  return typeof value === 'string' ? value : stored;
}

const policyFields: { name: string; label: string; min: number; max: number }[] = [
  {
    name: 'windowFromDays',
    label: 'staff.invitation_settings.policy.window_from_days',
    min: 1,
    max: 365,
  },
  { name: 'windowToDays', label: 'staff.invitation_settings.policy.window_to_days', min: 1, max: 365 },
  { name: 'earliestDays', label: 'staff.invitation_settings.policy.earliest_days', min: 0, max: 180 },
  { name: 'daysBeforeExpiry', label: 'staff.invitation_settings.policy.days_before_expiry', min: 0, max: 180 },
  {
    name: 'keepFreePercent',
    label: 'staff.invitation_settings.policy.keep_free_percent',
    min: 0,
    max: 100,
  },
  {
    name: 'reminderDaysBefore',
    label: 'staff.invitation_settings.policy.reminder_days_before',
    min: 1,
    max: 60,
  },
  {
    name: 'releaseDaysBefore',
    label: 'staff.invitation_settings.policy.release_days_before',
    min: 1,
    max: 60,
  },
];

/** Admin: the office's invitation policy and which service each kind of title is extended in. */
export function InvitationSettingsPage(props: { c: Context<AppEnv>; settings: InvitationSettings; typed?: TypedForm | undefined }) {
  const { c, settings, typed } = props;
  const t = staffT(c);
  const { policy } = settings;
  const errorOf = (form: string, field: string) => (typed?.form === form ? typed.errors.get(field) : undefined);
  const invalid = (form: string, field: string, id: string) =>
    errorOf(form, field) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {};
  const unmapped = settings.kinds.filter((k) => !settings.mappings.some((m) => m.kind === k.code));
  const title = t('staff.invitation_settings.title');
  return (
    <StaffLayout c={c} title={title} wide>
      <h1>{title}</h1>
      <Notice text={c.req.query('saved') ? t('staff.invitation_settings.saved') : undefined} />
      {typed ? (
        <div class="error-summary" role="alert">
          <p>{typed.message}</p>
          {typed.errors.size > 0 ? (
            <ul>
              {[...typed.errors].map(([, message]) => (
                <li>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <h2>{t('staff.invitation_settings.rules_for_the_runs')}</h2>
      <p>{t('staff.invitation_settings.rules_hint')}</p>
      <StaffForm c={c} action="/staff/admin/invitations/policy" submitLabel={t('staff.invitation_settings.save_rules')}>
        <input type="hidden" name="version" value={shown(typed, 'policy', 'version', String(policy.version))} />
        {policyFields.map((field) => {
          const id = `policy-${field.name}`;
          const stored = String(policy[field.name as keyof typeof policy]);
          return (
            <div>
              <label for={id}>{t(field.label)}</label>
              <input
                type="number"
                id={id}
                name={field.name}
                min={field.min}
                max={field.max}
                step={1}
                required
                value={shown(typed, 'policy', field.name, stored)}
                {...invalid('policy', field.name, id)}
              />
              {errorOf('policy', field.name) ? (
                <p class="field-error" id={`${id}-error`}>
                  {errorOf('policy', field.name)}
                </p>
              ) : null}
            </div>
          );
        })}
        <div>
          <label class="check">
            <input
              type="checkbox"
              name="reviewBeforeRelease"
              value="on"
              checked={typed?.form === 'policy' ? typed.values.reviewBeforeRelease === 'on' : policy.reviewBeforeRelease}
            />{' '}
            {t('staff.invitation_settings.review_before_release')}
          </label>
        </div>
      </StaffForm>

      <h2>{t('staff.invitation_settings.service_per_kind_of_title')}</h2>
      <p>{t('staff.invitation_settings.services_hint')}</p>
      {settings.mappings.length === 0 ? (
        <p>{t('staff.invitation_settings.no_mapping_yet')}</p>
      ) : (
        <table class="data-table">
          <caption>{t('staff.invitation_settings.mappings_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.invitation_settings.kind_of_title')}</th>
              <th scope="col">{t('staff.invitation_settings.service')}</th>
              <th scope="col">{t('staff.invitation_settings.offered_at')}</th>
              <th scope="col">{t('staff.invitation_settings.remove')}</th>
            </tr>
          </thead>
          <tbody>
            {settings.mappings.map((m) => {
              const form = `kind:${m.kind}`;
              const id = `service-${m.kind}`;
              const chosen = shown(typed, form, 'serviceId', m.serviceId);
              return (
                <tr>
                  <th scope="row">{m.kindName}</th>
                  <td>
                    <form method="post" action={`/staff/admin/invitations/services/${m.kind}`} class="inline-form">
                      <CsrfField c={c} />
                      <input type="hidden" name="version" value={shown(typed, form, 'version', String(m.version))} />
                      <label for={id} class="visually-hidden">
                        {t('staff.invitation_settings.service_for', { kindName: m.kindName })}
                      </label>
                      <select id={id} name="serviceId" {...invalid(form, 'serviceId', id)}>
                        {m.serviceActive ? null : (
                          <option value={m.serviceId} selected={chosen === m.serviceId}>
                            {m.serviceName} ({t('staff.invitation_settings.inactive')})
                          </option>
                        )}
                        {settings.services.map((service) => (
                          <option value={service.id} selected={chosen === service.id}>
                            {service.name}
                          </option>
                        ))}
                      </select>{' '}
                      <button type="submit" class="link-button">
                        {t('staff.invitation_settings.change')}
                        <span class="visually-hidden"> {m.kindName}</span>
                      </button>
                      {errorOf(form, 'serviceId') ? (
                        <p class="field-error" id={`${id}-error`}>
                          {errorOf(form, 'serviceId')}
                        </p>
                      ) : null}
                    </form>
                  </td>
                  <td>{m.locationNames.length > 0 ? m.locationNames.join(', ') : <strong>{t('staff.invitation_settings.at_no_location')}</strong>}</td>
                  <td>
                    <form method="post" action={`/staff/admin/invitations/services/${m.kind}/delete`} class="inline-form">
                      <CsrfField c={c} />
                      <input type="hidden" name="version" value={String(m.version)} />
                      <button type="submit" class="link-button">
                        {t('staff.invitation_settings.remove')}
                        <span class="visually-hidden"> {m.kindName}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {unmapped.length > 0 ? (
        <>
          <h3>{t('staff.invitation_settings.add_a_mapping')}</h3>
          <StaffForm c={c} action="/staff/admin/invitations/services" submitLabel={t('staff.invitation_settings.add')}>
            <div>
              <label for="add-kind">{t('staff.invitation_settings.kind_of_title')}</label>
              <select id="add-kind" name="titleKind" required {...invalid('add', 'titleKind', 'add-kind')}>
                {unmapped.map((k) => (
                  <option value={k.code} selected={shown(typed, 'add', 'titleKind', '') === k.code}>
                    {k.name}
                  </option>
                ))}
              </select>
              {errorOf('add', 'titleKind') ? (
                <p class="field-error" id="add-kind-error">
                  {errorOf('add', 'titleKind')}
                </p>
              ) : null}
            </div>
            <div>
              <label for="add-service">{t('staff.invitation_settings.service')}</label>
              <select id="add-service" name="serviceId" required {...invalid('add', 'serviceId', 'add-service')}>
                {settings.services.map((service) => (
                  <option value={service.id} selected={shown(typed, 'add', 'serviceId', '') === service.id}>
                    {service.name}
                  </option>
                ))}
              </select>
              {errorOf('add', 'serviceId') ? (
                <p class="field-error" id="add-service-error">
                  {errorOf('add', 'serviceId')}
                </p>
              ) : null}
            </div>
          </StaffForm>
        </>
      ) : null}
    </StaffLayout>
  );
}
