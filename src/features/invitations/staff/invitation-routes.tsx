import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError, isAppError } from '../../../shared/app-error.ts';
import { changeContext, idParam, requireStaff, staffLang } from '../../staff/index.ts';
import { decodeTitleFile, titleImportPath } from '../decode-title-file.ts';
import { importTitles } from '../import-titles.ts';
import type { InvitationDeps } from '../invitation-deps.ts';
import { listRuns, printRunLetters, printRunReminders, releaseRun, resendInvitation, reviewRun, startRun } from '../staff-invitations.ts';
import { RunPage, RunsPage } from './invitation-pages.tsx';
import { invitationSettingsRoutes } from './settings-routes.tsx';

type StaffInvitationDeps = InvitationDeps & Parameters<typeof requireStaff>[0];

/** /staff/invitations: runs, review and release, the run's letters as one PDF, re-send one. */
export function invitationStaffRoutes(deps: StaffInvitationDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/invitations', requireStaff(deps));
  routes.use('/staff/invitations/*', requireStaff(deps));
  const pdf = (body: Buffer, name: string) =>
    new Response(new Uint8Array(body), {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, 'cache-control': 'no-store' },
    });

  routes.get('/staff/invitations', async (c) => c.html(<RunsPage c={c} runs={await listRuns(deps, changeContext(c))} />));

  routes.post(titleImportPath, async (c) => {
    const body = await c.req.parseBody();
    const ctx = changeContext(c);
    const pasted = typeof body.csv === 'string' ? body.csv : '';
    try {
      const file = body.file instanceof File && body.file.size > 0 ? decodeTitleFile(new Uint8Array(await body.file.arrayBuffer())) : undefined;
      if (!file && pasted.trim() === '')
        throw new AppError('validation_failed', 'Bitte eine CSV-Datei wählen oder ihren Inhalt einfügen. / Choose a CSV file or paste its contents.');
      const imported = await importTitles(deps, ctx, file?.text ?? pasted);
      return c.html(<RunsPage c={c} runs={await listRuns(deps, ctx)} outcome={{ imported, encoding: file?.encoding }} />);
    } catch (error) {
      // A file that cannot be read, lacks columns or is too long: nothing was written; the page says why.
      if (!isAppError(error) || (error.code !== 'validation_failed' && error.code !== 'payload_too_large')) throw error;
      c.status(error.code === 'payload_too_large' ? 413 : 422);
      return c.html(<RunsPage c={c} runs={await listRuns(deps, ctx)} outcome={{ problem: error.message, pasted }} />);
    }
  });

  routes.post('/staff/invitations/runs', async (c) => {
    const run = await startRun(deps, changeContext(c));
    return c.redirect(`/staff/invitations/runs/${run.runId}`, 303);
  });

  routes.get('/staff/invitations/runs/:id', async (c) => {
    const review = await reviewRun(deps, changeContext(c), idParam(c.req.param('id')));
    const mailed = c.req.query('mailed');
    const english = staffLang(c) === 'en';
    const notice = mailed === undefined ? undefined : english ? `Released; ${mailed} e-mails queued.` : `Freigegeben; ${mailed} E-Mails verschickt.`;
    c.header('Cache-Control', 'no-store');
    return c.html(<RunPage c={c} review={review} notice={notice} />);
  });

  routes.post('/staff/invitations/runs/:id/release', async (c) => {
    const id = idParam(c.req.param('id'));
    const mailed = await releaseRun(deps, changeContext(c), id);
    return c.redirect(`/staff/invitations/runs/${id}?mailed=${mailed}`, 303);
  });

  routes.get('/staff/invitations/runs/:id/letters.pdf', async (c) => {
    const id = idParam(c.req.param('id'));
    return pdf(await printRunLetters(deps, changeContext(c), id), `einladungen-${id.slice(0, 8)}.pdf`);
  });

  routes.get('/staff/invitations/runs/:id/reminders.pdf', async (c) => {
    const id = idParam(c.req.param('id'));
    return pdf(await printRunReminders(deps, changeContext(c), id), `erinnerungen-${id.slice(0, 8)}.pdf`);
  });

  routes.post('/staff/invitations/:id/resend', async (c) => {
    const id = idParam(c.req.param('id'));
    const { pdf: letter } = await resendInvitation(deps, changeContext(c), id);
    return pdf(letter, `einladung-${id.slice(0, 8)}.pdf`);
  });

  routes.route('/', invitationSettingsRoutes(deps));
  return routes;
}
