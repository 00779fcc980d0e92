import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordPayment } from '../src/features/fees/index.ts';
import { callNextTicket, checkInWithCode, deviceCookieName } from '../src/features/front-desk/index.ts';
import { loadStaffActor } from '../src/features/staff/session-store.ts';
import type { AppErrorCode } from '../src/shared/app-error.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { ErrorPage } from '../src/web/error-page.tsx';
import { languages } from '../src/web/i18n.ts';
import { createTestApp, createTestJobs } from './app.ts';
import { createTestDatabase } from './database.ts';
import { bookAppointment, createFrontOffice, deviceToken } from './front-desk-fixtures.ts';
import { addAbsence } from './office-factory.ts';
import { addInfoPages } from './portal/info-page-fixture.ts';
import { createTestOffice } from './portal/office-fixture.ts';
import { addStaff, Browser } from './staff.ts';
import { createPersonWithFile } from './case-file-factory.ts';
import { seedStandardCatalogue } from '../src/features/case-files/procedure-types/seed-standard-catalogue.ts';
import { sendMessage } from '../src/features/messages/send-message.ts';
import { saveTemplate } from '../src/features/messages/message-templates.ts';
import { procedureWithPerson } from './status-lookup-fixture.ts';
import { seedDemoForms } from '../src/demo/demo-forms.ts';

// Monday 2026-11-23, 10:00 in Berlin.
const clock = fixedClock('2026-11-23T09:00:00Z');
const { db, url } = await createTestDatabase();
const app = createTestApp(db, { clock });
const portalOffice = await createTestOffice(db);
const info = await addInfoPages(db, { serviceId: portalOffice.serviceId });
const office = await createFrontOffice(db, { slug: 'wetzlar' });
const at = [office.location.id];
const accounts = {
  admin: await addStaff(db, 'admin'),
  team_lead: await addStaff(db, 'team_lead', { locationIds: at, specialtyIds: [office.front] }),
  clerk: await addStaff(db, 'clerk', { locationIds: at, specialtyIds: [office.front] }),
  reception: await addStaff(db, 'reception', { locationIds: at }),
};
const clerk = (await loadStaffActor(db, accounts.clerk.id, 'session'))!;
const reception = (await loadStaffActor(db, accounts.reception.id, 'session'))!;
const booked = await bookAppointment(db, {
  locationId: office.location.id,
  serviceId: office.service,
  staffId: clerk.staffId,
  startsAt: new Date('2026-11-23T09:05:00Z'),
});
const deps = { db, clock };
const ticket = await checkInWithCode(deps, reception, { locationId: office.location.id, code: booked.code });
await callNextTicket(deps, clerk, { locationId: office.location.id, counterId: office.counters[0]!.id });
await addAbsence(db, clerk.staffId, '2026-11-30T07:00:00Z', '2026-11-30T15:00:00Z');
const absence = await db.selectFrom('absence').select('id').executeTakeFirstOrThrow();
const feeItem = await db
  .insertInto('fee_item')
  .values({ code: 'at-verlaengerung', name_de: 'Verlängerung', name_en: 'Extension', legal_basis: '§ 45 AufenthV', created_at: clock.now() })
  .returning('id')
  .executeTakeFirstOrThrow();
