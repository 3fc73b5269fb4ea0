// The certificate page as a display list: every line, box, text run and QR module with its
// position in PDF points (x from the left edge, y up from the bottom edge), font weight and size,
// computed once by the layout. Two painters draw it, the PDF content stream
// (paint-pdf-content.ts) and the SVG preview (paint-svg.ts), so the preview and the document
// cannot drift apart.
import type { FontWeight } from './certificate-fonts';

/** sRGB components from 0 to 1. */
export type Rgb = readonly [number, number, number];

export type TextItem = {
  kind: 'text';
  text: string;
  /** The baseline's start (before any rotation). */
  x: number;
  y: number;
  size: number;
  weight: FontWeight;
  color: Rgb;
  /** The advance width the layout measured, in points (the preview stretches its font to it). */
  width: number;
  opacity?: number;
  /** Counter-clockwise, in degrees, about (x, y). */
  rotate?: number;
};

export type RectItem = {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
};

/** A QR symbol: `modules` row by row from the top, 1 = dark, filling the square at (x, y). */
export type QrItem = {
  kind: 'qr';
  x: number;
  y: number;
  side: number;
  size: number;
  modules: Uint8Array;
};

export type DisplayItem = TextItem | RectItem | QrItem;

export type DisplayList = { width: number; height: number; items: readonly DisplayItem[] };

/** Runs of dark modules per row: [row, first column, length], rows counted from the top. */
export function qrRuns(item: QrItem): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let row = 0; row < item.size; row += 1) {
    const offset = row * item.size;
    for (let col = 0; col < item.size;) {
      if (item.modules[offset + col] !== 1) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < item.size && item.modules[offset + col] === 1) col += 1;
      runs.push([row, start, col - start]);
    }
  }
  return runs;
}
