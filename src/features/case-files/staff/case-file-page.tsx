import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { FieldError } from '../../../shared/app-error.ts';
import { addDays, formatDateTime } from '../../../web/format.ts';
import { CsrfField, can, currentStaff, ErrorList, StaffForm, StaffLayout, staffLang, staffT } from '../../staff/index.ts';
import { DocumentList } from '../documents/document-pages.tsx';
import type { DocumentSummary } from '../documents/document-queries.ts';
import { familyRelations } from '../link-family.ts';
import type { CaseFileView } from '../open-case-file.ts';
import { formatPartialDate } from '../partial-date.ts';
import { residenceTitleKinds, type ResidenceTitleKind } from '../residence-titles.ts';
import { PersonFields, type TypedForm } from './person-form.tsx';
import { ProcedureCard } from './procedure-section.tsx';

/** A refused change shown above the file: its message (a conflict names the fields changed meanwhile) and its fields. */
export type PageProblem = { message: string; fieldErrors?: FieldError[] | undefined };
/** A refused form of the page (named by the last part of its action) with what was typed into it. */
export type TypedEntry = { form: string; values: TypedForm };

/** A title expiring within four months is highlighted: time to invite the person for the extension. */
const expiresSoon = (validUntil: string | null, today: string) => validUntil !== null && validUntil < addDays(today, 122);

