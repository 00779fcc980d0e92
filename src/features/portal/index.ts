/**
 * The citizen portal shell's import surface for the domains' portal pages: layout, language,
 * security (CSRF, access grants, manage tokens), rate limits and proof of work.
 */
export { PortalLayout, Ltr, ErrorSummary } from './portal-layout.tsx';
export { ServiceAndPlaceFacts, Term } from './term.tsx';
export { problemPage, ProblemPage, ProblemActions } from './problem-page.tsx';
export {
  ConsentAndProofOfWork,
  ConsentField,
  describedBy,
  errorSummary,
  FieldError,
  LanguageField,
  PersonFields,
  type PersonErrors,
  type PersonValues,
} from './person-fields.tsx';
export { qrSvg } from './qr.ts';
export { renderIcs, type IcsEvent } from './ics.ts';
export type { PortalDeps } from './portal-deps.ts';
export { defaultPortalSettings, type PortalSettings } from './portal-settings.ts';
export { portalKeyLoader } from './portal-secret.ts';
export { checkCsrf, clientIp, csrfToken, dropAccess, grantAccess, grantedCode, hasAccess, secureCookie } from './http/portal-security.ts';
export { isManageToken, manageToken, sign } from './manage-token.ts';
export { enforce } from './rate-limit.ts';
export { guardSubmission } from './submission-guard.ts';
export { newChallenge, spendSolution } from './proof-of-work.ts';
export { powHeader, proofOfWorkRoutes } from './proof-of-work-routes.ts';
export { portalLang, portalLangSegment, portalRoutes } from './portal-routes.tsx';
export { countLookup, rateLimitedPage } from './rate-limited-page.tsx';
