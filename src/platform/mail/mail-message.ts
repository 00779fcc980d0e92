/** A message as the features write it; the transport turns it into MIME. */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** BCP 47 language of the message, set as Content-Language. */
  language: string;
  attachments?: { filename: string; content: string; contentType: string }[];
};
