import { z } from 'zod';
import { validateInput } from '../case-files/index.ts';
import type { ChangeContext } from '../staff/index.ts';
import { type EventDeps, recordClerkEvent } from './procedure-event.ts';

/** The eAT's way at the office: ordered (with its serial), arrived and ready for pick-up, collected at the desk. */
export const cardEvents = { ordered: 'card_ordered', ready: 'ready', collected: 'completed' } as const;
export type CardEvent = keyof typeof cardEvents;

const schema = z.object({
  procedureId: z.uuid(),
  event: z.enum(['ordered', 'ready', 'collected'], 'Ereignis wählen / choose an event'),
  cardSerial: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{9,10}$/, 'Seriennummer: 9 oder 10 Buchstaben und Ziffern / serial: 9 or 10 letters and digits'))
    .optional(),
});

/**
 * A clerk records what happened to the card: ordering stores the serial for "is my card ready?",
 * and each event moves the procedure (notices as its statuses say).
 */
export async function recordCardEvent(deps: EventDeps, ctx: ChangeContext, input: unknown): Promise<{ version: number }> {
  const request = validateInput(
    schema.refine((r) => r.event !== 'ordered' || r.cardSerial, { path: ['cardSerial'], message: 'Seriennummer fehlt / serial missing' }),
    input,
  );
  return recordClerkEvent(deps, ctx, {
    procedureId: request.procedureId,
    action: `case_procedure.card_${request.event}`,
    event: { code: cardEvents[request.event], ...(request.cardSerial ? { cardSerial: request.cardSerial } : {}) },
    changed: request.cardSerial ? ['status', 'cardSerial'] : ['status'],
  });
}
