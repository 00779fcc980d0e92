import type { Actor } from '../roles.ts';
import type { StaffSession } from '../session-store.ts';

/** What the staff shell's middleware (staffAuth) puts on every request it sees. */
export type StaffVariables = { actor?: Actor; staffSession?: StaffSession };

// The platform's AppEnv knows nothing of features; the staff shell declares its request variables
// here, so every router (staff, front desk, portal) reads `c.get('actor')` with its type.
declare module 'hono' {
  interface ContextVariableMap extends StaffVariables {}
}
