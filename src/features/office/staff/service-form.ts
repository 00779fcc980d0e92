import { z } from 'zod';
import { asArray } from '../../staff/index.ts';
import { slug } from './office-page.tsx';

const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === '1', z.boolean());
const optionalInt = (min: number, max: number) =>
  z.preprocess((value) => (value === '' || value === undefined ? null : value), z.coerce.number().int().min(min).max(max).nullable());

export const serviceSettingsSchema = z.object({
  slug,
  durationMinutes: z.coerce.number().int().min(5).max(480),
  slotMinutes: z.coerce.number().int().min(5).max(240),
  fee: z
    .string()
    .trim()
    .max(12)
    .regex(/^(\d{1,7}([.,]\d{1,2})?)?$/, 'an amount in euros, e.g. 96,00')
    .transform((value) => (value === '' ? null : Math.round(Number(value.replace(',', '.')) * 100))),
  onlineBookable: checkbox,
  walkInAllowed: checkbox,
  walkInDailyQuota: optionalInt(0, 10_000),
  minLeadMinutes: z.coerce.number().int().min(0).max(525_600),
  maxDaysAhead: z.coerce.number().int().min(0).max(366),
  sameDayRelease: z
    .string()
    .trim()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, 'a time such as 07:30')
    .transform((value) => (value === '' ? null : value)),
  sameDayLotteryMinutes: optionalInt(5, 240),
  lotteryHoldMinutes: z.coerce.number().int().min(10).max(720).default(60),
  requiredResourceKind: z
    .string()
    .trim()
    .regex(/^([a-z][a-z0-9_-]{0,62})?$/, 'a–z, 0–9, "_" and "-"')
    .transform((value) => (value === '' ? null : value)),
  active: checkbox,
  specialtyIds: z.preprocess(asArray, z.array(z.uuid()).max(100)),
  locationIds: z.preprocess(asArray, z.array(z.uuid()).max(100)),
});

export const serviceTextSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  audience: z.string().trim().max(2000).default(''),
  requiredDocuments: z
    .string()
    .max(12_000)
    .default('')
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(300, 'each line at most 300 characters')).max(40, 'at most 40 documents')),
  feeNote: z.string().trim().max(1000).default(''),
});

export const newServiceSchema = serviceSettingsSchema.extend({ name: z.string().trim().min(1).max(200) });
