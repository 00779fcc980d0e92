import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { insertStatusChange, procedureById } from './procedure-store.ts';
import { pgError } from './validate-input.ts';

/** A real event that moves a procedure: set by a clerk's action, or by Lotse itself (staffId null). */
export type StatusEvent = {
  procedureId: string;
  /** The status code of the procedure's type the event leads to (standard-statuses.ts). */
  code: string;
  by: { staffId: string | null; label: string };
  note?: string | null;
  /** The serial number of the eAT ordered for this procedure (card look-up). */
  cardSerial?: string;
  /**
   * When the move makes sense: from a status before the target in the type's order (and not a
   * final one), or only from the statuses with these codes. Without it the event always moves.
   * Lotse's own events use it: a late appointment must not send a decided procedure back.
   */
  onlyFrom?: 'earlier' | readonly string[];
};

/** Who moves a procedure when Lotse itself does (an appointment booked, a pick-up completed). */
export const lotseItself = { staffId: null, label: 'Lotse' } as const;

export type StatusMove = { outcome: 'moved' | 'unchanged' | 'not_from_here'; version: number; personId: string } | { outcome: 'no_such_status' | 'not_found' };

/**
 * Moves a procedure to the status with the event's code, in the caller's transaction: locks the
 * procedure, writes the history row and bumps the version. Events are not based on a version the
 * clerk saw (they are facts: the card arrived), so two at once both count, one after the other,
 * each with its own history row (and so its own notice). A type without that status is left as it is.
 */
export async function moveProcedureToStatus(trx: Database, event: StatusEvent, now: Date): Promise<StatusMove> {
  const current = await procedureById(trx, event.procedureId, { forUpdate: true });
  if (!current) return { outcome: 'not_found' };
  const status = await trx
    .selectFrom('procedure_status')
    .select(['id', 'is_final', 'position'])
    .where('procedure_type_id', '=', current.procedure_type_id)
    .where('code', '=', event.code)
    .executeTakeFirst();
  if (!status) return { outcome: 'no_such_status' };
  if (event.onlyFrom !== undefined && !(await movesFromHere(trx, current.status_id, status.position, event.onlyFrom)))
    return { outcome: 'not_from_here', version: current.version, personId: current.person_id };
  const moves = status.id !== current.status_id;
  if (!moves && event.cardSerial === undefined) return { outcome: 'unchanged', version: current.version, personId: current.person_id };
  if (moves) await insertStatusChange(trx, { procedureId: current.id, statusId: status.id, by: event.by, note: event.note ?? null }, now);
  const updated = await trx
    .updateTable('case_procedure')
    .set((eb) => ({
      status_id: status.id,
      closed_at: status.is_final ? (current.closed_at ?? now) : null,
      ...(event.cardSerial !== undefined ? { card_serial: event.cardSerial } : {}),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', current.id)
    .returning('version')
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      // The unique index decides which procedure a card belongs to; the clerk reads why, not the constraint's name.
      if (pgError(error).constraint === 'case_procedure_by_card_serial')
        throw new AppError('conflict', 'Diese Kartennummer gehört schon zu einem anderen Vorgang. / This card serial belongs to another procedure.');
      throw error;
    });
  return { outcome: moves ? 'moved' : 'unchanged', version: updated.version, personId: current.person_id };
}

async function movesFromHere(trx: Database, currentStatusId: string, targetPosition: number, onlyFrom: 'earlier' | readonly string[]): Promise<boolean> {
  const from = await trx.selectFrom('procedure_status').select(['code', 'position', 'is_final']).where('id', '=', currentStatusId).executeTakeFirstOrThrow();
  return onlyFrom === 'earlier' ? !from.is_final && from.position < targetPosition : onlyFrom.includes(from.code);
}
