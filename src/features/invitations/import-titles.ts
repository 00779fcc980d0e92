import { AppError } from '../../shared/app-error.ts';
import { isIsoDay } from '../../web/format.ts';
import { isLanguage } from '../../web/i18n.ts';
import { findCaseFileByReference, insertCaseFile, insertPerson, parsePartialDate, replaceCurrentTitle, residenceTitleKinds } from '../case-files/index.ts';
import { listLocations } from '../office/index.ts';
import { authorizeChange, recordAudit, type ChangeContext } from '../staff/index.ts';
import type { InvitationDeps } from './invitation-deps.ts';

export type TitleImportReport = { created: number; updated: number; unchanged: number; errors: { line: number; message: string }[] };

/** The columns of the CSV (docs/invitations.md, "CSV import"); the first five are required. */
const required = ['aktenzeichen', 'familienname', 'titelart', 'gueltig_bis', 'standort'] as const;
const maxRows = 50_000;

/**
 * Titles with their expiry from a CSV export of the office's Fachverfahren, for offices whose files
 * are not in Lotse yet: each row makes (or finds, by Aktenzeichen) the person's file and sets the
 * current title. Every row is its own transaction; a bad row is reported with its line and leaves
 * nothing behind. Importing the same file twice changes nothing.
 */
export async function importTitles(deps: Pick<InvitationDeps, 'db' | 'clock'>, ctx: ChangeContext, csv: string): Promise<TitleImportReport> {
  await authorizeChange(deps, ctx, 'invitation.manage');
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(';').map((h) => h.trim().toLowerCase());
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0 && header.length === 1 && /[,\t]/.test(header[0] ?? ''))
    throw new AppError(
      'validation_failed',
      'Die Spalten sind durch Kommas oder Tabulatoren getrennt; erwartet wird das Semikolon (;). / Columns must be separated by semicolons.',
      { fieldErrors: [{ path: 'csv', message: 'Trennzeichen' }] },
    );
  if (missing.length > 0) {
    throw new AppError('validation_failed', `Es fehlen Spalten / missing columns: ${missing.join(', ')}`, {
      fieldErrors: [{ path: 'csv', message: missing.join(', ') }],
    });
  }
  if (lines.length - 1 > maxRows) throw new AppError('validation_failed', `Höchstens ${maxRows} Zeilen / at most ${maxRows} rows.`);
  const locations = new Map((await listLocations(deps)).map((l) => [l.slug, l.id]));
  const kinds = new Map<string, string>(
    Object.entries(residenceTitleKinds).flatMap(([code, name]) => [
      [code, code],
      [name.toLowerCase(), code],
    ]),
  );
  const report: TitleImportReport = { created: 0, updated: 0, unchanged: 0, errors: [] };
  const now = deps.clock.now();
  for (const [index, line] of lines.entries()) {
    if (index === 0 || line.trim() === '') continue;
    const cells = line.split(';').map((c) => c.trim());
    const value = (column: string) => cells[header.indexOf(column)] ?? '';
    const problem = (message: string) => report.errors.push({ line: index + 1, message });
    const reference = value('aktenzeichen');
    const kind = kinds.get(value('titelart').toLowerCase());
    const validUntil = germanOrIsoDate(value('gueltig_bis'));
    const locationId = locations.get(value('standort'));
    const birth = parsePartialDate(value('geburtsdatum'));
    if (!/^[A-Za-z0-9][A-Za-z0-9./ -]{0,59}$/.test(reference)) problem('Aktenzeichen fehlt oder ist ungültig / file reference missing or invalid');
    else if (!value('familienname')) problem('Familienname fehlt / family name missing');
    else if (!kind) problem(`Unbekannte Titelart / unknown kind of title: ${value('titelart')}`);
    else if (!validUntil) problem('„gueltig_bis“ ist kein Datum (TT.MM.JJJJ) / not a date');
    else if (!locationId) problem(`Unbekannter Standort / unknown location: ${value('standort')}`);
    else if (!birth.ok) problem(birth.message);
    else {
      const language = value('sprache');
      const outcome = await deps.db.transaction().execute(async (trx) => {
        const file = await findCaseFileByReference(trx, reference);
        if (file) return (await replaceCurrentTitle(trx, file.personId, { kind, validUntil }, now)) === 'unchanged' ? 'unchanged' : 'updated';
        const person = await insertPerson(
          trx,
          {
            familyName: value('familienname'),
            givenNames: value('vornamen'),
            birthName: null,
            birthDate: birth.date,
            placeOfBirth: null,
            countryOfBirth: null,
            nationalities: [],
            sex: 'unknown',
            addressStreet: value('strasse') || null,
            addressPostalCode: value('plz') || null,
            addressCity: value('ort') || null,
            email: /^[^\s@]+@[^\s@]+$/.test(value('email')) ? value('email') : null,
            phone: null,
            preferredLanguage: isLanguage(language) ? language : null,
            azrNumber: null,
            formerNames: [],
            nameVariants: [],
          },
          now,
        );
        await insertCaseFile(trx, { personId: person.id, reference, locationId }, now);
        await replaceCurrentTitle(trx, person.id, { kind, validUntil }, now);
        return 'created';
      });
      report[outcome]++;
    }
  }
  await recordAudit(deps.db, deps.clock, {
    actor: ctx.actor,
    action: 'invitation.import_titles',
    target: { type: 'invitation_import', id: ctx.actor.staffId },
    screen: ctx.screen,
    ip: ctx.ip,
    note: JSON.stringify({ created: report.created, updated: report.updated, unchanged: report.unchanged, errors: report.errors.length }),
  });
  return report;
}

function germanOrIsoDate(value: string): string | undefined {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : value;
  return isIsoDay(iso) ? iso : undefined;
}
