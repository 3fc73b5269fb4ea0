// The receipt confirmation as a one-page PDF (US Letter), to send or file with the record: the
// facts of receipt-confirmation-text.ts, and the due date (entry + 15 calendar days). DejaVu
// Sans embedded (subset) so a foreign exporter's name prints as typed ("Łódź Diament").
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { IncomingCertificate } from '../../../shared/incoming/incoming-certificate-input';
import { exportingParticipantName, receiptFacts } from './receipt-confirmation-text';

const PAGE = { width: 612, height: 792, margin: 60 };

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(next, size) <= width || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export async function receiptConfirmationPdf(
  record: IncomingCertificate,
  fonts: { regular: Uint8Array; bold: Uint8Array },
  createdAt: Date,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  pdf.setTitle(`Confirmation of receipt, KP certificate ${record.number}`);
  pdf.setCreator('KP Desk');
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);
  const page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const write = (text: string, font: PDFFont, size: number, x = PAGE.margin, gap = 6) => {
    for (const line of wrap(text, font, size, PAGE.width - x - PAGE.margin)) {
      page.drawText(line, { x, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size + 3;
    }
    y -= gap;
  };
  write('Confirmation of receipt of a Kimberley Process certificate', bold, 15);
  write(
    `To the Kimberley Process exporting authority of ${exportingParticipantName(record.exportingParticipant)}`,
    regular,
    11,
  );
  write(
    'The shipment of rough diamonds covered by the Kimberley Process certificate below was received in the United States.',
    regular,
    10,
    PAGE.margin,
    14,
  );
  for (const [label, value] of receiptFacts(record)) {
    const top = y;
    write(label, bold, 10, PAGE.margin, 0);
    const afterLabel = y;
    y = top;
    write(value, regular, 10, PAGE.margin + 150, 0);
    y = Math.min(y, afterLabel) - 6;
  }
  y -= 10;
  write(
    `Due to the exporting authority by ${record.receiptDueOn} (15 calendar days after entry; KPCS Section IV(c)).`,
    regular,
    9,
  );
  write(`Prepared with KP Desk on ${createdAt.toISOString().slice(0, 10)}.`, regular, 9);
  return pdf.save();
}
