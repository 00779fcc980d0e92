import { z } from 'zod';
import { asArray } from '../../staff/index.ts';
import { slug } from './office-page.tsx';

const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === '1', z.boolean());
const version = z.coerce.number().int().min(0).max(2_147_483_647);

/** The German title, summary and body, and of every translation. */
const textFields = {
  title: z.string().trim().min(1, 'required / Pflichtfeld').max(200),
  summary: z.string().trim().max(1000).default(''),
  body: z.string().trim().max(20_000).default(''),
};

export const newInfoPageSchema = z.object({
  slug,
  position: z.coerce.number().int().min(0).max(9999),
  published: checkbox,
  serviceIds: z.preprocess(asArray, z.array(z.uuid()).max(200)),
  ...textFields,
});

export const infoPageSchema = newInfoPageSchema.extend({ version: version.min(1) });

export const translationSchema = z.object({
  ...textFields,
  machineTranslated: checkbox,
  version,
  sourceDigest: z.string().regex(/^[0-9a-f]{32}$/, 'the German text the form was made from'),
});

export const approvalSchema = z.object({ version: version.min(1) });

/** The form's fields as typed, to show them again after a failed save. */
export type Submitted = { values: Record<string, string | string[]>; errors: Map<string, string>; message?: string | undefined };
