import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details as the error edge writes them (error-edge.ts), for the OpenAPI document. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemContent = (description: string) => ({ description, content: { 'application/problem+json': { schema: problem } } });
