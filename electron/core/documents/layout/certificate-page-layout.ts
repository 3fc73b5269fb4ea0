// Lays out page 1 of the full certificate as a display list (display-list.ts): the printed form,
// the record's values in their boxes, the number twice, the seal's QR, the VOID stamp. Every
// value is checked (assert-printable.ts) and fitted (fit-text.ts) before anything is returned,
// so a bad value fails the PDF and the preview alike, naming its field.
import type { CertificateFontMetrics } from './certificate-fonts';
import type { PrintableRecord } from './certificate-field-contents';
import { certificateFieldContents } from './certificate-field-contents';
import type { DisplayItem, DisplayList } from './display-list';
import type { FormOptions } from './form-display-items';
import { formDisplayItems, INK_RGB } from './form-display-items';
import type { FormFieldKey, Rect } from './form-positions';
import {
  formPositions,
  numberPositions,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  sealBox,
  signatureBox,
} from './form-positions';
import { placeField } from './place-field';
import type { QrSymbol } from '../seal/seal-qr-symbol';
import type { VoidStamp } from './void-stamp-items';
import { voidStampItems } from './void-stamp-items';

/** [x1, y1, x2, y2] in PDF points from the page's bottom-left corner (a PDF /Rect). */
export type PdfRect = [number, number, number, number];

export type CertificatePageOptions = {
  /** Stamp the page VOID with this reason and date. */
  voidStamp?: VoidStamp;
  /** The seal's QR symbol, drawn in the seal box (sealRect). */
  sealQr?: QrSymbol;
  /** Caption the seal box ("Verification seal"); by default captioned when sealQr is given. */
  sealBox?: boolean;
  /** Frame and caption the area for the visible signature and return its rectangle. */
  signatureBox?: boolean;
};

export type CertificatePage = {
  list: DisplayList;
  /** Where the signature's appearance goes, when options.signatureBox. */
  signatureRect: PdfRect | null;
  sealRect: PdfRect;
  /**
   * The form alone (frames, labels, fixed text), the first items of the list: the same array for
   * every record laid out with the same fonts and options, so painters may cache its output.
   */
  formItems: readonly DisplayItem[];
};

export const toPdfRect = (rect: Rect): PdfRect => [
  rect.x,
  rect.y,
  rect.x + rect.width,
  rect.y + rect.height,
];

// The form's items depend only on the fonts and the options: built once per combination.
const formCache = new WeakMap<CertificateFontMetrics, Map<string, readonly DisplayItem[]>>();

export function cachedFormItems(
  fonts: CertificateFontMetrics,
  options: FormOptions,
): readonly DisplayItem[] {
  let byOptions = formCache.get(fonts);
  if (byOptions === undefined) {
    byOptions = new Map();
    formCache.set(fonts, byOptions);
  }
  const key = `${String(options.signatureBox)}/${String(options.seal)}`;
  let items = byOptions.get(key);
  if (items === undefined) {
    items = Object.freeze(formDisplayItems(fonts, options));
    byOptions.set(key, items);
  }
  return items;
}

/** The record's values as text items (also what the print-on-form overlay prints). */
export function valueItems(record: PrintableRecord, fonts: CertificateFontMetrics): DisplayItem[] {
  const contents = certificateFieldContents(record);
  const number = {
    boxName: 'Certificate No.',
    runs: [{ source: 'number', text: record.number, weight: 'bold' as const }],
  };
  const placed = [
    ...(Object.keys(formPositions) as (FormFieldKey | 'itn')[]).flatMap((key) =>
      placeField(contents[key], formPositions[key], fonts),
    ),
    ...placeField(number, numberPositions.top, fonts),
    ...placeField(number, numberPositions.bottom, fonts),
  ];
  return placed.map((line) => ({
    kind: 'text',
    ...line,
    color: INK_RGB,
    width: fonts[line.weight].widthOfTextAtSize(line.text, line.size),
  }));
}

export function layoutCertificatePage(
  record: PrintableRecord,
  fonts: CertificateFontMetrics,
  options: CertificatePageOptions,
): CertificatePage {
  const values = valueItems(record, fonts);
  const stamp = options.voidStamp ? voidStampItems(fonts, options.voidStamp) : [];
  const form = cachedFormItems(fonts, {
    signatureBox: options.signatureBox === true,
    seal: options.sealBox ?? options.sealQr !== undefined,
  });
  const qr: DisplayItem[] =
    options.sealQr === undefined
      ? []
      : [
          {
            kind: 'qr',
            x: sealBox.x,
            y: sealBox.y,
            side: Math.min(sealBox.width, sealBox.height),
            size: options.sealQr.size,
            modules: options.sealQr.modules,
          },
        ];
  return {
    list: { width: PAGE_WIDTH, height: PAGE_HEIGHT, items: [...form, ...values, ...qr, ...stamp] },
    signatureRect: options.signatureBox === true ? toPdfRect(signatureBox) : null,
    sealRect: toPdfRect(sealBox),
    formItems: form,
  };
}
