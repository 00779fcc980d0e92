export type { StaffActor, DeviceActor, StaffRole } from './actors.ts';
export { checkInWithCode, createWalkInTicket, normalizeCode, type IssuedTicket } from './check-in.ts';
export { callNextTicket, type CalledTicket } from './call-next.ts';
export { recallTicket, startService, markNoShow, parkTicket, resumeTicket, transferTicket, finishTicket, markPriority } from './desk-actions.ts';
export { frontDeskRoutes, type FrontDeskDeps } from './front-desk-routes.tsx';
export { staffGate, staffAudit, deviceCookieName, type FrontDeskGate, type PersonDataAudit } from './http/front-desk-gate.ts';
export { dayFigures, type DayFigures } from './figures.ts';
export { eraseTicketsOfAppointments, eraseOldTicketPersonalData, eraseOldTransferNotes } from './erase-ticket-personal-data.ts';
