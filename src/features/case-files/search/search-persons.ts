import type { Database } from '../../../db/database.ts';
import type { Clock } from '../../../shared/clock.ts';
import { authorize, can, type StaffActor } from '../../staff/index.ts';
import { personAuditLabel } from '../audit-file-read.ts';
import { auditSearchResults } from './audit-search-results.ts';
import { appointmentsOfPersons, type LinkedAppointment } from './linked-appointments-store.ts';
import { readPersonQuery, refused } from './person-query.ts';
import { findPersons, withoutParallelWorkers, type PersonHit } from './person-search-store.ts';

export type SearchDeps = { db: Database; clock: Clock };

/** A partial date of birth: only what the file knows. */
export type BirthDate = { year: number | null; month: number | null; day: number | null };

/** What a clerk or team lead sees of a result: enough to pick the right person, nothing more. */
export type PersonResult = {
  fileId: string;
  familyName: string;
  givenNames: string;
  birthDate: BirthDate;
  nationalities: string[];
  fileReference: string;
  locationName: string;
};

/** What reception sees, to link a ticket or appointment: name, date of birth, appointments. */
export type IdentifiedPerson = {
  personId: string;
  familyName: string;
  givenNames: string;
  birthDate: BirthDate;
  appointments: LinkedAppointment[];
};

export type PersonSearch = { view: 'file'; results: PersonResult[]; terms: number } | { view: 'identify'; results: IdentifiedPerson[]; terms: number };

export const defaultResultLimit = 20;
export const maxResultLimit = 50;

/**
 * As-you-type person search over the files of the actor's locations. Clerks and team leads
 * (case_file.read) get file results; reception (case_file.identify) only name, date of birth and
 * appointments, and only by name and date of birth. Admins have no access to file contents in
 * the policy and are refused. Every list shown is audited, in the transaction that read it.
 */
export async function searchPersons(deps: SearchDeps, actor: StaffActor, input: { query: string; limit?: number }): Promise<PersonSearch> {
  const view = can(actor, 'case_file.read') ? 'file' : 'identify';
  authorize(actor, view === 'file' ? 'case_file.read' : 'case_file.identify');
  const terms = readPersonQuery(input.query);
  if (view === 'identify' && terms.some((term) => term.kind !== 'name' && term.kind !== 'birth'))
    throw refused('reception_criteria', 'Reception searches by name and date of birth only.');
  const limit = Math.min(Math.max(input.limit ?? defaultResultLimit, 1), maxResultLimit);
  if (terms.length === 0) return { view, results: [], terms: 0 };
  return deps.db.transaction().execute(async (trx) => {
    await withoutParallelWorkers(trx);
    const hits = await findPersons(trx, terms, actor.locationIds, limit);
    await auditSearchResults(trx, deps.clock, actor, {
      what: view === 'file' ? 'case_file.search_persons' : 'case_file.identify_persons',
      query: input.query,
      results: hits.map((hit) => ({ personId: hit.person_id, personLabel: personAuditLabel(hit), target: { type: 'case_file', id: hit.file_id } })),
    });
    if (view === 'file') return { view, results: hits.map(fileResult), terms: terms.length };
    const appointments = await appointmentsOfPersons(
      trx,
      hits.map((hit) => hit.person_id),
    );
    return {
      view,
      terms: terms.length,
      results: hits.map((hit) => ({
        personId: hit.person_id,
        familyName: hit.family_name,
        givenNames: hit.given_names,
        birthDate: birthDate(hit),
        appointments: appointments.get(hit.person_id) ?? [],
      })),
    };
  });
}

function fileResult(hit: PersonHit): PersonResult {
  return {
    fileId: hit.file_id,
    familyName: hit.family_name,
    givenNames: hit.given_names,
    birthDate: birthDate(hit),
    nationalities: hit.nationalities,
    fileReference: hit.reference,
    locationName: hit.location_name,
  };
}

const birthDate = (hit: PersonHit): BirthDate => ({ year: hit.birth_year, month: hit.birth_month, day: hit.birth_day });

export function formatBirthDate(date: BirthDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.year === null) return '';
  if (date.month === null) return String(date.year);
  if (date.day === null) return `${pad(date.month)}.${date.year}`;
  return `${pad(date.day)}.${pad(date.month)}.${date.year}`;
}
