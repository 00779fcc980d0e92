import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { authorize, recordChange, type Action, type ChangeContext, type PolicyResource } from '../staff/index.ts';

export { recordChange };

export type OfficeDeps = { db: Database; clock: Clock };

/** Who changes the office's data, from which screen and address (the staff shell's change context). */
export type OfficeChange = ChangeContext;

/** The staff policy decides; the pages' guard has already audited a refusal at request level. */
export function authorizeChange(change: OfficeChange, action: Action, resource: PolicyResource = {}): void {
  authorize(change.actor, action, resource);
}

/** A database constraint violation as the user's mistake (4xx), not a 500: 23505 unique, 23503 foreign key. */
export function whenViolated(codes: Partial<Record<'23505' | '23503', AppError>>) {
  return (error: unknown): never => {
    const code = (error as { code?: string }).code;
    const mapped = code === '23505' || code === '23503' ? codes[code] : undefined;
    throw mapped ?? error;
  };
}

export const exists = (what: string) => new AppError('conflict', `${what} exists already.`);

/** What an insert or update of one row is called in the audit trail: `admin.<type>.create` / `.update`. */
type Audited = { type: string; violated?: (error: unknown) => never; notFound?: string };

const rethrow = (error: unknown): never => {
  throw error;
};

/** Inserts one row and records its creation, in one transaction. */
export async function insertAudited<R extends { id: string }>(
  deps: OfficeDeps,
  change: OfficeChange,
  what: Audited,
  insert: (trx: Transaction<DB>) => Promise<R>,
): Promise<R> {
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const row = await insert(trx);
      await recordChange(trx, deps.clock, change, { action: `admin.${what.type}.create`, target: { type: what.type, id: row.id }, after: row });
      return row;
    })
    .catch(what.violated ?? rethrow);
}

/** Locks one row, updates it and records before and after, in one transaction. */
export async function updateAudited<R>(
  deps: OfficeDeps,
  change: OfficeChange,
  what: Audited & { id: string },
  lock: (trx: Transaction<DB>) => Promise<R | undefined>,
  update: (trx: Transaction<DB>) => Promise<R>,
): Promise<void> {
  await deps.db
    .transaction()
    .execute(async (trx) => {
      const before = await lock(trx);
      if (!before) throw new AppError('not_found', what.notFound ?? 'Not found.');
      const after = await update(trx);
      await recordChange(trx, deps.clock, change, { action: `admin.${what.type}.update`, target: { type: what.type, id: what.id }, before, after });
    })
    .catch(what.violated ?? rethrow);
}

/**
 * Create and update of a catalogue entry that is one row (location, specialty): authorized for
 * `office.manage`, written and audited in one transaction each.
 */
export function catalogueEntry<Input, Columns, Row extends { id: string }>(spec: {
  audited: Audited;
  columnsOf: (input: Input) => Columns;
  insert: (trx: Transaction<DB>, columns: Columns) => Promise<Row>;
  lock: (trx: Transaction<DB>, id: string) => Promise<unknown>;
  update: (trx: Transaction<DB>, id: string, columns: Columns) => Promise<unknown>;
}) {
  return {
    async create(deps: OfficeDeps, change: OfficeChange, input: Input): Promise<string> {
      authorizeChange(change, 'office.manage');
      return (await insertAudited(deps, change, spec.audited, (trx) => spec.insert(trx, spec.columnsOf(input)))).id;
    },
    async update(deps: OfficeDeps, change: OfficeChange, id: string, input: Input): Promise<void> {
      authorizeChange(change, 'office.manage');
      await updateAudited(
        deps,
        change,
        { ...spec.audited, id },
        (trx) => spec.lock(trx, id),
        (trx) => spec.update(trx, id, spec.columnsOf(input)),
      );
    },
  };
}
