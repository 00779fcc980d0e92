import { Temporal } from 'temporal-polyfill';

/** The office day (local calendar date) of an instant in the location's time zone. */
export function officeDay(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The instants where a local calendar day starts and ends (23 or 25 hours long in DST weeks). */
export function officeDayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  const date = Temporal.PlainDate.from(day);
  const start = date.toZonedDateTime({ timeZone });
  const end = date.add({ days: 1 }).toZonedDateTime({ timeZone });
  return { start: new Date(start.epochMilliseconds), end: new Date(end.epochMilliseconds) };
}

/** Local wall-clock time "HH:MM" of an instant, for messages. */
export function localTime(at: Date, timeZone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  return `${String(zoned.hour).padStart(2, '0')}:${String(zoned.minute).padStart(2, '0')}`;
}
