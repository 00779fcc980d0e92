import type { LiveEvents } from '../../platform/events/live-events.ts';
import type { Clock } from '../../shared/clock.ts';
import type { FrontDeskGate, PersonDataAudit } from './http/front-desk-gate.ts';
import type { Db } from './front-desk-store.ts';

/** What the front desk's routes get from the application (src/app.tsx). */
export type FrontDeskDeps = { db: Db; clock: Clock; liveEvents: LiveEvents; gate: FrontDeskGate; audit: PersonDataAudit; publicUrl: string };
