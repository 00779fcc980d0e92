import { renderSVG } from 'uqr';

/** The appointment code as a QR code, rendered on the server as inline SVG (the kiosk scans it). */
export function qrSvg(text: string, label: string): string {
  const svg = renderSVG(text, { border: 2, ecc: 'M' });
  return svg.replace('<svg ', `<svg role="img" aria-label="${label.replace(/[&<>"]/g, '')}" class="qr" `);
}
