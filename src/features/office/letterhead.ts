import { AppError } from '../../shared/app-error.ts';
import { letterheadRow, upsertLetterhead } from './letterhead-store.ts';
import { managedLocation } from './managed-location.ts';
import { recordChange, type OfficeChange, type OfficeDeps } from './office-change.ts';

/** What a location's letters carry (platform/pdf sets it): letterhead, return line, signature. */
export type Letterhead = { authority: string; contactLines: string[]; returnAddress: string; signatureLines: string[]; entered: boolean };

export type LetterheadInput = { authority: string; contactLines: string[]; returnAddress: string; signatureLines: string[] };

/** The location's letterhead; until an administrator enters one, its name and address. */
export async function loadLetterhead(deps: Pick<OfficeDeps, 'db'>, locationId: string): Promise<Letterhead> {
  const row = await letterheadRow(deps.db, locationId);
  if (!row) throw new AppError('not_found', 'There is no such location.');
  if (row.authority === null) {
    return {
      authority: row.name,
      contactLines: [row.address],
      returnAddress: `${row.name} · ${row.address}`.slice(0, 200),
      signatureLines: ['Mit freundlichen Grüßen', row.name],
      entered: false,
    };
  }
  return {
    authority: row.authority,
    contactLines: row.contact_lines ?? [],
    returnAddress: row.return_address ?? row.name,
    signatureLines: row.signature_lines ?? [],
    entered: true,
  };
}

export async function saveLetterhead(deps: OfficeDeps, change: OfficeChange, locationId: string, input: LetterheadInput): Promise<void> {
  await managedLocation(deps.db, change.actor, locationId, 'office.manage');
  const before = await loadLetterhead(deps, locationId);
  await deps.db.transaction().execute(async (trx) => {
    const after = await upsertLetterhead(
      trx,
      locationId,
      { authority: input.authority, contact_lines: input.contactLines, return_address: input.returnAddress, signature_lines: input.signatureLines },
      change.actor.staffId,
      deps.clock.now(),
    );
    await recordChange(trx, deps.clock, change, { action: 'admin.location_letterhead.update', target: { type: 'location', id: locationId }, before, after });
  });
}
