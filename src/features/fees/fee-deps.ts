import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';

export type FeeDeps = { db: Database; clock: Clock };

export const paymentMethods = ['card', 'cash', 'invoice'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
