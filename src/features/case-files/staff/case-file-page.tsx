import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { FieldError } from '../../../shared/app-error.ts';
import { addDays, formatDateTime } from '../../../web/format.ts';
import { CsrfField, can, currentStaff, ErrorList, StaffForm, StaffLayout, staffLang } from '../../staff/index.ts';
import { DocumentList } from '../documents/document-pages.tsx';
import type { DocumentSummary } from '../documents/document-queries.ts';
import { familyRelations } from '../link-family.ts';
import type { CaseFileView } from '../open-case-file.ts';
import { formatPartialDate } from '../partial-date.ts';
import { residenceTitleKinds, type ResidenceTitleKind } from '../residence-titles.ts';
import { PersonFields, type TypedForm } from './person-form.tsx';
import { ProcedureCard } from './procedure-section.tsx';
import { say } from './staff-texts.ts';

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
  const s = say(c);
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
    <StaffLayout c={c} title={`${s('Akte', 'File')} ${view.file.reference}`} wide>
      <h1>
        <bdi>{title}</bdi> · {s('Akte', 'File')} <span class="ltr">{view.file.reference}</span>
      </h1>
      <p>
        {view.file.location_name} ·{' '}
        {view.file.state === 'active'
          ? s('aktiv', 'active')
          : view.file.state === 'closed'
            ? s(`geschlossen, aufbewahrt bis ${view.file.retention_until}`, `closed, kept until ${view.file.retention_until}`)
            : s(
                `abgegeben an ${view.file.handed_over_to}, aufbewahrt bis ${view.file.retention_until}`,
                `handed over to ${view.file.handed_over_to}, kept until ${view.file.retention_until}`,
              )}
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
      <nav aria-label={s('Abschnitte', 'Sections')}>
        <ul class="inline-list">
          <li>
            <a href="#person">{s('Person', 'Person')}</a>
          </li>
          <li>
            <a href="#title">{s('Aufenthaltstitel', 'Residence title')}</a>
          </li>
          <li>
            <a href="#procedures">{s('Vorgänge', 'Procedures')}</a>
          </li>
          <li>
            <a href="#notes">{s('Vermerke', 'Notes')}</a>
          </li>
          <li>
            <a href="#visits">{s('Termine und Besuche', 'Appointments and visits')}</a>
          </li>
          <li>
            <a href="#documents">{s('Dokumente', 'Documents')}</a>
          </li>
        </ul>
      </nav>

      <section id="person" aria-labelledby="person-h">
        <h2 id="person-h">{s('Person', 'Person')}</h2>
        <dl class="facts">
          <dt>{s('Familienname', 'Family name')}</dt>
          <dd>
            <bdi>{person.familyName}</bdi>
          </dd>
          <dt>{s('Vornamen', 'Given names')}</dt>
          <dd>
            <bdi>{person.givenNames || '—'}</bdi>
          </dd>
          {person.birthName ? (
            <>
              <dt>{s('Geburtsname', 'Birth name')}</dt>
              <dd>
                <bdi>{person.birthName}</bdi>
              </dd>
            </>
          ) : null}
          <dt>{s('Geburtsdatum', 'Date of birth')}</dt>
          <dd>{person.birthDate ? formatPartialDate(person.birthDate) : s('unbekannt', 'unknown')}</dd>
          <dt>{s('Geburtsort', 'Place of birth')}</dt>
          <dd>{[person.placeOfBirth, person.countryOfBirth].filter(Boolean).join(', ') || '—'}</dd>
          <dt>{s('Staatsangehörigkeiten', 'Nationalities')}</dt>
          <dd>{person.nationalities.join(', ') || '—'}</dd>
          <dt>{s('Anschrift', 'Address')}</dt>
          <dd>{[person.addressStreet, [person.addressPostalCode, person.addressCity].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '—'}</dd>
          <dt>{s('Kontakt', 'Contact')}</dt>
          <dd>{[person.email, person.phone].filter(Boolean).join(' · ') || '—'}</dd>
          {person.formerNames.length + person.nameVariants.length > 0 ? (
            <>
              <dt>{s('Weitere Namen', 'Other names')}</dt>
              <dd>
                <bdi>{[...person.formerNames, ...person.nameVariants].join(' · ')}</bdi>
              </dd>
            </>
          ) : null}
        </dl>
        {canWrite ? (
          <details open={typedInto('person') !== undefined}>
            <summary>{s('Personendaten ändern', 'Edit person data')}</summary>
            <StaffForm c={c} action={`${base}/person`} submitLabel={s('Speichern', 'Save')}>
              <input type="hidden" name="basedOnVersion" value={String(view.person.version)} />
              <PersonFields c={c} person={person} typed={typedInto('person')} idPrefix="edit" />
            </StaffForm>
          </details>
        ) : null}
        <h3>{s('Familie', 'Family')}</h3>
        {view.family.length ? (
          <ul>
            {view.family.map((f) => (
              <li>
                {s(...familyLabel(f.relation))}:{' '}
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
                      {s('Verknüpfung lösen', 'Remove link')}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{s('Keine Angehörigen verknüpft.', 'No relatives linked.')}</p>
        )}
        {canWrite ? (
          <details>
            <summary>{s('Angehörige verknüpfen', 'Link a relative')}</summary>
            <StaffForm c={c} action={`${base}/family`} submitLabel={s('Verknüpfen', 'Link')}>
              <div>
                <label for="family-ref">{s('Aktenzeichen der/des Angehörigen', "Relative's file reference")}</label>
                <input type="text" id="family-ref" name="relatedReference" required maxlength={60} />
              </div>
              <div>
                <label for="family-rel">{s('Die/der Angehörige ist', 'The relative is')}</label>
                <select id="family-rel" name="relation">
                  {(Object.keys(familyRelations) as (keyof typeof familyRelations)[]).map((r) => (
                    <option value={r}>{s(...familyLabel(r))}</option>
                  ))}
                </select>
              </div>
            </StaffForm>
          </details>
        ) : null}
      </section>

      <section id="title" aria-labelledby="title-h">
        <h2 id="title-h">{s('Aufenthaltstitel', 'Residence title')}</h2>
        {current ? (
          <div
            class={expiresSoon(current.valid_until, today) ? 'notice warning' : undefined}
            role={expiresSoon(current.valid_until, today) ? 'note' : undefined}
          >
            <p>
              <strong>{residenceTitleKinds[current.kind as ResidenceTitleKind] ?? current.kind}</strong>
              {current.legal_basis ? ` (${current.legal_basis})` : ''} · {s('gültig', 'valid')} {current.valid_from ?? '…'} – {current.valid_until ?? '…'}
              {current.card_serial ? (
                <>
                  {' '}
                  · eAT <span class="ltr">{current.card_serial}</span>
                </>
              ) : null}
            </p>
            {expiresSoon(current.valid_until, today) ? (
              <p data-testid="title-expires-soon">
                <strong>{s('Läuft in weniger als 4 Monaten ab.', 'Expires in less than 4 months.')}</strong>
              </p>
            ) : null}
          </div>
        ) : (
          <p>{s('Kein Aufenthaltstitel erfasst.', 'No residence title recorded.')}</p>
        )}
        {canWrite ? (
          <details open={typedInto('title') !== undefined}>
            <summary>{s('Aktuellen Aufenthaltstitel eintragen', 'Record the current residence title')}</summary>
            <StaffForm c={c} action={`${base}/title`} submitLabel={s('Eintragen', 'Record')}>
              <div>
                <label for="title-kind">{s('Art', 'Kind')}</label>
                <select id="title-kind" name="kind">
                  {Object.entries(residenceTitleKinds).map(([code, name]) => (
                    <option value={code} selected={typedText('title', 'kind') === code}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="title-basis">{s('Rechtsgrundlage (z. B. § 24 AufenthG)', 'Legal basis (e.g. § 24 AufenthG)')}</label>
                <input type="text" id="title-basis" name="legalBasis" value={typedText('title', 'legalBasis')} maxlength={100} />
              </div>
              <div>
                <label for="title-from">{s('Gültig ab', 'Valid from')}</label>
                <input type="date" id="title-from" name="validFrom" value={typedText('title', 'validFrom')} />
              </div>
              <div>
                <label for="title-until">{s('Gültig bis', 'Valid until')}</label>
                <input type="date" id="title-until" name="validUntil" value={typedText('title', 'validUntil')} />
              </div>
              <div>
                <label for="title-card">{s('Kartennummer des eAT', 'eAT card serial')}</label>
                <input type="text" id="title-card" name="cardSerial" value={typedText('title', 'cardSerial')} maxlength={12} />
              </div>
            </StaffForm>
          </details>
        ) : null}
        {view.titles.length > 1 ? (
          <details>
            <summary>{s('Frühere Titel', 'Earlier titles')}</summary>
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
        <h2 id="procedures-h">{s('Vorgänge', 'Procedures')}</h2>
        {view.procedures.length === 0 ? <p>{s('Keine Vorgänge.', 'No procedures.')}</p> : null}
        {view.procedures.map((p) => (
          <ProcedureCard c={c} procedure={p} view={view} canWrite={canWrite} />
        ))}
        {canWrite ? (
          <details>
            <summary>{s('Vorgang anlegen', 'Open a procedure')}</summary>
            <StaffForm c={c} action={`${base}/procedures`} submitLabel={s('Anlegen', 'Open')}>
              <div>
                <label for="procedure-type">{s('Verfahrensart', 'Procedure type')}</label>
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
                <label for="procedure-note">{s('Vermerk', 'Note')}</label>
                <textarea id="procedure-note" name="note" maxlength={2000} rows={2}></textarea>
              </div>
            </StaffForm>
          </details>
        ) : null}
      </section>

      <section id="notes" aria-labelledby="notes-h">
        <h2 id="notes-h">{s('Vermerke', 'Notes')}</h2>
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
          <p>{s('Keine Vermerke.', 'No notes.')}</p>
        )}
        {canWrite ? (
          <StaffForm c={c} action={`${base}/notes`} submitLabel={s('Vermerk hinzufügen', 'Add note')}>
            <div>
              <label for="note-text">{s('Neuer Vermerk', 'New note')}</label>
              <textarea id="note-text" name="text" maxlength={4000} rows={3} required dir="auto">
                {typedText('notes', 'text') ?? ''}
              </textarea>
            </div>
          </StaffForm>
        ) : null}
      </section>

      <section id="visits" aria-labelledby="visits-h">
        <h2 id="visits-h">{s('Termine und Besuche', 'Appointments and visits')}</h2>
        <VisitList c={c} appointments={view.visits.appointments} timeZone={view.file.time_zone} />
        {view.visits.tickets.length ? (
          <ul>
            {view.visits.tickets.map((t) => (
              <li>
                {s('Wartenummer', 'Ticket')} <span class="ltr">{t.display_number ?? ''}</span> · {t.day} · {t.status}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section id="documents" aria-labelledby="documents-h">
        <h2 id="documents-h">{s('Dokumente', 'Documents')}</h2>
        <DocumentList lang={lang} fileId={view.file.id} documents={props.documents} now={props.now} />
        <p>
          <a href={`${base}/documents`}>{s('Dokumente hochladen und bearbeiten', 'Upload and edit documents')}</a> ·{' '}
          <a href={`${base}/export.zip`}>{s('Akte als xdomea-Abgabe exportieren (ZIP)', 'Export the file as an xdomea transfer (ZIP)')}</a>
        </p>
      </section>

      {view.accessLog ? (
        <section id="access-log" aria-labelledby="access-h">
          <h2 id="access-h">{s('Zugriffe', 'Access log')}</h2>
          <AccessTable c={c} entries={view.accessLog} timeZone={view.file.time_zone} />
        </section>
      ) : null}

      {canWrite ? (
        <section id="close" aria-labelledby="close-h">
          <h2 id="close-h">{s('Akte schließen oder abgeben', 'Close or hand over the file')}</h2>
          <StaffForm c={c} action={`${base}/close`} submitLabel={s('Akte schließen', 'Close file')}>
            <input type="hidden" name="basedOnVersion" value={String(view.file.version)} />
            <div>
              <label for="close-to">{s('Abgegeben an (Behörde; leer lassen, wenn nur geschlossen)', 'Handed over to (office; empty when only closed)')}</label>
              <input type="text" id="close-to" name="handedOverTo" maxlength={200} value={typedText('close', 'handedOverTo')} />
            </div>
          </StaffForm>
        </section>
      ) : null}
    </StaffLayout>
  );
}

function familyLabel(relation: string): [string, string] {
  if (relation === 'spouse') return ['Ehegatte/Ehegattin', 'Spouse'];
  if (relation === 'child') return ['Kind', 'Child'];
  return ['Elternteil', 'Parent'];
}

export function VisitList(props: {
  c: Context<AppEnv>;
  appointments: { id: string; code: string; starts_at: Date; status: string; service_name: string | null }[];
  timeZone: string;
}) {
  const s = say(props.c);
  if (props.appointments.length === 0) return <p>{s('Keine verknüpften Termine.', 'No linked appointments.')}</p>;
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
  const s = say(props.c);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{s('Wann', 'When')}</th>
          <th scope="col">{s('Wer', 'Who')}</th>
          <th scope="col">{s('Was', 'What')}</th>
          <th scope="col">{s('Ergebnis', 'Outcome')}</th>
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
