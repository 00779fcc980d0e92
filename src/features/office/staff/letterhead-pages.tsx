import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { parseForm, StaffForm, staffT } from '../../staff/index.ts';
import { loadLetterhead, saveLetterhead } from '../letterhead.ts';
import { managedLocation } from '../managed-location.ts';
import type { OfficeDeps } from '../office-change.ts';
import { guard, idParam, LocationPage, officeChange, savedAt } from './office-page.tsx';

const line = z.string().trim().max(200);
/** Up to four lines from a textarea; empty lines dropped. */
const lines = z
  .string()
  .max(1000)
  .default('')
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .pipe(z.array(line).max(4, 'at most four lines'));

/** Admin: what a location's letters carry (invitations, confirmations on paper, receipts). */
export function letterheadPages(deps: OfficeDeps) {
  const routes = new Hono<AppEnv>();
  guard(routes, deps, 'office.manage', ['/staff/admin/locations/:id/letterhead']);

  routes.get('/staff/admin/locations/:id/letterhead', async (c) => {
    const t = staffT(c);
    const location = await managedLocation(deps.db, officeChange(c).actor, idParam(c.req.param('id')), 'office.manage');
    const letterhead = await loadLetterhead(deps, location.id);
    return c.html(
      <LocationPage c={c} heading={t('staff.letterhead.title')} location={location} back={`/staff/admin/locations/${location.id}`}>
        <p class="hint">{letterhead.entered ? t('staff.letterhead.hint') : t('staff.letterhead.not_entered')}</p>
        <StaffForm c={c} action={`/staff/admin/locations/${location.id}/letterhead`} submitLabel={t('staff.save')}>
          <div>
            <label for="lh-authority">{t('staff.letterhead.authority')}</label>
            <input type="text" id="lh-authority" name="authority" required maxlength={200} value={letterhead.authority} />
          </div>
          <div>
            <label for="lh-contact">{t('staff.letterhead.contact')}</label>
            <textarea id="lh-contact" name="contactLines" rows={4}>
              {letterhead.contactLines.join('\n')}
            </textarea>
          </div>
          <div>
            <label for="lh-return">{t('staff.letterhead.return_address')}</label>
            <input type="text" id="lh-return" name="returnAddress" required maxlength={200} value={letterhead.returnAddress} />
          </div>
          <div>
            <label for="lh-signature">{t('staff.letterhead.signature')}</label>
            <textarea id="lh-signature" name="signatureLines" rows={4}>
              {letterhead.signatureLines.join('\n')}
            </textarea>
          </div>
        </StaffForm>
      </LocationPage>,
    );
  });

  routes.post('/staff/admin/locations/:id/letterhead', async (c) => {
    const locationId = idParam(c.req.param('id'));
    const form = await parseForm(c, z.object({ authority: line.min(1), contactLines: lines, returnAddress: line.min(1), signatureLines: lines }));
    await saveLetterhead(deps, officeChange(c), locationId, form);
    return savedAt(c, `/staff/admin/locations/${locationId}/letterhead`);
  });

  return routes;
}
