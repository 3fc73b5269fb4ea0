// The manual channel's package (issue 12): one PDF to fax to Census's KP contact or to upload by
// Census's secure file transfer: a cover sheet (to the Census KP Coordination Branch, fax
// (800) 457-7328 from the reference data with its source; the sender; the number of pages; the
// certificates listed with their submission ids), then each certificate's signed pages. Census
// must get a copy of every exported and every voided certificate (31 CFR 592.301(a)(1)(iv)-(v),
// 15 CFR 30.7(c)). The pages are copied from the signed PDFs the vault keeps; the package itself
// is a printout, not a signed document (a fax carries no digital signature). A copy with no PDF
// in the vault (a blank form voided before printing) gets a page with its recorded data.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { censusSubmission } from '../../../shared/reference/reference-data';
import type { OutboxRecipient } from '../vault/repositories/outbox-repository';

export type FaxPackageItem = {
  submissionId: number;
  number: string;
  kind: string;
  queuedAt: string;
  /** The signed PDF the vault keeps for it, or null. */
  pdf: Uint8Array | null;
  /** The data the outbox row carries (printed when there is no PDF). */
  data: Record<string, unknown>;
};

export type FaxPackageInput = {
  recipient: OutboxRecipient;
  items: readonly FaxPackageItem[];
  sender: { name: string; address: string; preparedBy: string };
  now: Date;
  /** DejaVu Sans regular and bold (resources/fonts), so names print as typed. */
  fonts: { regular: Uint8Array; bold: Uint8Array };
};

const PAGE: [number, number] = [612, 792]; // US Letter, what a US fax machine expects.
const MARGIN = 54;

const KIND_WORDS: Record<string, string> = {
  shipped: 'exported (copy after export)',
  voided: 'voided (copy on voiding)',
  issued: 'issued (use reported)',
  amended: 'corrected (approved amendment)',
};

const addressee = (recipient: OutboxRecipient): string[] =>
  recipient === 'census'
    ? [
        'U.S. Census Bureau, KP Coordination Branch',
        `Fax: ${censusSubmission.fax}   or: ${censusSubmission.other}`,
      ]
    : [
        'United States Kimberley Process Authority (USKPA)',
        'Fax or upload: the contact USKPA gave you',
      ];

type Writer = { page: PDFPage; y: number };

function lines(w: Writer, font: PDFFont, size: number, texts: readonly string[], gap = 4): void {
  for (const text of texts) {
    w.page.drawText(text, { x: MARGIN, y: w.y, size, font, color: rgb(0, 0, 0) });
    w.y -= size + gap;
  }
}

