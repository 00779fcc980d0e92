import { getDocumentProxy } from 'unpdf';

/**
 * What an applicant's PDF must not be: damaged, or carrying scripts (a PDF with JavaScript runs
 * code in some readers a clerk may open it with). The raw names are looked for first; pdf.js then
 * finds scripts inside compressed object streams too. Returns the page count of a clean PDF.
 */
export async function checkApplicantPdf(bytes: Uint8Array): Promise<{ ok: true; pages: number } | { ok: false; problem: 'pdf_script' | 'pdf_damaged' }> {
  if (/\/(JavaScript|JS)\b/.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'))) return { ok: false, problem: 'pdf_script' };
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over: give it a copy.
    pdf = await getDocumentProxy(Uint8Array.from(bytes), { isEvalSupported: false });
  } catch {
    return { ok: false, problem: 'pdf_damaged' };
  }
  try {
    const actions = await pdf.getJSActions();
    if (actions && Object.keys(actions).length > 0) return { ok: false, problem: 'pdf_script' };
    return { ok: true, pages: pdf.numPages };
  } catch {
    return { ok: false, problem: 'pdf_damaged' };
  } finally {
    await pdf.destroy();
  }
}
