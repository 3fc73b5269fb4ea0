// A foreign certificate received on an import, as the licensee types it, and small real scans
// (a PDF made with pdf-lib, a PNG's and a JPEG's real headers) for the registration tests.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { IncomingCertificateInput } from '../../../shared/incoming/incoming-certificate-input';

export function botswanaCertificate(
  overrides: Partial<IncomingCertificateInput> = {},
): IncomingCertificateInput {
  return {
    number: 'BW 012345',
    exportingParticipant: 'BW',
    issuingAuthority: 'Government Diamond Valuator, Ministry of Minerals and Energy, Botswana',
    dateOfIssue: '2026-11-10',
    dateOfExpiry: '2027-01-09',
    importer: {
      name: 'Hudson Rough Diamond Trading LLC',
      address: '580 Fifth Avenue, Suite 1200\nNew York, NY 10036\nUnited States',
    },
    exporter: { name: 'Łódź Diament Gaborone (Pty) Ltd', address: 'Plot 63, Gaborone\nBotswana' },
    parcels: '3',
    carats: '1,234.56',
    valueUsd: '456,789.00',
    hsCodes: ['7102.10'],
    origins: ['BW'],
    portOfEntry: 'New York (JFK)',
    dateOfEntry: '2026-11-20',
    ...overrides,
  };
}

export async function scanPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf
    .addPage([300, 200])
    .drawText('KP certificate BW012345 (scan)', { x: 20, y: 100, font, size: 10 });
  return pdf.save();
}

/** A 1×1 PNG (a real file: signature, IHDR, IDAT, IEND). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
