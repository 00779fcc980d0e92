/**
 * What other features, the import and the demo may use of the case file. Routes are not exported
 * here: src/app.tsx mounts them by file path (no import cycles through the shells).
 */
export { auditFileChange } from './audit-file-change.ts';
export { auditFileRead, personAuditLabel, type FileRead } from './audit-file-read.ts';
export { authorizeFile } from './authorize-file.ts';
export type { CaseFileDeps } from './case-file-deps.ts';
export { caseFileLocation, findCaseFileByPerson, findCaseFileByReference, insertCaseFile, type CaseFileRef } from './case-file-store.ts';
export { formatPartialDate, parsePartialDate } from './partial-date.ts';
export { insertPerson, namesOf, replacePersonNames, type PartialDate, type PersonInput, type PersonName } from './person-store.ts';
export { lotseItself, moveProcedureToStatus, type StatusEvent, type StatusMove } from './move-procedure-status.ts';
export { completePickUpOfAppointment, linkAppointmentToProcedure } from './procedure-appointment.ts';
export { insertProcedure, insertStatusChange, procedureById } from './procedure-store.ts';
export { seedStandardCatalogue } from './procedure-types/seed-standard-catalogue.ts';
export { retentionUntil } from './retention-rule.ts';
export { expiringTitles, type ExpiringTitle } from './expiring-titles.ts';
export { residenceTitleKinds, type ResidenceTitleKind } from './residence-titles.ts';
export { letterAddressees, type LetterAddressee } from './letter-addressees.ts';
export { pgError, validateInput } from './validate-input.ts';
export { receiveUpload, cleanFileName, type Upload } from './documents/receive-upload.ts';
export { isInfected, isScanUnavailable } from './documents/scan-upload.ts';
export { allowedMediaTypes } from './documents/media-type.ts';
export { addDocumentVersion } from './documents/add-document-version.ts';
export { insertBlobRow } from './documents/document-store.ts';
export { removeUnreferencedBlobs } from './documents/erase-expired-files.ts';
export { queueTextExtraction, type TextJobs } from './documents/text-extraction-job.ts';
export { statusesOfType } from './procedure-store.ts';
export { nameKeys } from './name-keys.ts';
export { newProcedureNumber } from './procedure-number.ts';
export { multipartParts } from './documents/streamed-upload.ts';
export { insertNote } from './add-note.ts';
export { procedureForPerson, type ProcedureForPerson } from './procedure-by-number.ts';
export type { UploadDeps } from './documents/document-deps.ts';
export { replaceCurrentTitle } from './replace-current-title.ts';
export { changeProcedureStatus } from './change-procedure-status.ts';
export { decisionTimes, openProceduresByStatus, procedureFlow, type DecisionTime, type OpenProcedures, type ProcedureFlow } from './procedure-figures.ts';
export { mergeProvisionalPerson, moveProcedureToFile } from './move-procedure-file.ts';
