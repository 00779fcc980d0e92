import { formatInZone } from './availability.ts';
import type { AppointmentRow } from './appointment-store.ts';

/** What callers see of an appointment (never the secret's hash). */
export type AppointmentView = {
  id: string;
  code: string;
  /** 'reserved': an invitation the person has not confirmed yet; 'held': an offer for a limited time. Both block the time. */
  status: 'booked' | 'reserved' | 'held' | 'cancelled' | 'checked_in' | 'completed' | 'no_show';
  serviceId: string;
  locationId: string;
  staffId: string;
  resourceId: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** Null once the personal data was erased after the retention period (statistics record). */
  person: { name: string; dateOfBirth: string; email: string; phone: string | null; language: string } | null;
  createdBy: 'online' | 'staff';
  createdAt: string;
  cancelledAt: string | null;
};

export function toAppointmentView(row: AppointmentRow, timeZone: string): AppointmentView {
  return {
    id: row.id,
    code: row.code,
    status: row.status as AppointmentView['status'],
    serviceId: row.service_id,
    locationId: row.location_id,
    staffId: row.staff_id,
    resourceId: row.resource_id,
    startsAt: formatInZone(row.starts_at.getTime(), timeZone),
    endsAt: formatInZone(row.ends_at.getTime(), timeZone),
    timeZone,
    person: personOf(row),
    createdBy: row.created_by as AppointmentView['createdBy'],
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at ? row.cancelled_at.toISOString() : null,
  };
}

function personOf(row: AppointmentRow): AppointmentView['person'] {
  if (row.person_name === null || row.date_of_birth === null || row.email === null) return null;
  return { name: row.person_name, dateOfBirth: row.date_of_birth, email: row.email, phone: row.phone, language: row.language };
}
