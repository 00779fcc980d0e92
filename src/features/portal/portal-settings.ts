/** Figures of the citizen portal that an office may tune (environment settings, see README). */
export type PortalSettings = {
  /** HMAC key for proof-of-work challenges and signed cookies; generated and stored when unset. */
  hmacKey: string | undefined;
  /** Upper bound of the proof-of-work search space: the average cost is half of it in SHA-256 hashes. */
  powMaxNumber: number;
  powExpiresMinutes: number;
  bookingsPerIpPerHour: number;
  bookingsPerEmailPerDay: number;
  /** Bookings without a proof of work (JavaScript off) per IP and hour: the stricter path. */
  noScriptBookingsPerIpPerHour: number;
  /** Look-ups by code + date of birth per IP and hour (guessing codes is the threat). */
  lookupsPerIpPerHour: number;
  /** Minutes a cancelled time stays hidden from online callers before it is offered again. */
  releaseDelayMinutes: number;
  /** Minutes a time offered from the waiting list is held for the person (docs/waiting-list.md). */
  waitingListOfferMinutes: number;
  /** Days the calendar shows at once. */
  calendarDays: number;
  /** Require a proof of work and rate limits on the JSON API's bookings too (off only in engine tests). */
  guardApi: boolean;
  /**
   * Days after an appointment's end until the retention job erases its personal data (name,
   * date of birth, e-mail, phone). The privacy page states the same figure.
   */
  personalDataRetentionDays: number;
  /**
   * Days after a portal message's last event (received, answered, answer read) until the message,
   * its answer and attachments are erased from the portal; what went into a file stays there.
   */
  messageRetentionDays: number;
};

export const defaultPortalSettings: PortalSettings = {
  hmacKey: undefined,
  powMaxNumber: 150_000,
  powExpiresMinutes: 30,
  bookingsPerIpPerHour: 12,
  bookingsPerEmailPerDay: 4,
  noScriptBookingsPerIpPerHour: 3,
  lookupsPerIpPerHour: 20,
  releaseDelayMinutes: 60,
  waitingListOfferMinutes: 30,
  calendarDays: 28,
  guardApi: false,
  personalDataRetentionDays: 30,
  messageRetentionDays: 180,
};
