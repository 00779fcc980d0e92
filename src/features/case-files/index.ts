/**
 * What other features, the import and the demo may use of the case file. Routes are not exported
 * here: src/app.tsx mounts them by file path (no import cycles through the shells).
 */
export { auditFileRead, personAuditLabel, type FileRead } from './audit-file-read.ts';
export { authorizeFile } from './authorize-file.ts';
export type { CaseFileDeps } from './case-file-deps.ts';
export { caseFileLocation, findCaseFileByPerson, findCaseFileByReference, insertCaseFile, type CaseFileRef } from './case-file-store.ts';
export { formatPartialDate, parsePartialDate } from './partial-date.ts';
export { insertPerson, namesOf, replacePersonNames, type PartialDate, type PersonInput, type PersonName } from './person-store.ts';
export { insertProcedure, insertStatusChange } from './procedure-store.ts';
export { seedStandardCatalogue } from './procedure-types/seed-standard-catalogue.ts';
export { retentionUntil } from './retention-rule.ts';
export { expiringTitles, type ExpiringTitle } from './expiring-titles.ts';
export { residenceTitleKinds, type ResidenceTitleKind } from './residence-titles.ts';
export { letterAddressees, type LetterAddressee } from './letter-addressees.ts';
export { replaceCurrentTitle } from './replace-current-title.ts';
