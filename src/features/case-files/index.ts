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
export { insertNote } from './add-note.ts';
export { procedureForPerson, type ProcedureForPerson } from './procedure-by-number.ts';
export { newProcedureNumber } from './procedure-number.ts';
export { addDocumentVersion } from './documents/add-document-version.ts';
export { cleanFileName, receiveUpload, type Upload } from './documents/receive-upload.ts';
export { insertBlobRow } from './documents/document-store.ts';
export { queueTextExtraction, type TextJobs } from './documents/text-extraction-job.ts';
export type { UploadDeps } from './documents/document-deps.ts';