/** Splits text into lines that fit the page width at this size. */
function wrap(text: string, font: PDFFont, size: number, width = PAGE[0] - 2 * MARGIN): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(next, size) > width && line !== '') {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

function dataPage(pdf: PDFDocument, item: FaxPackageItem, regular: PDFFont, bold: PDFFont): void {
  const w: Writer = { page: pdf.addPage(PAGE), y: PAGE[1] - MARGIN };
  lines(w, bold, 14, [`${item.number}: ${KIND_WORDS[item.kind] ?? item.kind}`], 10);
  lines(
    w,
    regular,
    10,
    wrap(
      'No signed PDF of this certificate is in the vault (for example a blank form voided before it was printed). Its data as recorded:',
      regular,
      10,
    ),
  );
  w.y -= 6;
  for (const [key, value] of Object.entries(item.data)) {
    if (w.y < MARGIN) break;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    lines(w, regular, 9, wrap(`${key}: ${text}`, regular, 9).slice(0, 4), 3);
  }
}

export async function buildFaxPackage(input: FaxPackageInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(input.fonts.regular, { subset: true });
  const bold = await pdf.embedFont(input.fonts.bold, { subset: true });
  pdf.setTitle(`KP certificate copies for ${input.recipient === 'census' ? 'Census' : 'USKPA'}`);
  pdf.setCreator('KP Desk');
  pdf.setCreationDate(input.now);
  pdf.setModificationDate(input.now);

  const cover = pdf.addPage(PAGE);
  // The certificates' pages first (to count them), then the cover is written.
  const pagesOf: number[] = [];
  for (const item of input.items) {
    const before = pdf.getPageCount();
    if (item.pdf === null) dataPage(pdf, item, regular, bold);
    else {
      const source = await PDFDocument.load(item.pdf, { updateMetadata: false });
      const copied = await pdf.copyPages(source, source.getPageIndices());
      for (const page of copied) pdf.addPage(page);
    }
    pagesOf.push(pdf.getPageCount() - before);
  }
  const total = pdf.getPageCount();

  const w: Writer = { page: cover, y: PAGE[1] - MARGIN };
  lines(w, bold, 18, ['FAX / SECURE FILE TRANSFER COVER SHEET'], 6);
  lines(w, regular, 10, ['Kimberley Process certificate copies, sent with KP Desk'], 16);
  lines(w, bold, 11, ['To:'], 3);
  lines(w, regular, 11, addressee(input.recipient), 4);
  w.y -= 8;
  lines(w, bold, 11, ['From:'], 3);
  lines(w, regular, 11, [input.sender.name, ...input.sender.address.split('\n')], 4);
  lines(w, regular, 11, [`Prepared by: ${input.sender.preparedBy}`], 4);
  w.y -= 8;
  lines(
    w,
    regular,
    11,
    [
      `Date: ${input.now.toISOString().slice(0, 10)}`,
      `Pages: ${String(total)} (including this cover sheet)`,
      `Certificates: ${String(input.items.length)}`,
    ],
    4,
  );
  w.y -= 10;
  // Columns by position (the font is proportional: each cell is drawn at its own x).
  const xs = [MARGIN, MARGIN + 80, MARGIN + 300, MARGIN + 345, MARGIN + 425];
  ['Certificate', 'What', 'Pages', 'Queued', 'Submission'].forEach((cell, c) => {
    cover.drawText(cell, { x: xs[c] ?? MARGIN, y: w.y, size: 10, font: bold });
  });
  w.y -= 16;
  for (const [i, item] of input.items.entries()) {
    const row = [
      item.number.padEnd(14),
      (KIND_WORDS[item.kind] ?? item.kind).padEnd(38),
      String(pagesOf[i] ?? 0).padEnd(7),
      item.queuedAt.slice(0, 10).padEnd(12),
      `#${String(item.submissionId)}`,
    ];
    row.forEach((cell, c) => {
      cover.drawText(cell.trim(), { x: xs[c] ?? MARGIN, y: w.y, size: 10, font: regular });
    });
    w.y -= 14;
    if (w.y < 160) {
      lines(w, regular, 10, [
        `... and ${String(input.items.length - i - 1)} more (see the pages that follow)`,
      ]);
      break;
    }
  }
  w.y = Math.min(w.y, 150);
  const note =
    input.recipient === 'census'
      ? 'Copies of every exported and every voided Kimberley Process certificate, sent to the Census Bureau under 31 CFR 592.301(a)(1)(iv)-(v) and 15 CFR 30.7(c).'
      : "Report of each certificate's use to the US Kimberley Process Authority.";
  lines(w, regular, 9, wrap(note, regular, 9), 3);
  lines(
    w,
    regular,
    9,
    wrap(
      `After sending, record the fax confirmation or the transfer reference in KP Desk for each submission listed (kpdesk submissions confirm <id> --reference ...).${input.recipient === 'census' ? ' Fax number: U.S. Census Bureau licensee presentation "Statistical Reporting of Rough Diamonds" (Oct 2019), kept in KP Desk\'s reference data.' : ''}`,
      regular,
      9,
    ),
    3,
  );
  return pdf.save();
}
