import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { CsrfField, Notice, StaffForm, StaffLayout, staffLang } from '../../staff/index.ts';
import type { InvitationSettings } from '../invitation-settings.ts';

/** A refused form shown again with what was typed: which form (`policy`, `add`, `kind:<kind>`), its values, the problems. */
export type TypedForm = { form: string; values: Record<string, string | string[]>; errors: Map<string, string>; message: string };

const say = (c: Context<AppEnv>) => (de: string, en: string) => (staffLang(c) === 'en' ? en : de);

/** What the admin typed into this form, else the stored value. */
function shown(typed: TypedForm | undefined, form: string, field: string, stored: string): string {
  const value = typed?.form === form ? typed.values[field] : undefined;
  return typeof value === 'string' ? value : stored;
}

const policyFields: { name: string; de: string; en: string; min: number; max: number }[] = [
  {
    name: 'windowFromDays',
    de: 'Einladen, wenn der Titel frühestens in … Tagen abläuft',
    en: 'Invite when the title expires in at least … days',
    min: 1,
    max: 365,
  },
  { name: 'windowToDays', de: 'und spätestens in … Tagen', en: 'and at most … days', min: 1, max: 365 },
  { name: 'earliestDays', de: 'Frühester Termin: … Tage nach dem Lauf', en: 'Earliest appointment: … days after the run', min: 0, max: 180 },
  { name: 'daysBeforeExpiry', de: 'Spätester Termin: … Tage vor dem Ablauf', en: 'Latest appointment: … days before the expiry', min: 0, max: 180 },
  {
    name: 'keepFreePercent',
    de: 'Anteil der freien Termine je Tag und Leistung, der für Vorsprache und Online-Buchung frei bleibt (%)',
    en: 'Share of each day’s free appointments per service kept for walk-in and online booking (%)',
    min: 0,
    max: 100,
  },
  {
    name: 'reminderDaysBefore',
    de: 'Erinnerung … Tage vor dem Termin, wenn unbestätigt',
    en: 'Reminder … days before the appointment if unconfirmed',
    min: 1,
    max: 60,
  },
  {
    name: 'releaseDaysBefore',
    de: 'Freigabe … Tage vor dem Termin, wenn unbestätigt',
    en: 'Release … days before the appointment if unconfirmed',
    min: 1,
    max: 60,
  },
];

/** Admin: the office's invitation policy and which service each kind of title is extended in. */
export function InvitationSettingsPage(props: { c: Context<AppEnv>; settings: InvitationSettings; typed?: TypedForm | undefined }) {
  const { c, settings, typed } = props;
  const s = say(c);
  const { policy } = settings;
  const errorOf = (form: string, field: string) => (typed?.form === form ? typed.errors.get(field) : undefined);
  const invalid = (form: string, field: string, id: string) =>
    errorOf(form, field) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {};
  const unmapped = settings.kinds.filter((k) => !settings.mappings.some((m) => m.kind === k.code));
  const title = s('Einladungen: Einstellungen', 'Invitations: settings');
  return (
    <StaffLayout c={c} title={title} wide>
      <h1>{title}</h1>
      <Notice text={c.req.query('saved') ? s('Gespeichert.', 'Saved.') : undefined} />
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
      <h2>{s('Regeln für die Läufe', 'Rules for the runs')}</h2>
      <p>
        {s(
          'Gilt für alle Standorte. Die Termine werden an dem Standort der Akte reserviert.',
          'Applies to all locations. Appointments are reserved at the file’s location.',
        )}
      </p>
      <StaffForm c={c} action="/staff/admin/invitations/policy" submitLabel={s('Regeln speichern', 'Save rules')}>
        <input type="hidden" name="version" value={shown(typed, 'policy', 'version', String(policy.version))} />
        {policyFields.map((field) => {
          const id = `policy-${field.name}`;
          const stored = String(policy[field.name as keyof typeof policy]);
          return (
            <div>
              <label for={id}>{s(field.de, field.en)}</label>
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
            {s('Briefe und E-Mails des täglichen Laufs erst nach Prüfung freigeben', 'Release the daily run’s letters and e-mails only after review')}
          </label>
        </div>
      </StaffForm>

      <h2>{s('Leistung je Titelart', 'Service per kind of title')}</h2>
      <p>
        {s(
          'Für eine Titelart ohne Leistung wird niemand eingeladen. Wird die Leistung am Standort einer Akte nicht angeboten, erscheint die Person im Lauf unter „Nicht eingeladen“.',
          'Nobody is invited for a kind of title without a service. Where the service is not offered at a file’s location, the person is listed as not invited.',
        )}
      </p>
      {settings.mappings.length === 0 ? (
        <p>{s('Noch keine Zuordnung.', 'No mapping yet.')}</p>
      ) : (
        <table class="data-table">
          <caption>{s('Titelart und Leistung, in der sie verlängert wird', 'Kind of title and the service it is extended in')}</caption>
          <thead>
            <tr>
              <th scope="col">{s('Titelart', 'Kind of title')}</th>
              <th scope="col">{s('Leistung', 'Service')}</th>
              <th scope="col">{s('Angeboten an', 'Offered at')}</th>
              <th scope="col">{s('Entfernen', 'Remove')}</th>
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
                        {s(`Leistung für ${m.kindName}`, `Service for ${m.kindName}`)}
                      </label>
                      <select id={id} name="serviceId" {...invalid(form, 'serviceId', id)}>
                        {m.serviceActive ? null : (
                          <option value={m.serviceId} selected={chosen === m.serviceId}>
                            {m.serviceName} ({s('nicht aktiv', 'inactive')})
                          </option>
                        )}
                        {settings.services.map((service) => (
                          <option value={service.id} selected={chosen === service.id}>
                            {service.name}
                          </option>
                        ))}
                      </select>{' '}
                      <button type="submit" class="link-button">
                        {s('Ändern', 'Change')}
                        <span class="visually-hidden"> {m.kindName}</span>
                      </button>
                      {errorOf(form, 'serviceId') ? (
                        <p class="field-error" id={`${id}-error`}>
                          {errorOf(form, 'serviceId')}
                        </p>
                      ) : null}
                    </form>
                  </td>
                  <td>{m.locationNames.length > 0 ? m.locationNames.join(', ') : <strong>{s('an keinem Standort', 'at no location')}</strong>}</td>
                  <td>
                    <form method="post" action={`/staff/admin/invitations/services/${m.kind}/delete`} class="inline-form">
                      <CsrfField c={c} />
                      <input type="hidden" name="version" value={String(m.version)} />
                      <button type="submit" class="link-button">
                        {s('Entfernen', 'Remove')}
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
          <h3>{s('Zuordnung hinzufügen', 'Add a mapping')}</h3>
          <StaffForm c={c} action="/staff/admin/invitations/services" submitLabel={s('Hinzufügen', 'Add')}>
            <div>
              <label for="add-kind">{s('Titelart', 'Kind of title')}</label>
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
              <label for="add-service">{s('Leistung', 'Service')}</label>
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
