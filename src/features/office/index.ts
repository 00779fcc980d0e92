/** The office feature's import surface: its catalogue (locations, services, hours) and its routes. */
export { listLocations, findLocation, findLocationById, type LocationView } from './list-locations.ts';
export { listServices, findService, findServiceById, fallbackLanguage, type ServiceView } from './list-services.ts';
export { officeRoutes } from './office-routes.ts';
export { officeStaffRoutes } from './staff/office-staff-routes.ts';
export { serviceColumns, type ServiceSettings } from './save-service.ts';
export { officePortalRoutes } from './portal/office-portal-routes.tsx';
export { RequiredDocuments } from './portal/info-pages.tsx';
export { locationHours, unionByWeekday, type LocationHours, type Span, type VisitorClosure } from './location-hours.ts';
export { sourceDigest, translationState, type TranslationState } from './translation-status.ts';
