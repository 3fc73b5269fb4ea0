// Writes the certificate's PDF file from its laid-out page (certificate-page-layout.ts) with the
// fixed font subsets (embedded-font-subset.ts) and the document metadata. The objects and their
// numbers are the same in every certificate, so the fonts and the printed form are serialised
// once per process and copied in; only the values (text and QR) are painted per document.
// Objects: 1–5 regular font, 6–10 bold font, 11 catalog, 12 pages, 13 page, 14 the form's
// content stream, 15 the values' content stream, 16 Info, 17… extra objects (the signature).
import { deflateSync } from 'node:zlib';
import { version as packageVersion } from '../../../../package.json';
import type { CertificateFontFiles } from './certificate-fonts';
import type { CertificatePage } from './certificate-page-layout';
import type { DisplayItem } from './display-list';
import type { FixedFontSubset } from './embedded-font-subset';
import { fixedFontSubset, FONT_OBJECT_COUNT } from './embedded-font-subset';
import type { PdfFontResources } from './paint-pdf-content';
import { paintPdfContent } from './paint-pdf-content';
import { pdfDate, pdfNumber, PdfWriter, pdfTextString, serializeStream } from './pdf-writer';

export const REGULAR_FONT_OBJECT = 1;
export const BOLD_FONT_OBJECT = 1 + FONT_OBJECT_COUNT;
const CATALOG = 11;
const PAGES = 12;
export const PAGE_OBJECT = 13;
const FORM_CONTENT = 14;
const VALUES_CONTENT = 15;
const INFO = 16;
/** The first object number free for the caller's extra objects. */
export const FIRST_EXTRA_OBJECT = 17;

export type CertificateSubsets = { regular: FixedFontSubset; bold: FixedFontSubset };

export async function certificateSubsets(files: CertificateFontFiles): Promise<CertificateSubsets> {
  const [regular, bold] = await Promise.all([
    fixedFontSubset(files.regular),
    fixedFontSubset(files.bold),
  ]);
  return { regular, bold };
}

/** The font resources as every content stream of the document names them. */
export function pdfFontResources(subsets: CertificateSubsets): PdfFontResources {
  return {
    regular: { name: 'F1', encodeHex: subsets.regular.encodeHex },
    bold: { name: 'F2', encodeHex: subsets.bold.encodeHex },
  };
}

export const FONT_RESOURCES = `/Font <</F1 ${String(REGULAR_FONT_OBJECT)} 0 R /F2 ${String(BOLD_FONT_OBJECT)} 0 R>>`;

export type DocumentInfo = {
  title: string;
  subject: string;
  keywords: string[];
  /** e.g. "KP Desk 1.2.0"; defaults to this build's version. */
  producer?: string;
  /** Creation date; defaults to the current time. */
  now?: Date;
  /** Extra Info entries, already serialised (e.g. the seal: "/KPDeskSeal (…)"). */
  extra?: string;
};

/** Objects the caller adds (e.g. the signature field): numbered from FIRST_EXTRA_OBJECT. */
export type ExtraObjects = {
  /** Serialised objects, in number order from FIRST_EXTRA_OBJECT. */
  objects: Buffer[];
  /** Entries for the catalog (e.g. "/AcroForm <<…>>") and the page (e.g. "/Annots […]"). */
  catalogEntries: string;
  pageEntries: string;
};

function contentStream(number: number, content: Buffer): Buffer {
  return serializeStream(number, ' /Filter /FlateDecode', deflateSync(content, { level: 6 }));
}

// The form's stream object (number 14) per subsets and form items: the same bytes every time.
const formStreams = new WeakMap<readonly DisplayItem[], Buffer>();

function formStream(items: readonly DisplayItem[], fonts: PdfFontResources): Buffer {
  let stream = formStreams.get(items);
  if (stream === undefined) {
    stream = contentStream(FORM_CONTENT, paintPdfContent(items, fonts).content);
    formStreams.set(items, stream);
  }
  return stream;
}

export function writeCertificatePdf(
  page: CertificatePage,
  subsets: CertificateSubsets,
  info: DocumentInfo,
  extra?: ExtraObjects,
): Buffer {
  const fonts = pdfFontResources(subsets);
  const items = page.list.items;
  const painted = paintPdfContent(items.slice(page.formItems.length), fonts);
  const states = [...painted.extGStates]
    .map(
      ([name, alpha]) =>
        `/${name} <</Type /ExtGState /ca ${pdfNumber(alpha)} /CA ${pdfNumber(alpha)}>>`,
    )
    .join(' ');
  const now = info.now ?? new Date();
  const writer = new PdfWriter();
  subsets.regular.objects(REGULAR_FONT_OBJECT).forEach((object, index) => {
    writer.add(REGULAR_FONT_OBJECT + index, object);
  });
  subsets.bold.objects(BOLD_FONT_OBJECT).forEach((object, index) => {
    writer.add(BOLD_FONT_OBJECT + index, object);
  });
  writer.object(
    CATALOG,
    `<</Type /Catalog /Pages ${String(PAGES)} 0 R /Lang (en-US) ` +
      `/ViewerPreferences <</DisplayDocTitle true>>${extra?.catalogEntries ?? ''}>>`,
  );
  writer.object(PAGES, `<</Type /Pages /Kids [${String(PAGE_OBJECT)} 0 R] /Count 1>>`);
  writer.object(
    PAGE_OBJECT,
    `<</Type /Page /Parent ${String(PAGES)} 0 R ` +
      `/MediaBox [0 0 ${pdfNumber(page.list.width)} ${pdfNumber(page.list.height)}] ` +
      `/Resources <<${FONT_RESOURCES}${states === '' ? '' : ` /ExtGState <<${states}>>`}>> ` +
      `/Contents [${String(FORM_CONTENT)} 0 R ${String(VALUES_CONTENT)} 0 R]${extra?.pageEntries ?? ''}>>`,
  );
  writer.add(FORM_CONTENT, formStream(page.formItems, fonts));
  // Uncompressed: deflating the QR's ~20 KB of operators cost more than the rest of the page,
  // and hashing the extra bytes for the signature costs next to nothing.
  writer.add(VALUES_CONTENT, serializeStream(VALUES_CONTENT, '', painted.content));
  writer.object(
    INFO,
    `<</Title ${pdfTextString(info.title)} /Subject ${pdfTextString(info.subject)} ` +
      `/Keywords ${pdfTextString(info.keywords.join(' '))} ` +
      `/Producer ${pdfTextString(info.producer ?? `KP Desk ${packageVersion}`)} /Creator (KP Desk) ` +
      `/CreationDate ${pdfDate(now)} /ModDate ${pdfDate(now)}${info.extra ?? ''}>>`,
  );
  (extra?.objects ?? []).forEach((object, index) => {
    writer.add(FIRST_EXTRA_OBJECT + index, object);
  });
  return writer.finish(CATALOG, INFO);
}
