// Writes the certificate's PDF file from its laid-out page (certificate-page-layout.ts) with the
// fixed font subsets (embedded-font-subset.ts) and the document metadata. The objects and their
// numbers are the same in every certificate, so the fonts and the printed form are serialised
// once per process and copied in; only the values (text and QR) are painted per document.
// Objects: 1–5 regular font, 6–10 bold font, 11 catalog, 12 pages, 13 page, 14 the form's
// content stream, 15 the values' content stream, 16 Info, 17 the sRGB ICC profile, 18 the XMP
// metadata, 19… extra objects (the signature). The file starts with the header, the fonts and the
// ICC profile: the same bytes in every certificate (certificatePdfPrefix), which a signer need
// not hash again for each document.
//
// The file is PDF/A-2b (ISO 19005-2, level B). What that asks of these objects, clause by clause:
// header with a binary comment (§6.1.2, pdf-writer.ts); trailer /ID, no /Encrypt, nothing after
// %%EOF (§6.1.3, pdf-writer.ts); classic xref and object syntax (§6.1.4, §6.1.7.1, §6.1.9,
// pdf-writer.ts); the Flate filter only (§6.1.7.2); an OutputIntent /GTS_PDFA1 with an RGB
// profile (§6.2.3, srgb-icc-profile.ts), which is what allows the DeviceRGB colours the content
// paints with (§6.2.4.3); ExtGStates with constant alpha only, no TR/TR2/HTP (§6.2.5), no blend
// mode (§6.2.10), and no page transparency group needed because there is a PDF/A OutputIntent
// (§6.2.10); every font embedded with all glyphs it shows, Identity-H with CIDToGIDMap Identity,
// widths from the font program (§6.2.11.3–6.2.11.5, embedded-font-subset.ts); XMP metadata in the
// catalog with pdfaid part 2, conformance B (§6.6.2.1, §6.6.4, pdfa-metadata.ts). The signature's
// objects (signing/sign-pdf.ts) cite their own clauses (§6.3, §6.4.1, §6.4.3).
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { version as packageVersion } from '../../../../package.json';
import type { CertificateFontFiles } from './certificate-fonts';
import type { CertificatePage } from './certificate-page-layout';
import type { DisplayItem } from './display-list';
import type { FixedFontSubset } from './embedded-font-subset';
import { fixedFontSubset, FONT_OBJECT_COUNT } from './embedded-font-subset';
import type { PdfFontResources } from './paint-pdf-content';
import { paintPdfContent } from './paint-pdf-content';
import type { PdfPrefix } from './pdf-writer';
import {
  pdfDate,
  pdfNumber,
  PdfWriter,
  pdfTextString,
  serializeObject,
  serializeStream,
} from './pdf-writer';

import { xmpMetadata } from './pdfa-metadata';
import { SRGB_PROFILE_DESCRIPTION, srgbIccProfile } from './srgb-icc-profile';

export const REGULAR_FONT_OBJECT = 1;
export const BOLD_FONT_OBJECT = 1 + FONT_OBJECT_COUNT;
const CATALOG = 11;
const PAGES = 12;
export const PAGE_OBJECT = 13;
const FORM_CONTENT = 14;
const VALUES_CONTENT = 15;
const INFO = 16;
const ICC_PROFILE = 17;
const METADATA = 18;
/** The first object number free for the caller's extra objects. */
export const FIRST_EXTRA_OBJECT = 19;

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
  /** The Info /Author and XMP dc:creator (the licensee who issues the certificate). */
  author?: string;
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

/** The output intent PDF/A asks for (ISO 19005-2 §6.2.3): sRGB, the colour space we paint in. */
const OUTPUT_INTENTS =
  `/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 ` +
  `/OutputConditionIdentifier ${pdfTextString(SRGB_PROFILE_DESCRIPTION)} ` +
  `/RegistryName (http://www.color.org) /Info ${pdfTextString(SRGB_PROFILE_DESCRIPTION)} ` +
  `/DestOutputProfile ${String(ICC_PROFILE)} 0 R>>]`;

// The prefix per pair of font subsets (the subsets are built once per process).
const prefixes = new WeakMap<FixedFontSubset, { bold: FixedFontSubset; prefix: PdfPrefix }>();

/** Header, fonts and ICC profile: the first bytes of every certificate file, built once. */
export function certificatePdfPrefix(subsets: CertificateSubsets): PdfPrefix {
  const cached = prefixes.get(subsets.regular);
  if (cached?.bold === subsets.bold) return cached.prefix;
  const writer = new PdfWriter();
  subsets.regular.objects(REGULAR_FONT_OBJECT).forEach((object, index) => {
    writer.add(REGULAR_FONT_OBJECT + index, object);
  });
  subsets.bold.objects(BOLD_FONT_OBJECT).forEach((object, index) => {
    writer.add(BOLD_FONT_OBJECT + index, object);
  });
  writer.add(
    ICC_PROFILE,
    serializeStream(ICC_PROFILE, ' /N 3 /Filter /FlateDecode', deflateSync(srgbIccProfile())),
  );
  const prefix = writer.prefix();
  prefixes.set(subsets.regular, { bold: subsets.bold, prefix });
  return prefix;
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
  const producer = info.producer ?? `KP Desk ${packageVersion}`;
  const keywords = info.keywords.join(' ');
  const writer = new PdfWriter(certificatePdfPrefix(subsets));
  writer.object(
    CATALOG,
    `<</Type /Catalog /Pages ${String(PAGES)} 0 R /Lang (en-US) ` +
      `/ViewerPreferences <</DisplayDocTitle true>> /Metadata ${String(METADATA)} 0 R ` +
      `${OUTPUT_INTENTS}${extra?.catalogEntries ?? ''}>>`,
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
  const values = serializeStream(VALUES_CONTENT, '', painted.content);
  writer.add(VALUES_CONTENT, values);
  const infoObject = serializeObject(
    INFO,
    `<</Title ${pdfTextString(info.title)} /Subject ${pdfTextString(info.subject)} ` +
      (info.author === undefined ? '' : `/Author ${pdfTextString(info.author)} `) +
      `/Keywords ${pdfTextString(keywords)} /Producer ${pdfTextString(producer)} ` +
      `/Creator (KP Desk) /CreationDate ${pdfDate(now)} /ModDate ${pdfDate(now)}${info.extra ?? ''}>>`,
  );
  writer.add(INFO, infoObject);
  // The XMP restates the Info entries (pdfa-metadata.ts); unfiltered, so any tool can read it.
  const xmp = xmpMetadata({
    title: info.title,
    subject: info.subject,
    author: info.author,
    keywords,
    producer,
    creatorTool: 'KP Desk',
    date: now,
  });
  writer.add(METADATA, serializeStream(METADATA, ' /Type /Metadata /Subtype /XML', xmp));
  (extra?.objects ?? []).forEach((object, index) => {
    writer.add(FIRST_EXTRA_OBJECT + index, object);
  });
  // The file identifier is a digest of what makes this document this one (its Info dictionary,
  // with the seal when sealed, and the painted values), never random: the same inputs give the
  // same file (ISO 32000-1 §14.4 leaves the method to the writer).
  const id = createHash('sha256').update(infoObject).update(values).digest().subarray(0, 16);
  return writer.finish(CATALOG, INFO, id);
}
