// The one table of where the certificate's data goes on a letter-landscape page (792 × 612 pt,
// PDF coordinates: x from the left edge, y from the bottom edge). The full certificate draws its
// labelled boxes from it and the print-on-form overlay prints its values at the same places, so
// the two always agree. Box order follows the US form's labels (formText.asPrinted.fieldLabels):
// one row of small boxes, then exporter and consignee on the left with parcels, carats and HS
// code beside them. When USKPA's blank form is measured, change the numbers here, not the code.
// The label texts are proofread against a scanned sample form (reference-data notes).
import { formText } from '../../../../shared/reference/reference-data';
import type { TextBox } from './fit-text';

export const PAGE_WIDTH = 792;
export const PAGE_HEIGHT = 612;

export type Rect = { x: number; y: number; width: number; height: number };

/**
 * Where a field's value prints: the text area's left edge `x` and top edge `y`, its `width` and
 * `height`, at most `maxLines` lines, in `fontSize` pt, shrinking to `minFontSize` pt if needed.
 */
export type FormPosition = TextBox & {
  x: number;
  y: number;
  align: 'left' | 'center';
  valign: 'top' | 'middle';
};

export type FormFieldKey =
  | 'countryOfOrigin'
  | 'dateOfIssue'
  | 'dateOfExpiry'
  | 'valueUsd'
  | 'exporter'
  | 'parcels'
  | 'consignee'
  | 'carats'
  | 'hsCode';

const [
  countryLabel = '',
  issueLabel = '',
  expiryLabel = '',
  valueLabel = '',
  exporterLabel = '',
  parcelsLabel = '',
  consigneeLabel = '',
  caratsLabel = '',
  hsCodeLabel = '',
] = formText.asPrinted.fieldLabels;

/** The labelled boxes of the full certificate. */
export const formBoxes: Readonly<Record<FormFieldKey, { label: string; rect: Rect }>> = {
  countryOfOrigin: { label: countryLabel, rect: { x: 36, y: 440, width: 276, height: 50 } },
  dateOfIssue: { label: issueLabel, rect: { x: 312, y: 440, width: 148, height: 50 } },
  dateOfExpiry: { label: expiryLabel, rect: { x: 460, y: 440, width: 148, height: 50 } },
  valueUsd: { label: valueLabel, rect: { x: 608, y: 440, width: 148, height: 50 } },
  exporter: { label: exporterLabel, rect: { x: 36, y: 356, width: 504, height: 84 } },
  parcels: { label: parcelsLabel, rect: { x: 540, y: 384, width: 216, height: 56 } },
  consignee: { label: consigneeLabel, rect: { x: 36, y: 272, width: 504, height: 84 } },
  carats: { label: caratsLabel, rect: { x: 540, y: 328, width: 216, height: 56 } },
  hsCode: { label: hsCodeLabel, rect: { x: 540, y: 272, width: 216, height: 56 } },
};

/** Space at the top of each box for its printed label, and padding on the other sides. */
export const LABEL_BAND = 15;
const PADDING = 6;

function valueArea(
  rect: Rect,
  text: Pick<FormPosition, 'maxLines' | 'fontSize' | 'minFontSize' | 'valign'>,
): FormPosition {
  return {
    x: rect.x + PADDING,
    y: rect.y + rect.height - LABEL_BAND,
    width: rect.width - 2 * PADDING,
    height: rect.height - LABEL_BAND - 3,
    align: 'left',
    ...text,
  };
}

const oneLine = { maxLines: 1, fontSize: 11, minFontSize: 7, valign: 'middle' } as const;
const party = { maxLines: 7, fontSize: 10, minFontSize: 7, valign: 'top' } as const;

/** The AES block (ITN) and the boxes of the bottom band. */
export const aesBox: Rect = { x: 36, y: 198, width: 360, height: 60 };
export const sealBox: Rect = { x: 36, y: 62, width: 122, height: 122 };
export const signatureBox: Rect = { x: 180, y: 72, width: 300, height: 72 };
export const numberBox: Rect = { x: 596, y: 72, width: 160, height: 52 };

/** Where each value prints, on the full certificate and on the pre-printed form alike. */
export const formPositions: Readonly<Record<FormFieldKey | 'itn', FormPosition>> = {
  countryOfOrigin: valueArea(formBoxes.countryOfOrigin.rect, oneLine),
  dateOfIssue: valueArea(formBoxes.dateOfIssue.rect, oneLine),
  dateOfExpiry: valueArea(formBoxes.dateOfExpiry.rect, oneLine),
  valueUsd: valueArea(formBoxes.valueUsd.rect, oneLine),
  exporter: valueArea(formBoxes.exporter.rect, party),
  parcels: valueArea(formBoxes.parcels.rect, oneLine),
  consignee: valueArea(formBoxes.consignee.rect, party),
  carats: valueArea(formBoxes.carats.rect, oneLine),
  hsCode: valueArea(formBoxes.hsCode.rect, oneLine),
  itn: {
    x: aesBox.x + PADDING,
    y: aesBox.y + aesBox.height - LABEL_BAND - 1,
    width: aesBox.width - 2 * PADDING,
    height: 22,
    maxLines: 1,
    fontSize: 15,
    minFontSize: 9,
    align: 'left',
    valign: 'middle',
  },
};

/**
 * The certificate number, printed twice on the full certificate (top left and in the box bottom
 * right, as on the US form). The overlay leaves them out: USKPA's blank forms come pre-numbered.
 */
export const numberPositions: Readonly<Record<'top' | 'bottom', FormPosition>> = {
  top: {
    x: 40,
    y: 566,
    width: 180,
    height: 20,
    maxLines: 1,
    fontSize: 15,
    minFontSize: 9,
    align: 'left',
    valign: 'middle',
  },
  bottom: {
    x: numberBox.x + PADDING,
    y: numberBox.y + numberBox.height - LABEL_BAND,
    width: numberBox.width - 2 * PADDING,
    height: numberBox.height - LABEL_BAND - 4,
    maxLines: 1,
    fontSize: 17,
    minFontSize: 9,
    align: 'center',
    valign: 'middle',
  },
};
