// The review as a printable PDF (pdf-lib, US Letter portrait): first what was reviewed (the
// licensee and the vault's id, the period, when, by whom, the audit head a reviewer can compare
// with a head kept outside), what was checked and how many findings of each severity; then the
// findings grouped by severity, each with its certificate, code, message, rule and citation.
// The certificate fonts (DejaVu Sans, resources/fonts) print any text a record may hold; every
// page says which review it belongs to and "page n of m".
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { ReviewSeverity } from '../../../shared/review/review-codes';
import { reviewSeverities } from '../../../shared/review/review-codes';
import type { ReviewFinding, ReviewReport } from '../../../shared/review/review-report';
import {
  embedCertificateFonts,
  loadCertificateFontFiles,
} from '../documents/layout/certificate-fonts';
import { periodWords } from './review-csv';

const PAGE = { width: 612, height: 792 };
const MARGIN = 54;
const WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = MARGIN + 24;

const SEVERITY_TITLES: Record<ReviewSeverity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'For information',
};
const SEVERITY_COLOURS: Record<ReviewSeverity, ReturnType<typeof rgb>> = {
  error: rgb(0.6, 0.05, 0.05),
  warning: rgb(0.5, 0.32, 0),
  info: rgb(0.15, 0.25, 0.45),
};

/** Greedy word wrap by measured width; a word longer than the line is cut. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(tried, size) <= width) {
      line = tried;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

type Writer = {
  text: (
    text: string,
    options?: { bold?: boolean; size?: number; colour?: ReturnType<typeof rgb>; indent?: number },
  ) => void;
  gap: (points: number) => void;
  keep: (points: number) => void;
};

function createWriter(pdf: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }): Writer {
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const newPage = () => {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN;
  };
  const keep = (points: number) => {
    if (y - points < BOTTOM) newPage();
  };
  return {
    keep,
    gap: (points) => {
      y -= points;
    },
    text: (text, options = {}) => {
      const size = options.size ?? 10;
      const font = options.bold === true ? fonts.bold : fonts.regular;
      const indent = options.indent ?? 0;
      for (const line of wrapText(text, font, size, WIDTH - indent)) {
        keep(size * 1.35);
        y -= size * 1.35;
        page.drawText(line, {
          x: MARGIN + indent,
          y,
          size,
          font,
          color: options.colour ?? rgb(0, 0, 0),
        });
      }
    },
  };
}

function findingBlock(write: Writer, finding: ReviewFinding): void {
  write.keep(60);
  const about = finding.certificateNumber ?? 'The vault';
  write.text(`${about} — ${finding.code}`, {
    bold: true,
    colour: SEVERITY_COLOURS[finding.severity],
  });
  write.text(finding.message, { indent: 12 });
  write.text(`Rule: ${finding.rule}. Source: ${finding.citation}.`, {
    size: 8.5,
    indent: 12,
    colour: rgb(0.3, 0.3, 0.3),
  });
  write.gap(6);
}

export async function renderReviewPdf(
  report: ReviewReport,
  options: { resourcesDir: string },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const embedded = await embedCertificateFonts(
    pdf,
    await loadCertificateFontFiles(options.resourcesDir),
  );
  const fonts = { regular: embedded.regular.pdf, bold: embedded.bold.pdf };
  const title = `Review of the record: ${report.vault.licensee ?? 'KP Desk vault'}`;
  pdf.setTitle(title);
  pdf.setSubject(`KP Desk review, ${periodWords(report)}, ${report.ranAt}`);
  pdf.setProducer('KP Desk');
  pdf.setCreator('KP Desk');
  pdf.setCreationDate(new Date(report.ranAt));
  pdf.setModificationDate(new Date(report.ranAt));
  const write = createWriter(pdf, fonts);
  write.text(title, { bold: true, size: 16 });
  write.gap(6);
  const facts: [string, string][] = [
    ['Licensee', report.vault.licensee ?? '(not recorded)'],
    ['Vault', report.vault.vaultId ?? '(opened without its key file: no id)'],
    [
      'Period',
      `${periodWords(report)}${report.period === null ? '' : ', certificates by date of issue'}`,
    ],
    ['Run at', report.ranAt],
    ['Run by', report.ranBy],
    ['Audit head', `event ${String(report.auditHead.seq)}, ${report.auditHead.hash}`],
    [
      'Checked',
      `${String(report.checked.certificates)} certificates, ${String(report.checked.documents)} signed PDFs, ${String(report.checked.auditEvents)} audit events, ${String(report.checked.anchors)} anchors`,
    ],
    [
      'Findings',
      `${String(report.counts.error)} errors, ${String(report.counts.warning)} warnings, ${String(report.counts.info)} for information`,
    ],
  ];
  for (const [label, value] of facts) write.text(`${label}: ${value}`);
  write.gap(10);
  if (report.findings.length === 0)
    write.text('No finding: every check of docs/review.md passed.', { bold: true });
  for (const severity of reviewSeverities) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    write.keep(80);
    write.text(`${SEVERITY_TITLES[severity]} (${String(group.length)})`, {
      bold: true,
      size: 13,
      colour: SEVERITY_COLOURS[severity],
    });
    write.gap(4);
    for (const finding of group) findingBlock(write, finding);
    write.gap(6);
  }
  const pages = pdf.getPages();
  pages.forEach((page, index) => {
    page.drawText(
      `KP Desk review, ${periodWords(report)}, ${report.ranAt}, audit head ${String(report.auditHead.seq)} — page ${String(index + 1)} of ${String(pages.length)}`,
      { x: MARGIN, y: MARGIN - 12, size: 7.5, font: fonts.regular, color: rgb(0.35, 0.35, 0.35) },
    );
  });
  return pdf.save();
}
