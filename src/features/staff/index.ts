/** The staff feature's import surface for other features (front desk, portal, case files). */
export { defaultStaffAuthSettings, type StaffAuthSettings } from './auth-settings.ts';
export { actions, authorize, can, roleMay, type Action, type PolicyResource } from './policy.ts';
export {
  allRoles,
  staffRoles,
  deviceKinds,
  actorLabel,
  isStaffRole,
  type Actor,
  type DeviceActor,
  type DeviceKind,
  type Role,
  type StaffActor,
  type StaffRole,
} from './roles.ts';
export {
  recordAudit,
  auditPersonForAppointment,
  auditPersonForCasePerson,
  pseudonymiseAuditPersons,
  pseudonymiseCaseAuditPersons,
  searchAudit,
  type AuditEntryInput,
} from './audit.ts';
export { createApiToken, revokeApiToken, createDevice, revokeDevice, actorForApiToken, actorForDeviceToken } from './api-tokens.ts';
export { createStaffAccount } from './create-staff-account.ts';
export { createSsoClient, type SsoClient, type SsoHealth } from './sso/oidc-client.ts';
export {
  staffAuth,
  requireStaff,
  requireDevice,
  authorizeRequest,
  currentStaff,
  currentDevice,
  CsrfField,
  StaffForm,
  clientIp,
  type StaffHttpDeps,
} from './http/staff-auth.tsx';
export type { StaffVariables } from './http/staff-env.ts';
export { Notice, StaffLayout, staffLang, staffT } from './http/staff-layout.tsx';
export { DataTable } from './http/data-table.tsx';
export { asArray, changeContext, CheckboxGroup, ErrorList, formFields, idParam, parseForm } from './admin/admin-forms.tsx';
export { authorizeChange, recordChange, type AdminDeps, type ChangeContext } from './admin/change-context.ts';
export { absenceForManager, absencesBetween, blockOwnTime, staffTimeZone, type AbsenceInput } from './admin/record-absence.ts';
export { staffRoutes } from './staff-routes.ts';
export type { HomeCard, HomeCardSource, HomeViewer } from './home-cards.ts';
export { staffApiRoutes } from './http/staff-api-routes.ts';
