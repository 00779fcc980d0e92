/** Reads of the office's catalogue: locations and services (texts per language). */
export { listLocations, type LocationView } from './list-locations.ts';
export { listServices, fallbackLanguage, type ServiceView } from './list-services.ts';
export { officeRoutes } from './office-routes.ts';
export { locationHours, unionByWeekday, type LocationHours, type Span, type VisitorClosure } from './location-hours.ts';
