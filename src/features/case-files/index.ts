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
export { receiveUpload, cleanFileName, type Upload } from './documents/receive-upload.ts';
export { allowedMediaTypes } from './documents/media-type.ts';
export { addDocumentVersion } from './documents/add-document-version.ts';
export { insertBlobRow } from './documents/document-store.ts';
export { queueTextExtraction, type TextJobs } from './documents/text-extraction-job.ts';
export { statusesOfType } from './procedure-store.ts';
export { nameKeys } from './name-keys.ts';
export { newProcedureNumber } from './procedure-number.ts';
export { multipartParts } from './documents/streamed-upload.ts';
export { say } from './staff/staff-texts.ts';
export { changeProcedureStatus } from './change-procedure-status.ts';
export { validateInput } from './validate-input.ts';
