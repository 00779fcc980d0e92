/**
 * The seam for anti-bot checks on the public API (proof of work comes with the portal). It runs
 * before a booking, cancel or move is attempted and throws an AppError to refuse.
 */
export type BookingGuard = {
  check(request: { action: 'book' | 'cancel' | 'reschedule'; headers: Headers; clientAddress: string | undefined; email?: string | undefined }): Promise<void>;
};

export const allowEveryBooking: BookingGuard = { check: async () => {} };
