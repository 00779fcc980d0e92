import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { DeviceActor, FrontDeskGate, PersonDataAudit, StaffActor } from '../src/features/front-desk/index.ts';

/**
 * Stands in for the staff feature's sessions and device tokens in front-desk tests: a token
 * (Bearer header or `lotse_test_token` cookie) names an actor. The use cases and pages under
 * test are the real ones; only the question "who is this" is answered here.
 */
export function testGate(): FrontDeskGate & { issue(actor: StaffActor | DeviceActor): string } {
  const actors = new Map<string, StaffActor | DeviceActor>();
  const tokenOf = (c: Context) => /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? getCookie(c, 'lotse_test_token');
  return {
    issue(actor) {
      const token = randomBytes(16).toString('hex');
      actors.set(token, actor);
      return token;
    },
    async staff(c) {
      const actor = actors.get(tokenOf(c) ?? '');
      return actor?.kind === 'staff' ? actor : null;
    },
    async device(c) {
      const actor = actors.get(tokenOf(c) ?? '');
      return actor?.kind === 'device' ? actor : null;
    },
  };
}

/** Records audit entries so tests can check that every read of personal data was written down. */
export function recordingAudit(): PersonDataAudit & { entries: { staffId: string; appointmentIds: readonly string[]; screen: string }[] } {
  const entries: { staffId: string; appointmentIds: readonly string[]; screen: string }[] = [];
  return {
    entries,
    async personDataOpened(entry) {
      entries.push(entry);
    },
  };
}
