import { z } from '@hono/zod-openapi';

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: z.object({ title: z.string(), detail: z.string() }).passthrough() } },
});

const partialDate = z.object({ year: z.number().int(), month: z.number().int().nullable(), day: z.number().int().nullable() });

export const personBody = z
  .object({
    familyName: z.string().openapi({ example: 'Rahimi' }),
    givenNames: z.string().optional().openapi({ example: 'مهر‌نوش' }),
    birthName: z.string().nullable().optional(),
    birthDate: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'DD.MM.YYYY, MM.YYYY, YYYY or ISO; unknown parts left out ("00.00.1990" is refused)', example: '05.1990' }),
    placeOfBirth: z.string().nullable().optional(),
    countryOfBirth: z.string().nullable().optional().openapi({ example: 'IR' }),
    nationalities: z.array(z.string()).optional(),
    sex: z.enum(['female', 'male', 'diverse', 'unknown']).nullable().optional(),
    addressStreet: z.string().nullable().optional(),
    addressPostalCode: z.string().nullable().optional(),
    addressCity: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    preferredLanguage: z.string().nullable().optional(),
    azrNumber: z.string().nullable().optional(),
    formerNames: z.array(z.string()).optional(),
    nameVariants: z.array(z.string()).optional(),
  })
  .openapi('CasePersonInput');

export const personView = z
  .object({
    id: z.uuid(),
    fileId: z.uuid(),
    reference: z.string(),
    version: z.number().int(),
    person: z.object({
      familyName: z.string(),
      givenNames: z.string(),
      birthName: z.string().nullable(),
      birthDate: partialDate.nullable(),
      placeOfBirth: z.string().nullable(),
      countryOfBirth: z.string().nullable(),
      nationalities: z.array(z.string()),
      sex: z.string(),
      addressStreet: z.string().nullable(),
      addressPostalCode: z.string().nullable(),
      addressCity: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      preferredLanguage: z.string().nullable(),
      azrNumber: z.string().nullable(),
      formerNames: z.array(z.string()),
      nameVariants: z.array(z.string()),
    }),
  })
  .openapi('CasePerson');

export const createFileBody = z
  .object({ reference: z.string().openapi({ example: 'WZ-2026-00017' }), locationId: z.uuid(), person: personBody })
  .openapi('CaseFileInput');
export const createdFile = z.object({ fileId: z.uuid(), personId: z.uuid() }).openapi('CaseFileCreated');

export const procedureView = z
  .object({
    id: z.uuid(),
    fileId: z.uuid(),
    number: z.string(),
    typeName: z.string(),
    statusId: z.uuid(),
    statusCode: z.string(),
    statusLabel: z.string().nullable(),
    assignedStaffId: z.uuid().nullable(),
    plannedEnd: z.string().nullable(),
    suspended: z.boolean(),
    feeState: z.string(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
    history: z.array(z.object({ at: z.string(), statusCode: z.string(), by: z.string(), note: z.string().nullable() })),
  })
  .openapi('CaseProcedure');

export const openProcedureBody = z.object({ procedureTypeId: z.uuid(), note: z.string().optional() }).openapi('CaseProcedureInput');
export const statusChangeBody = z.object({ statusId: z.uuid(), note: z.string().optional() }).openapi('CaseProcedureStatusChange');

export const ifMatch = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: 'The ETag of the version the change is based on (required: 428 without, 412 when it is not the current one)' }),
});
export const fileIdParam = z.object({ fileId: z.uuid() });
export const personIdParam = z.object({ personId: z.uuid() });
export const procedureIdParam = z.object({ procedureId: z.uuid() });
