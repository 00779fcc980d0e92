import { z } from '@hono/zod-openapi';

export const tags = ['Case files'];
export const security = [{ bearerAuth: [] }];
export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: z.object({ title: z.string(), detail: z.string() }).passthrough() } },
});

const partialDate = z.object({ year: z.number().int(), month: z.number().int().nullable(), day: z.number().int().nullable() });

/** The person's text fields that may be unknown (null). */
const nullableFields = [
  'birthName',
  'placeOfBirth',
  'countryOfBirth',
  'addressStreet',
  'addressPostalCode',
  'addressCity',
  'email',
  'phone',
  'preferredLanguage',
  'azrNumber',
] as const;
const fieldsOf = <S extends z.ZodType>(schema: S) =>
  Object.fromEntries(nullableFields.map((key) => [key, schema])) as Record<(typeof nullableFields)[number], S>;

export const personBody = z
  .object({
    familyName: z.string().openapi({ example: 'Rahimi' }),
    givenNames: z.string().optional().openapi({ example: 'مهر‌نوش' }),
    birthDate: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'DD.MM.YYYY, MM.YYYY, YYYY or ISO; unknown parts left out ("00.00.1990" is refused)', example: '05.1990' }),
    nationalities: z.array(z.string()).optional(),
    sex: z.enum(['female', 'male', 'diverse', 'unknown']).nullable().optional(),
    formerNames: z.array(z.string()).optional(),
    nameVariants: z.array(z.string()).optional(),
    ...fieldsOf(z.string().nullable().optional()),
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
      birthDate: partialDate.nullable(),
      nationalities: z.array(z.string()),
      sex: z.string(),
      formerNames: z.array(z.string()),
      nameVariants: z.array(z.string()),
      ...fieldsOf(z.string().nullable()),
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
