import { appointmentForPayment } from '../appointments/index.ts';
import { ticketForPayment } from '../front-desk/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { authorize, type StaffActor } from '../staff/index.ts';
import type { FeeDeps } from './fee-deps.ts';
import { feeItemsOfService, itemsOnDay, locationForReceipt, reductions } from './fee-store.ts';
import { officeDay } from '../../shared/office-day.ts';
import { ageOn } from './age-on.ts';

export type FeeProposal = {
  locationId: string;
  appointmentId: string | null;
  ticketId: string | null;
  day: string;
  payerName: string | null;
  payerLanguage: string;
  /** Items with an amount valid today; the service's own first. */
  items: { id: string; name: string; legalBasis: string; amountCents: number; proposed: boolean }[];
  reductions: { id: string; name: string; legalBasis: string; percentOff: number; proposed: boolean }[];
};

/**
 * What the finish dialog offers: the fee items valid today, the service's item proposed (of the
 * appointment, or of the ticket called at the desk), and for a person under 18 on the day the
 * reduction for minors proposed. The clerk confirms or chooses otherwise; the amount is always
 * computed again when recorded.
 */
export async function proposeFee(
  deps: FeeDeps,
  actor: StaffActor,
  input: { locationId?: string | undefined; appointmentId?: string | undefined; ticketId?: string | undefined },
): Promise<FeeProposal> {
  const ticket = input.ticketId ? await ticketForPayment(deps.db, input.ticketId) : undefined;
  if (input.ticketId && !ticket) throw new AppError('not_found', 'There is no such ticket.');
  const appointmentId = ticket?.appointment_id ?? input.appointmentId;
  const appointment = appointmentId ? await appointmentForPayment(deps.db, appointmentId) : undefined;
  if (appointmentId && !appointment) throw new AppError('not_found', 'There is no such appointment.');
  const serviceId = appointment?.service_id ?? ticket?.service_id;
  const locationId = ticket?.location_id ?? appointment?.location_id ?? input.locationId;
  if (!locationId) throw new AppError('validation_failed', 'Choose a location.', { fieldErrors: [{ path: 'location', message: 'required' }] });
  const location = await locationForReceipt(deps.db, locationId);
  if (!location) throw new AppError('not_found', 'There is no such location.');
  authorize(actor, 'payment.record', { locationId });
  const day = officeDay(deps.clock.now(), location.time_zone);
  const [items, serviceItems, allReductions] = await Promise.all([
    itemsOnDay(deps.db, day),
    serviceId ? feeItemsOfService(deps.db, serviceId) : Promise.resolve([]),
    reductions(deps.db),
  ]);
  const ofService = new Set(serviceItems.map((row) => row.fee_item_id));
  const minor = appointment?.date_of_birth ? ageOn(appointment.date_of_birth, day) < 18 : false;
  return {
    locationId,
    appointmentId: appointment?.id ?? null,
    ticketId: ticket?.id ?? null,
    day,
    payerName: appointment?.person_name ?? null,
    payerLanguage: appointment?.language ?? ticket?.language ?? 'de',
    items: items
      .filter((item) => item.active && item.amount_cents !== null)
      .map((item) => ({ id: item.id, name: item.name_de, legalBasis: item.legal_basis, amountCents: item.amount_cents ?? 0, proposed: ofService.has(item.id) }))
      .sort((a, b) => Number(b.proposed) - Number(a.proposed)),
    reductions: allReductions.map((r) => ({
      id: r.id,
      name: r.name_de,
      legalBasis: r.legal_basis,
      percentOff: r.percent_off,
      proposed: minor && r.for_minors,
    })),
  };
}
