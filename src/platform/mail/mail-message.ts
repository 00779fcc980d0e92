import { z } from 'zod';

/** A message as the features write it; the transport turns it into MIME. */
export const mailMessageSchema = z.strictObject({
  to: z.string().regex(/^[^\s@]+@[^\s@]+$/),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  /** BCP 47 language of the message, set as Content-Language. */
  language: z.string().min(2),
  attachments: z.array(z.strictObject({ filename: z.string().min(1), content: z.string(), contentType: z.string().min(1) })).optional(),
});

export type MailMessage = z.infer<typeof mailMessageSchema>;