await db.insertInto('fee_rate').values({ fee_item_id: feeItem.id, amount_cents: 9300, valid_from: '2024-01-01', created_at: clock.now() }).execute();
const payment = await recordPayment(
  deps,
  { actor: clerk, screen: 'test', ip: undefined },
  {
    locationId: office.location.id,
    feeItemId: feeItem.id,
    reductionId: null,
    method: 'card',
    appointmentId: booked.id,
    ticketId: null,
    payerName: 'Olena Kovalenko',
    payerLanguage: 'uk',
    idempotencyKey: 'html-pages-payment',
  },
);
const caseFile = await createPersonWithFile(db, { locationId: office.location.id });
const procedureTypes = await db.transaction().execute((trx) => seedStandardCatalogue(trx, clock.now()));
const message = await sendMessage(
  { db, clock, jobs: createTestJobs(url), publicUrl: 'http://localhost:3000' },
  {
    kind: 'general',
    locationId: office.location.id,
    submissionKey: 'html-pages-message-0001',
    name: 'Olena Kovalenko',
    dateOfBirth: '1985-02-01',
    email: 'olena@example.org',
    language: 'uk',
    body: 'Коли буде готова картка?',
    attachments: [],
  },
);
const admin = (await loadStaffActor(db, accounts.admin.id, 'session'))!;
const template = await saveTemplate(deps, admin, { name: 'Karte fertig', body: 'Ihre Karte liegt bereit.' });
const statusProcedure = await procedureWithPerson(db, { locationId: office.location.id, now: clock.now() });
await seedDemoForms(db, clock, office.location.id);
const demoForm = await db.selectFrom('application_form_version').select(['id', 'form_id']).where('state', '=', 'published').executeTakeFirstOrThrow();
// A submitted application whose person is uncertain (the clerk's booking and match pages).
const applicant = await procedureWithPerson(db, { locationId: office.location.id, now: clock.now() });
const candidate = await createPersonWithFile(db, { locationId: office.location.id, person: { familyName: 'Rahimi', givenNames: 'Mehrnush' } });
const application = await db
  .insertInto('application')
  .values({
    form_version_id: demoForm.id,
    lang: 'fa',
    token_hash: 'a'.repeat(64),
    state: 'submitted',
    submitted_at: clock.now(),
    procedure_id: applicant.procedureId,
    person_id: applicant.personId,
    person_match: 'uncertain',
    match_candidates: [candidate.personId],
    created_at: clock.now(),
    updated_at: clock.now(),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const kioskToken = await deviceToken(db, 'kiosk', office.location.id);
const displayToken = await deviceToken(db, 'display', office.location.id);

type Who = keyof typeof accounts | 'anonymous' | 'kiosk' | 'display';
const browsers = new Map<Who, Browser>();
async function as(who: Who): Promise<Browser> {
  let browser = browsers.get(who);
  if (browser) return browser;
  browser = new Browser(app);
  if (who === 'kiosk' || who === 'display') browser.cookies.set(deviceCookieName, who === 'kiosk' ? kioskToken : displayToken);
  else if (who !== 'anonymous') assert.equal((await browser.signIn(accounts[who].username)).status, 303, `${who} signs in`);
  browsers.set(who, browser);
  return browser;
}

const service = await db.selectFrom('service').select('id').where('slug', '=', 'extension').executeTakeFirstOrThrow();
// Its same-day times by lottery (docs/lottery.md): the lottery's pages exist for it.
await db.updateTable('service').set({ same_day_release: '07:00', same_day_lottery_minutes: 30 }).where('id', '=', service.id).execute();
const loc = `location=${office.location.id}`;
/** Every GET route of the app, with the pages it serves (who asks, what status) — or why it serves no HTML page. */
// The portal's routes as Hono lists them: the language segment holds every language folder.
const portalLang = `:lang{(?:${languages.join('|')})}`;
const pages: Record<string, { path: string; who: Who; status: number }[] | string> = {
  '/healthz': 'plain text',
  '/readyz': 'plain text',
  '/assets/:name': 'static assets',
  '/favicon.ico': 'icon',
  '/api/v1/staff/me': 'JSON API',
  '/api/v1/persons/:personId': 'JSON API',
  '/api/v1/procedures/:procedureId': 'JSON API',
  '/api/v1/case-files/:fileId': 'JSON API',
  '/staff/tickets/:ticketId/file': 'redirect to the prepared file or to linking',
  '/api/v1/imports': 'JSON API',
  '/api/v1/imports/:id': 'JSON API',
  '/api/v1/imports/:id/report': 'CSV (API)',
  '/api/v1/files/:id/export': 'zip download (API)',
  '/api/v1/proof-of-work': 'JSON API',
  '/api/v1/locations': 'JSON API',
  '/api/v1/services': 'JSON API',
  '/api/v1/availability': 'JSON API',
  '/api/v1/appointments/:code': 'JSON API',
  '/api/openapi.json': 'JSON API',
  '/staff/language/:lang': 'redirect',
  '/kiosk': 'redirect to the device’s location',
  '/display': 'redirect to the device’s location',
  '/display/:location/events': 'event stream',
  '/front-desk/events': 'event stream',
  '/desk/live': 'fragment swapped into the desk page',
  '/reception/live': 'fragment swapped into the reception page',
  '/staff/files/search/results': 'fragment swapped into the file search page (src/features/case-files/search/search-routes.test.ts)',
  '/api/v1/search/persons': 'JSON API',
  '/api/v1/search/documents': 'JSON API',
  [`/${portalLang}/appointment/:code/calendar.ics`]: 'iCalendar file',
  '/': [{ path: '/', who: 'anonymous', status: 200 }],
  [`/${portalLang}/`]: [
    { path: '/de/', who: 'anonymous', status: 200 },
    { path: '/ar/', who: 'anonymous', status: 200 },
  ],
  [`/${portalLang}/services`]: [{ path: '/fa/services', who: 'anonymous', status: 200 }],
  '/info/:slug': 'redirect to the page in the language of the phone (printed notices)',
  [`/${portalLang}/info`]: [{ path: '/ar/info', who: 'anonymous', status: 200 }],
  [`/${portalLang}/info/:slug`]: [
    { path: '/fa/info/eat-karte', who: 'anonymous', status: 200 },
    { path: '/de/info/entwurf', who: 'anonymous', status: 404 },
  ],
  [`/${portalLang}/info/:slug/notice`]: [{ path: '/de/info/eat-karte/notice?langs=de,ar,uk', who: 'anonymous', status: 200 }],
  [`/${portalLang}/privacy`]: [{ path: '/en/privacy', who: 'anonymous', status: 200 }],
  [`/${portalLang}/lottery/:service/:location`]: [
    { path: '/ar/lottery/extension/mitte', who: 'anonymous', status: 200 },
    { path: '/de/lottery/pickup/mitte', who: 'anonymous', status: 404 },
  ],
  [`/${portalLang}/lottery/entry/:token`]: [{ path: `/fa/lottery/entry/${'A'.repeat(43)}`, who: 'anonymous', status: 404 }],
  '/staff/lottery': [
    { path: '/staff/lottery', who: 'admin', status: 200 },
    { path: '/staff/lottery', who: 'clerk', status: 200 },
  ],
  [`/${portalLang}/book/:service`]: [{ path: '/de/book/extension', who: 'anonymous', status: 200 }],
  [`/${portalLang}/book/:service/:location`]: [{ path: '/uk/book/extension/mitte', who: 'anonymous', status: 200 }],
  [`/${portalLang}/book/:service/:location/:day`]: [{ path: '/de/book/extension/mitte/2026-11-24', who: 'anonymous', status: 200 }],
  [`/${portalLang}/book/:service/:location/details`]: [
    { path: `/de/book/extension/mitte/details?start=${encodeURIComponent('2026-11-24T09:00:00.000Z')}`, who: 'anonymous', status: 200 },
  ],
  [`/${portalLang}/manage`]: [{ path: '/tr/manage', who: 'anonymous', status: 200 }],
  [`/${portalLang}/waiting-list/join/:service/:location`]: [{ path: '/ar/waiting-list/join/extension/mitte', who: 'anonymous', status: 200 }],
  [`/${portalLang}/waiting-list/joined`]: [{ path: '/ti/waiting-list/joined', who: 'anonymous', status: 200 }],
  // Behind a link with a secret: a stranger's (tampered) link gets the page that says so.
  [`/${portalLang}/waiting-list/entry/:token`]: [{ path: `/ps/waiting-list/entry/${'A'.repeat(32)}`, who: 'anonymous', status: 404 }],
  [`/${portalLang}/waiting-list/offer/:token`]: [{ path: `/so/waiting-list/offer/${'B'.repeat(32)}`, who: 'anonymous', status: 404 }],
  [`/${portalLang}/status`]: [{ path: '/ar/status', who: 'anonymous', status: 200 }],
  [`/${portalLang}/status/card`]: [{ path: '/uk/status/card', who: 'anonymous', status: 200 }],
  // Without the manage secret these answer with the portal's error page, which is what a stranger sees.
  [`/${portalLang}/appointment/:code`]: [{ path: `/de/appointment/${booked.code}`, who: 'anonymous', status: 404 }],
  [`/${portalLang}/appointment/:code/cancel`]: [{ path: `/ar/appointment/${booked.code}/cancel`, who: 'anonymous', status: 404 }],
  [`/${portalLang}/appointment/:code/reschedule`]: [{ path: `/fr/appointment/${booked.code}/reschedule`, who: 'anonymous', status: 404 }],
  [`/${portalLang}/appointment/:code/reschedule/:day`]: [{ path: `/ru/appointment/${booked.code}/reschedule/2026-11-24`, who: 'anonymous', status: 404 }],
  '/staff/sign-in': [{ path: '/staff/sign-in', who: 'anonymous', status: 200 }],
  '/staff/sign-in/code': [{ path: '/staff/sign-in/code', who: 'anonymous', status: 303 }],
  '/device/pair': [{ path: '/device/pair', who: 'admin', status: 200 }],
  '/staff': [
    { path: '/staff', who: 'admin', status: 200 },
    { path: '/staff', who: 'team_lead', status: 200 },
    { path: '/staff', who: 'clerk', status: 200 },
    { path: '/staff', who: 'reception', status: 200 },
  ],
  '/staff/security/two-factor': [{ path: '/staff/security/two-factor', who: 'clerk', status: 200 }],
  '/staff/admin/imports': [
    { path: '/staff/admin/imports', who: 'admin', status: 200 },
    { path: '/staff/admin/imports', who: 'clerk', status: 403 },
  ],
  '/staff/admin/imports/:id': [{ path: '/staff/admin/imports/00000000-0000-4000-8000-000000000000', who: 'admin', status: 404 }],
  '/staff/admin/imports/:id/live': 'fragment swapped into the import page',
  '/staff/admin/imports/:id/events': 'event stream',
  '/staff/admin/imports/:id/report.csv': 'CSV download',
  '/staff/files/:fileId/export.zip': 'zip download (xdomea 0401)',
  '/staff/admin/security': [{ path: '/staff/admin/security', who: 'admin', status: 200 }],
  '/staff/admin/services': [
    { path: '/staff/admin/services', who: 'admin', status: 200 },
    { path: '/staff/admin/services', who: 'clerk', status: 403 },
  ],
  '/staff/admin/services/new': [{ path: '/staff/admin/services/new', who: 'admin', status: 200 }],
  '/staff/admin/services/:id': [{ path: `/staff/admin/services/${service.id}`, who: 'admin', status: 200 }],
  '/staff/admin/services/:id/texts/:lang': [{ path: `/staff/admin/services/${service.id}/texts/ar`, who: 'admin', status: 200 }],
  '/staff/admin/info-pages': [
    { path: '/staff/admin/info-pages', who: 'admin', status: 200 },
    { path: '/staff/admin/info-pages', who: 'team_lead', status: 403 },
  ],
  '/staff/admin/info-pages/new': [{ path: '/staff/admin/info-pages/new', who: 'admin', status: 200 }],
  '/staff/admin/info-pages/:id': [{ path: `/staff/admin/info-pages/${info.pageId}`, who: 'admin', status: 200 }],
  '/staff/admin/info-pages/:id/texts/:lang': [{ path: `/staff/admin/info-pages/${info.pageId}/texts/ps`, who: 'admin', status: 200 }],
  '/staff/admin/hours': [{ path: '/staff/admin/hours', who: 'team_lead', status: 200 }],
  '/staff/admin/hours/:staffId': [{ path: `/staff/admin/hours/${clerk.staffId}`, who: 'team_lead', status: 200 }],
  '/staff/admin/absences/:absenceId': [{ path: `/staff/admin/absences/${absence.id}`, who: 'team_lead', status: 200 }],
  '/staff/admin/closures': [{ path: '/staff/admin/closures', who: 'team_lead', status: 200 }],
  '/staff/admin/closures/:locationId': [
    { path: `/staff/admin/closures/${office.location.id}`, who: 'team_lead', status: 200 },
    { path: `/staff/admin/closures/${office.location.id}`, who: 'clerk', status: 403 },
  ],
  '/staff/admin/audit': [{ path: '/staff/admin/audit', who: 'admin', status: 200 }],
  '/staff/admin/staff': [{ path: '/staff/admin/staff', who: 'admin', status: 200 }],
  '/staff/admin/staff/new': [{ path: '/staff/admin/staff/new', who: 'admin', status: 200 }],
  '/staff/admin/staff/:id': [{ path: `/staff/admin/staff/${clerk.staffId}`, who: 'admin', status: 200 }],
  '/staff/admin/locations': [{ path: '/staff/admin/locations', who: 'admin', status: 200 }],
  '/staff/admin/locations/:id': [{ path: `/staff/admin/locations/${office.location.id}`, who: 'admin', status: 200 }],
  '/staff/admin/locations/:id/walk-in': [{ path: `/staff/admin/locations/${office.location.id}/walk-in`, who: 'admin', status: 200 }],
  '/staff/admin/locations/:id/letterhead': [
    { path: `/staff/admin/locations/${office.location.id}/letterhead`, who: 'admin', status: 200 },
    { path: `/staff/admin/locations/${office.location.id}/letterhead`, who: 'team_lead', status: 403 },
  ],
  '/staff/admin/specialties': [{ path: '/staff/admin/specialties', who: 'admin', status: 200 }],
  '/staff/admin/specialties/:id': [{ path: `/staff/admin/specialties/${office.front}`, who: 'admin', status: 200 }],
  '/staff/calendar': [{ path: '/staff/calendar', who: 'clerk', status: 200 }],
  '/staff/files/search': [
    { path: '/staff/files/search?q=Petrenko', who: 'clerk', status: 200 },
    { path: '/staff/files/search?q=Petrenko', who: 'reception', status: 200 },
    { path: '/staff/files/search', who: 'admin', status: 403 },
  ],
  '/staff/calendar/appointments/:id': [{ path: `/staff/calendar/appointments/${booked.id}`, who: 'clerk', status: 200 }],
  '/staff/calendar/appointments/:id/letter.pdf': 'PDF letter (src/features/appointments/staff/appointment-letter.test.ts)',
  '/staff/calendar/book': [{ path: '/staff/calendar/book', who: 'clerk', status: 200 }],
  '/staff/payments/new': [
    { path: `/staff/payments/new?appointment=${booked.id}`, who: 'clerk', status: 200 },
    { path: `/staff/payments/new?location=${office.location.id}`, who: 'reception', status: 403 },
  ],
  '/staff/payments/:id': [
    { path: `/staff/payments/${payment.id}`, who: 'team_lead', status: 200 },
    { path: `/staff/payments/${payment.id}`, who: 'reception', status: 403 },
  ],
  '/staff/payments/:id/receipt.pdf': 'PDF receipt (src/features/fees/staff/payment-pages.test.ts)',
  '/staff/cash-report': [
    { path: '/staff/cash-report', who: 'team_lead', status: 200 },
    { path: `/staff/cash-report?location=${office.location.id}&day=2026-11-23`, who: 'admin', status: 200 },
    { path: '/staff/cash-report', who: 'clerk', status: 403 },
  ],
  '/kiosk/:location': [
    { path: '/kiosk/wetzlar', who: 'kiosk', status: 200 },
    { path: '/kiosk/wetzlar?lang=ar', who: 'kiosk', status: 200 },
    { path: '/kiosk/wetzlar', who: 'anonymous', status: 401 },
  ],
  '/kiosk/:location/walk-in': [{ path: '/kiosk/wetzlar/walk-in?lang=fa', who: 'kiosk', status: 200 }],
  '/kiosk/:location/tickets/:id': [{ path: `/kiosk/wetzlar/tickets/${ticket.id}`, who: 'kiosk', status: 200 }],
  '/display/:location': [{ path: '/display/wetzlar', who: 'display', status: 200 }],
  '/desk': [
    { path: '/desk', who: 'clerk', status: 200 },
    { path: `/desk?${loc}&counter=${office.counters[0]!.id}`, who: 'clerk', status: 200 },
    { path: `/desk?${loc}`, who: 'team_lead', status: 200 },
    { path: '/desk', who: 'anonymous', status: 401 },
  ],
  '/desk/tickets/:id/booking': [{ path: `/desk/tickets/${ticket.id}/booking?${loc}&counter=${office.counters[0]!.id}`, who: 'clerk', status: 200 }],
  '/reception': [
    { path: `/reception?${loc}`, who: 'reception', status: 200 },
    { path: '/reception', who: 'team_lead', status: 200 },
    { path: '/reception', who: 'clerk', status: 403 },
  ],
  '/staff/figures': [
    { path: `/staff/figures?${loc}`, who: 'team_lead', status: 200 },
    { path: `/staff/figures?${loc}&from=2026-11-01&to=2026-11-23`, who: 'admin', status: 200 },
    { path: '/staff/figures', who: 'reception', status: 200 },
  ],
  '/staff/figures/:table{[a-z]+\\.csv}': 'CSV tables (src/features/figures/figures.test.ts)',
  '/staff/invitations': [
    { path: '/staff/invitations', who: 'team_lead', status: 200 },
    { path: '/staff/invitations', who: 'admin', status: 403 },
  ],
  '/staff/admin/invitations': [
    { path: '/staff/admin/invitations', who: 'admin', status: 200 },
    { path: '/staff/admin/invitations', who: 'team_lead', status: 403 },
  ],
  '/staff/invitations/runs/:id': 'a run under review (src/features/invitations/staff/invitation-pages.test.ts)',
  '/staff/invitations/runs/:id/reminders.pdf': "a run's reminder letters as one PDF (src/features/invitations/staff/invitation-pages.test.ts)",
  '/staff/invitations/runs/:id/letters.pdf': "the run's letters as one PDF (src/features/invitations/staff/invitation-pages.test.ts)",
  '/i/:code/:token':
    "the letter's short link: a redirect to the appointment page (src/features/invitations/staff/invitation-pages.test.ts, e2e/invitation.test.ts)",
  '/staff/figures.xlsx': 'Excel workbook (src/features/figures/figures.test.ts)',
  '/staff/files/new': [{ path: '/staff/files/new', who: 'clerk', status: 200 }],
  '/staff/files/:fileId': [
    { path: `/staff/files/${caseFile.fileId}`, who: 'clerk', status: 200 },
    { path: `/staff/files/${caseFile.fileId}`, who: 'team_lead', status: 200 },
    { path: `/staff/files/${caseFile.fileId}`, who: 'reception', status: 200 },
    { path: `/staff/files/${caseFile.fileId}`, who: 'admin', status: 403 },
    { path: `/staff/files/${caseFile.fileId}`, who: 'kiosk', status: 303 },
  ],
  '/staff/files/:fileId/access-log': [{ path: `/staff/files/${caseFile.fileId}/access-log`, who: 'admin', status: 200 }],
  '/staff/link': [{ path: `/staff/link?appointment=${booked.id}`, who: 'reception', status: 200 }],
  '/staff/admin/procedure-types': [{ path: '/staff/admin/procedure-types', who: 'admin', status: 200 }],
  '/staff/admin/status-figures': [{ path: '/staff/admin/status-figures', who: 'admin', status: 200 }],
  '/staff/procedures/:procedureId/citizen': [{ path: `/staff/procedures/${statusProcedure.procedureId}/citizen`, who: 'clerk', status: 200 }],
  '/staff/admin/procedure-types/:id': [{ path: `/staff/admin/procedure-types/${procedureTypes.get('extension')}`, who: 'admin', status: 200 }],
  [`/${portalLang}/contact`]: [{ path: '/fa/contact', who: 'anonymous', status: 200 }],
  [`/${portalLang}/contact/procedure`]: [{ path: '/ps/contact/procedure', who: 'anonymous', status: 200 }],
  [`/${portalLang}/messages`]: [{ path: '/ar/messages', who: 'anonymous', status: 200 }],
  [`/${portalLang}/messages/:reference`]: [{ path: `/uk/messages/${message.reference}`, who: 'anonymous', status: 200 }],
  [`/${portalLang}/messages/:reference/sent`]:
    'redirect to the message page unless this browser sent it (src/features/messages/portal/message-portal-routes.test.ts)',
  '/staff/messages': [
    { path: '/staff/messages', who: 'clerk', status: 200 },
    { path: '/staff/messages', who: 'reception', status: 403 },
  ],
  '/staff/messages/:id': [
    { path: `/staff/messages/${message.id}`, who: 'team_lead', status: 200 },
    { path: `/staff/messages/${message.id}`, who: 'admin', status: 403 },
  ],
  '/staff/admin/message-templates': [{ path: '/staff/admin/message-templates', who: 'admin', status: 200 }],
  '/staff/admin/message-templates/:id': [
    { path: `/staff/admin/message-templates/${template.id}`, who: 'admin', status: 200 },
    { path: `/staff/admin/message-templates/${template.id}`, who: 'clerk', status: 403 },
  ],
  '/staff/admin/forms': [
    { path: '/staff/admin/forms', who: 'admin', status: 200 },
    { path: '/staff/admin/forms', who: 'clerk', status: 403 },
  ],
  '/staff/admin/forms/:id': [{ path: `/staff/admin/forms/${demoForm.form_id}`, who: 'admin', status: 200 }],
  '/staff/admin/forms/:id/versions/:versionId/texts/:lang': [
    { path: `/staff/admin/forms/${demoForm.form_id}/versions/${demoForm.id}/texts/fa`, who: 'admin', status: 200 },
  ],
  '/staff/applications': [
    { path: '/staff/applications', who: 'clerk', status: 200 },
    { path: '/staff/applications', who: 'reception', status: 403 },
  ],
  '/staff/applications/:id/appointment': [
    { path: `/staff/applications/${application.id}/appointment?serviceId=${office.service}`, who: 'clerk', status: 200 },
    { path: `/staff/applications/${application.id}/appointment`, who: 'reception', status: 403 },
  ],
  '/staff/applications/:id/match': [{ path: `/staff/applications/${application.id}/match`, who: 'clerk', status: 200 }],
  '/figures': [
    { path: `/figures?${loc}`, who: 'reception', status: 200 },
    { path: `/figures?${loc}`, who: 'admin', status: 200 },
    { path: '/figures', who: 'team_lead', status: 200 },
  ],
};

test('every GET route of the app is listed here, with its pages or why it has none', () => {
  const routes = new Set(app.routes.filter((route) => route.method === 'GET').map((route) => route.path));
  assert.deepEqual(
    [...routes].filter((path) => !(path in pages)),
    [],
    'routes without an entry in this test',
  );
  assert.deepEqual(
    Object.keys(pages).filter((path) => !routes.has(path)),
    [],
    'entries for routes that no longer exist',
  );
});

test('every HTML page, for every role that uses it, starts with <!doctype html> (no quirks mode)', async () => {
  let checked = 0;
  for (const [route, list] of Object.entries(pages)) {
    if (typeof list === 'string') continue;
    for (const page of list) {
      const response = await (await as(page.who)).get(page.path);
      assert.equal(response.status, page.status, `${page.who} ${page.path} (${route})`);
      if (response.status >= 300 && response.status < 400) continue;
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, page.path);
      const html = await response.text();
      assert.match(html, /^<!doctype html><html lang="[a-z]{2}" dir="(ltr|rtl)">/, `${page.who} ${page.path}: ${html.slice(0, 80)}`);
      checked += 1;
    }
  }
  assert.ok(checked > 50, `${checked} pages checked`);
});

test('the error page of every kind (404, 403, 500, …) starts with <!doctype html> and skips to the main content', async () => {
  const codes: AppErrorCode[] = ['bad_request', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'unavailable', 'internal'];
  for (const code of codes) {
    for (const lang of ['de', 'ar'] as const) {
      const html = String(await ErrorPage({ lang, code, requestId: 'req-1' }).toString());
      assert.match(html, /^<!doctype html><html /, `${code} ${lang}`);
      const skip = /<a class="skip-link" href="#main">([^<]*)<\/a>/.exec(html)?.[1];
      assert.equal(skip, lang === 'de' ? 'Zum Inhalt springen' : 'الانتقال إلى المحتوى', `${code} ${lang}`);
      assert.match(html, /<main id="main"/);
    }
  }
});
