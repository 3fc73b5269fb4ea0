// Paints a display list as PDF content-stream operators (ISO 32000-1 §8, §9.4): rectangles as
// "re" paths, text as Identity-H glyph ids of the fixed font subset, the QR seal as one filled
// path of module runs in module units (a scaled coordinate system, so the stream holds small
// integers). Transparency (the VOID stamp) goes through named ExtGState resources the caller
// writes from `extGStates`.
import type { FontWeight } from './certificate-fonts';
import type { DisplayItem, QrItem, Rgb } from './display-list';
import { pdfNumber as n } from './pdf-writer';

/** The page's font resource name and encoder per weight. */
export type PdfFontResources = Readonly<
  Record<FontWeight, { name: string; encodeHex: (text: string) => string }>
>;

export type PaintedContent = {
  /** The operators, one per line. */
  content: Buffer;
  /** ExtGState resource name → constant alpha, for the resources dictionary. */
  extGStates: ReadonlyMap<string, number>;
};

/** Rotation terms with six decimals: three would shift the far end of a 190 pt word. */
const fine = (value: number): string => String(Math.round(value * 1e6) / 1e6);

const rgb = (color: Rgb, operator: 'rg' | 'RG'): string =>
  `${n(color[0])} ${n(color[1])} ${n(color[2])} ${operator}`;

const DIGIT_0 = 0x30;
const RUN_END = [0x20, 0x31, 0x20, 0x72, 0x65, 0x0a]; // " 1 re\n"

/** Writes a non-negative integer below 1000 (a module coordinate) in ASCII; returns the end. */
function writeSmallInteger(out: Buffer, at: number, value: number): number {
  let position = at;
  if (value >= 100) out[position++] = DIGIT_0 + Math.floor(value / 100);
  if (value >= 10) out[position++] = DIGIT_0 + (Math.floor(value / 10) % 10);
  out[position++] = DIGIT_0 + (value % 10);
  return position;
}

/**
 * The QR symbol as one path of module runs, in module units (a scaled coordinate system: small
 * integers). Written byte by byte into one buffer: it is the bulk of the page's stream (~2,000
 * runs), and building it as strings cost more than the rest of the page.
 */
function qrOperators(item: QrItem): Buffer {
  const unit = item.side / item.size;
  const head = Buffer.from(`q 0 0 0 rg ${n(unit)} 0 0 ${n(unit)} ${n(item.x)} ${n(item.y)} cm\n`);
  const { size, modules } = item;
  // At most size/2 runs a row (runs are separated by light modules), each "ccc rrr lll 1 re\n".
  const out = Buffer.allocUnsafe(head.length + Math.ceil(size / 2) * size * 17 + 4);
  let at = head.copy(out, 0);
  for (let row = 0; row < size; row += 1) {
    const offset = row * size;
    let col = 0;
    while (col < size) {
      if (modules[offset + col] !== 1) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && modules[offset + col] === 1) col += 1;
      at = writeSmallInteger(out, at, start);
      out[at++] = 0x20;
      at = writeSmallInteger(out, at, size - 1 - row);
      out[at++] = 0x20;
      at = writeSmallInteger(out, at, col - start);
      for (const byte of RUN_END) out[at++] = byte;
    }
  }
  at += out.write('f Q', at, 'latin1');
  return out.subarray(0, at);
}

export function paintPdfContent(
  items: readonly DisplayItem[],
  fonts: PdfFontResources,
): PaintedContent {
  const chunks: Buffer[] = [];
  let ops: string[] = [];
  const flush = (): void => {
    if (ops.length > 0) chunks.push(Buffer.from(`${ops.join('\n')}\n`, 'latin1'));
    ops = [];
  };
  const extGStates = new Map<string, number>();
  for (const item of items) {
    if (item.kind === 'rect') {
      const paint = item.fill && item.stroke ? 'B' : item.fill ? 'f' : 'S';
      ops.push(
        'q',
        ...(item.fill ? [rgb(item.fill, 'rg')] : []),
        ...(item.stroke ? [rgb(item.stroke, 'RG'), `${n(item.lineWidth ?? 1)} w`] : []),
        `${n(item.x)} ${n(item.y)} ${n(item.width)} ${n(item.height)} re ${paint}`,
        'Q',
      );
    } else if (item.kind === 'text') {
      const font = fonts[item.weight];
      let state = '';
      if (item.opacity !== undefined && item.opacity < 1) {
        const name = `GA${String(Math.round(item.opacity * 1000))}`;
        extGStates.set(name, item.opacity);
        state = `/${name} gs `;
      }
      const angle = ((item.rotate ?? 0) * Math.PI) / 180;
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      ops.push(
        `q ${state}BT /${font.name} ${n(item.size)} Tf ${rgb(item.color, 'rg')} ` +
          `${fine(cos)} ${fine(sin)} ${fine(-sin)} ${fine(cos)} ${n(item.x)} ${n(item.y)} Tm ` +
          `<${font.encodeHex(item.text)}> Tj ET Q`,
      );
    } else {
      flush();
      chunks.push(qrOperators(item), Buffer.from('\n', 'latin1'));
    }
  }
  flush();
  return { content: Buffer.concat(chunks), extGStates };
}