/** The file (Ausländerakte) of one person, everything on one page; each change is a small form. */
export function CaseFilePage(props: {
  c: Context<AppEnv>;
  view: CaseFileView;
  documents: DocumentSummary[];
  now: Date;
  today: string;
  problem?: PageProblem | undefined;
  typed?: TypedEntry | undefined;
  notice?: string | undefined;
}) {
  const { c, view, today } = props;
  const t = staffT(c);
  const lang = staffLang(c);
  const actor = currentStaff(c);
  const canWrite = can(actor, 'case_file.write', { locationId: view.file.location_id }) && view.file.state === 'active';
  const person = view.person.person;
  const when = (at: Date) => formatDateTime(lang, at, view.file.time_zone);
  const title = `${person.familyName}, ${person.givenNames}`;
  const current = view.titles.find((t) => t.is_current);
  /** What was typed into the form `form` before it was refused, if that is the form refused. */
  const typedInto = (form: string) => (props.typed?.form === form ? props.typed.values : undefined);
  const typedText = (form: string, name: string) => {
    const value = typedInto(form)?.[name];
    return value === undefined ? undefined : String(value);
  };
  const base = `/staff/files/${view.file.id}`;
  return (
    <StaffLayout c={c} title={t('staff.case_file.file.title', { reference: view.file.reference })} wide>
      <h1>
        <bdi>{title}</bdi> · {t('staff.case_file.file.file')} <span class="ltr">{view.file.reference}</span>
      </h1>
      <p>
        {view.file.location_name} ·{' '}
        {view.file.state === 'active'
          ? t('staff.case_file.file.state_active')
          : view.file.state === 'closed'
            ? t('staff.case_file.file.state_closed', { retentionUntil: String(view.file.retention_until) })
            : t('staff.case_file.file.state_handed_over', {
                handedOverTo: String(view.file.handed_over_to),
                retentionUntil: String(view.file.retention_until),
              })}
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.problem ? (
        <div class="error-summary" role="alert" id="problem">
          <p>{props.problem.message}</p>
          <ErrorList messages={(props.problem.fieldErrors ?? []).map((f) => `${f.path}: ${f.message}`)} />
        </div>
      ) : null}
      <nav aria-label={t('staff.case_file.file.sections')}>
        <ul class="inline-list">
          <li>
            <a href="#person">{t('staff.case_file.common.person')}</a>
          </li>
          <li>
            <a href="#title">{t('staff.case_file.file.residence_title')}</a>
          </li>
          <li>
            <a href="#procedures">{t('staff.case_file.file.procedures')}</a>
          </li>
          <li>
            <a href="#notes">{t('staff.case_file.file.notes')}</a>
          </li>
          <li>
            <a href="#visits">{t('staff.case_file.file.appointments_and_visits')}</a>
          </li>
          <li>
            <a href="#documents">{t('staff.case_file.file.documents')}</a>
          </li>
        </ul>
      </nav>

      <section id="person" aria-labelledby="person-h">
        <h2 id="person-h">{t('staff.case_file.common.person')}</h2>
        <dl class="facts">
          <dt>{t('staff.case_file.common.family_name')}</dt>
          <dd>
            <bdi>{person.familyName}</bdi>
          </dd>
          <dt>{t('staff.case_file.common.given_names')}</dt>
          <dd>
            <bdi>{person.givenNames || '—'}</bdi>
          </dd>
          {person.birthName ? (
            <>
              <dt>{t('staff.case_file.common.birth_name')}</dt>
              <dd>
                <bdi>{person.birthName}</bdi>
              </dd>
            </>
          ) : null}
          <dt>{t('staff.case_file.common.date_of_birth')}</dt>
          <dd>{person.birthDate ? formatPartialDate(person.birthDate) : t('staff.case_file.common.unknown')}</dd>
          <dt>{t('staff.case_file.common.place_of_birth')}</dt>
          <dd>{[person.placeOfBirth, person.countryOfBirth].filter(Boolean).join(', ') || '—'}</dd>
          <dt>{t('staff.case_file.file.nationalities')}</dt>
          <dd>{person.nationalities.join(', ') || '—'}</dd>
          <dt>{t('staff.case_file.file.address')}</dt>
          <dd>{[person.addressStreet, [person.addressPostalCode, person.addressCity].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '—'}</dd>
          <dt>{t('staff.case_file.file.contact')}</dt>
          <dd>{[person.email, person.phone].filter(Boolean).join(' · ') || '—'}</dd>
          {person.formerNames.length + person.nameVariants.length > 0 ? (
            <>
              <dt>{t('staff.case_file.file.other_names')}</dt>
              <dd>
                <bdi>{[...person.formerNames, ...person.nameVariants].join(' · ')}</bdi>
              </dd>
            </>
          ) : null}
        </dl>
        {canWrite ? (
          <details open={typedInto('person') !== undefined}>
            <summary>{t('staff.case_file.file.edit_person_data')}</summary>
            <StaffForm c={c} action={`${base}/person`} submitLabel={t('staff.case_file.common.save')}>
              <input type="hidden" name="basedOnVersion" value={String(view.person.version)} />
              <PersonFields c={c} person={person} typed={typedInto('person')} idPrefix="edit" />
            </StaffForm>
          </details>
        ) : null}
        <h3>{t('staff.case_file.file.family')}</h3>
        {view.family.length ? (
          <ul>
            {view.family.map((f) => (
              <li>
                {t(familyLabel(f.relation))}:{' '}
                {f.file_id ? (
                  <a href={`/staff/files/${f.file_id}`}>
                    <bdi>{`${f.family_name}, ${f.given_names}`}</bdi>
                  </a>
                ) : (
                  <bdi>{`${f.family_name}, ${f.given_names}`}</bdi>
                )}
                {canWrite ? (
                  <form method="post" action={`${base}/family/remove`} class="inline">
                    <CsrfField c={c} />
                    <input type="hidden" name="relatedPersonId" value={f.related_person_id} />{' '}
                    <button type="submit" class="link-button">
                      {t('staff.case_file.file.remove_link')}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('staff.case_file.file.no_relatives_linked')}</p>
        )}
        {canWrite ? (
          <details>
            <summary>{t('staff.case_file.file.link_a_relative')}</summary>
            <StaffForm c={c} action={`${base}/family`} submitLabel={t('staff.case_file.file.link')}>
              <div>
                <label for="family-ref">{t('staff.case_file.file.relative_reference')}</label>
                <input type="text" id="family-ref" name="relatedReference" required maxlength={60} />
              </div>
              <div>
                <label for="family-rel">{t('staff.case_file.file.the_relative_is')}</label>
                <select id="family-rel" name="relation">
                  {(Object.keys(familyRelations) as (keyof typeof familyRelations)[]).map((r) => (
                    <option value={r}>{t(familyLabel(r))}</option>
                  ))}
                </select>
              </div>
            </StaffForm>
          </details>
        ) : null}
      </section>

      <section id="title" aria-labelledby="title-h">
        <h2 id="title-h">{t('staff.case_file.file.residence_title')}</h2>
        {current ? (
          <div
            class={expiresSoon(current.valid_until, today) ? 'notice warning' : undefined}
            role={expiresSoon(current.valid_until, today) ? 'note' : undefined}
          >
            <p>
              <strong>{residenceTitleKinds[current.kind as ResidenceTitleKind] ?? current.kind}</strong>
              {current.legal_basis ? ` (${current.legal_basis})` : ''} ·{' '}
              {t('staff.case_file.file.valid_from_until', { from: current.valid_from ?? '…', until: current.valid_until ?? '…' })}
              {current.card_serial ? (
                <>
                  {' '}
                  · eAT <span class="ltr">{current.card_serial}</span>
                </>
              ) : null}
            </p>
            {expiresSoon(current.valid_until, today) ? (
              <p data-testid="title-expires-soon">
                <strong>{t('staff.case_file.file.expires_soon')}</strong>
              </p>
            ) : null}
          </div>
        ) : (
          <p>{t('staff.case_file.file.no_title')}</p>
        )}
        {canWrite ? (
          <details open={typedInto('title') !== undefined}>
            <summary>{t('staff.case_file.file.record_title')}</summary>
            <StaffForm c={c} action={`${base}/title`} submitLabel={t('staff.case_file.file.record')}>
              <div>
                <label for="title-kind">{t('staff.case_file.file.kind')}</label>
                <select id="title-kind" name="kind">
                  {Object.entries(residenceTitleKinds).map(([code, name]) => (
                    <option value={code} selected={typedText('title', 'kind') === code}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="title-basis">{t('staff.case_file.file.legal_basis')}</label>
                <input type="text" id="title-basis" name="legalBasis" value={typedText('title', 'legalBasis')} maxlength={100} />
              </div>
              <div>
                <label for="title-from">{t('staff.case_file.file.valid_from')}</label>
                <input type="date" id="title-from" name="validFrom" value={typedText('title', 'validFrom')} />
              </div>
              <div>
                <label for="title-until">{t('staff.case_file.file.valid_until')}</label>
                <input type="date" id="title-until" name="validUntil" value={typedText('title', 'validUntil')} />
              </div>
              <div>
                <label for="title-card">{t('staff.case_file.file.eat_card_serial')}</label>
                <input type="text" id="title-card" name="cardSerial" value={typedText('title', 'cardSerial')} maxlength={12} />
              </div>
            </StaffForm>
          </details>
        ) : null}
        {view.titles.length > 1 ? (
          <details>
            <summary>{t('staff.case_file.file.earlier_titles')}</summary>
            <ul>
              {view.titles
                .filter((t) => !t.is_current)
                .map((t) => (
                  <li>
                    {residenceTitleKinds[t.kind as ResidenceTitleKind] ?? t.kind} {t.legal_basis ?? ''} · {t.valid_from ?? '…'} – {t.valid_until ?? '…'}
                  </li>
                ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section id="procedures" aria-labelledby="procedures-h">
        <h2 id="procedures-h">{t('staff.case_file.file.procedures')}</h2>
        {view.procedures.length === 0 ? <p>{t('staff.case_file.file.no_procedures')}</p> : null}
        {view.procedures.map((p) => (
          <ProcedureCard c={c} procedure={p} view={view} canWrite={canWrite} />
        ))}
        {canWrite ? (
          <details>
            <summary>{t('staff.case_file.file.open_a_procedure')}</summary>
            <StaffForm c={c} action={`${base}/procedures`} submitLabel={t('staff.case_file.file.open')}>
              <div>
                <label for="procedure-type">{t('staff.case_file.file.procedure_type')}</label>
                <select id="procedure-type" name="procedureTypeId">
                  {view.procedureTypes.map((t) => (
                    <option value={t.id}>
                      {t.name_de}
                      {t.legal_basis ? ` (${t.legal_basis})` : ''}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="procedure-note">{t('staff.case_file.common.note')}</label>
                <textarea id="procedure-note" name="note" maxlength={2000} rows={2}></textarea>
              </div>
            </StaffForm>
          </details>
        ) : null}
      </section>

      <section id="notes" aria-labelledby="notes-h">
        <h2 id="notes-h">{t('staff.case_file.file.notes')}</h2>
        {view.notes.length ? (
          <ul>
            {view.notes.map((n) => (
              <li>
                <p dir="auto">{n.text}</p>
                <p class="muted">
                  {when(n.at)} · {n.by_label}
                  {n.procedure_number ? ` · ${n.procedure_number}` : ''}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('staff.case_file.file.no_notes')}</p>
        )}
        {canWrite ? (
          <StaffForm c={c} action={`${base}/notes`} submitLabel={t('staff.case_file.file.add_note')}>
            <div>
              <label for="note-text">{t('staff.case_file.file.new_note')}</label>
              <textarea id="note-text" name="text" maxlength={4000} rows={3} required dir="auto">
                {typedText('notes', 'text') ?? ''}
              </textarea>
            </div>
          </StaffForm>
        ) : null}
      </section>

      <section id="visits" aria-labelledby="visits-h">
        <h2 id="visits-h">{t('staff.case_file.file.appointments_and_visits')}</h2>
        <VisitList c={c} appointments={view.visits.appointments} timeZone={view.file.time_zone} />
        {view.visits.tickets.length ? (
          <ul>
            {view.visits.tickets.map((ticket) => (
              <li>
                {t('staff.case_file.common.ticket')} <span class="ltr">{ticket.display_number ?? ''}</span> · {ticket.day} · {ticket.status}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section id="documents" aria-labelledby="documents-h">
        <h2 id="documents-h">{t('staff.case_file.file.documents')}</h2>
        <DocumentList lang={lang} fileId={view.file.id} documents={props.documents} now={props.now} />
        <p>
          <a href={`${base}/documents`}>{t('staff.case_file.file.edit_documents')}</a> ·{' '}
          <a href={`${base}/export.zip`}>{t('staff.case_file.file.export_xdomea')}</a>
        </p>
      </section>

      {view.accessLog ? (
        <section id="access-log" aria-labelledby="access-h">
          <h2 id="access-h">{t('staff.case_file.file.access_log')}</h2>
          <AccessTable c={c} entries={view.accessLog} timeZone={view.file.time_zone} />
        </section>
      ) : null}

      {canWrite ? (
        <section id="close" aria-labelledby="close-h">
          <h2 id="close-h">{t('staff.case_file.file.close_or_hand_over')}</h2>
          <StaffForm c={c} action={`${base}/close`} submitLabel={t('staff.case_file.file.close_file')}>
            <input type="hidden" name="basedOnVersion" value={String(view.file.version)} />
            <div>
              <label for="close-to">{t('staff.case_file.file.handed_over_to')}</label>
              <input type="text" id="close-to" name="handedOverTo" maxlength={200} value={typedText('close', 'handedOverTo')} />
            </div>
          </StaffForm>
        </section>
      ) : null}
    </StaffLayout>
  );
}

/** The message key naming the relative's role. */
function familyLabel(relation: string): string {
  if (relation === 'spouse') return 'staff.case_file.family.spouse';
  if (relation === 'child') return 'staff.case_file.family.child';
  return 'staff.case_file.family.parent';
}

export function VisitList(props: {
  c: Context<AppEnv>;
  appointments: { id: string; code: string; starts_at: Date; status: string; service_name: string | null }[];
  timeZone: string;
}) {
  const t = staffT(props.c);
  if (props.appointments.length === 0) return <p>{t('staff.case_file.visits.no_linked_appointments')}</p>;
  return (
    <ul>
      {props.appointments.map((a) => (
        <li>
          {formatDateTime(staffLang(props.c), a.starts_at, props.timeZone)} · {a.service_name ?? ''} · <span class="ltr">{a.code}</span> · {a.status}
        </li>
      ))}
    </ul>
  );
}

export function AccessTable(props: { c: Context<AppEnv>; entries: { at: Date; actor_label: string; action: string; outcome: string }[]; timeZone: string }) {
  const t = staffT(props.c);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('staff.case_file.common.when')}</th>
          <th scope="col">{t('staff.case_file.common.who')}</th>
          <th scope="col">{t('staff.case_file.access.what')}</th>
          <th scope="col">{t('staff.case_file.access.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((e) => (
          <tr>
            <td>{formatDateTime(staffLang(props.c), e.at, props.timeZone)}</td>
            <td>{e.actor_label}</td>
            <td>{e.action}</td>
            <td>{e.outcome}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
