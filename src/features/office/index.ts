/**
 * The office feature's import surface: its catalogue (locations, services, hours, letterheads) and
 * its public routes. Its staff pages are mounted by app.tsx from staff/office-staff-routes.ts: they
 * use the appointment engine (closures move appointments), which itself reads the catalogue here.
 */
export { listLocations, findLocation, findLocationById, type LocationView } from './list-locations.ts';
export { listServices, findService, findServiceById, fallbackLanguage, type ServiceView } from './list-services.ts';
export { officeRoutes } from './office-routes.ts';
export { serviceColumns, type ServiceSettings } from './save-service.ts';
export { officePortalRoutes } from './portal/office-portal-routes.tsx';
export { RequiredDocuments } from './portal/info-pages.tsx';
export { locationHours, unionByWeekday, type LocationHours, type Span, type VisitorClosure } from './location-hours.ts';
export { loadLetterhead, type Letterhead } from './letterhead.ts';
export { sourceDigest, translationState, type TranslationState } from './translation-status.ts';
export { infoPageQrCodes, type InfoPageQr } from './info-page-qr.ts';
export { infoPageDigest } from './info-page-status.ts';
export { isStaleVersion, staleVersion } from './info-page-save.ts';
