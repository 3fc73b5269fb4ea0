// Paints a display list as an SVG document, the preview of page 1 the renderer shows. Same
// items, same coordinates as the PDF (flipped: SVG's y runs down). Text names its font by family
// ("DejaVu Sans", then generic sans-serif): an SVG shown in an <img> cannot load web fonts, so
// each run carries the width the PDF gives it (textLength) and a fallback font is stretched or
// squeezed to exactly that width, keeping every line inside its box. All text is escaped: it is
// what the licensee typed.
import type { DisplayItem, DisplayList, Rgb } from './display-list';
import { qrRuns } from './display-list';
import { pdfNumber as n } from './pdf-writer';

export const PREVIEW_FONT_FAMILY = "'DejaVu Sans', 'Verdana', sans-serif";

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    const forbidden =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      code === 0xfffe ||
      code === 0xffff;
    return forbidden ? '' : (XML_ESCAPES[c] ?? c);
  }).join('');
}

const hex = (color: Rgb): string =>
  `#${color
    .map((c) =>
      Math.round(Math.min(1, Math.max(0, c)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

function paintItem(item: DisplayItem, height: number): string {
  if (item.kind === 'rect') {
    const fill = item.fill ? hex(item.fill) : 'none';
    const stroke = item.stroke
      ? ` stroke="${hex(item.stroke)}" stroke-width="${n(item.lineWidth ?? 1)}"`
      : '';
    return `<rect x="${n(item.x)}" y="${n(height - item.y - item.height)}" width="${n(item.width)}" height="${n(item.height)}" fill="${fill}"${stroke}/>`;
  }
  if (item.kind === 'text') {
    const y = height - item.y;
    const rotate =
      item.rotate === undefined
        ? ''
        : ` transform="rotate(${n(-item.rotate)} ${n(item.x)} ${n(y)})"`;
    const opacity = item.opacity === undefined ? '' : ` fill-opacity="${n(item.opacity)}"`;
    const weight = item.weight === 'bold' ? ' font-weight="bold"' : '';
    return (
      `<text x="${n(item.x)}" y="${n(y)}" font-size="${n(item.size)}"${weight} fill="${hex(item.color)}"${opacity}` +
      ` textLength="${n(item.width)}" lengthAdjust="spacingAndGlyphs"${rotate}>${escapeXml(item.text)}</text>`
    );
  }
  const unit = item.side / item.size;
  const path = qrRuns(item)
    .map(
      ([row, col, length]) =>
        `M${String(col)} ${String(row)}h${String(length)}v1h-${String(length)}z`,
    )
    .join('');
  return `<path transform="translate(${n(item.x)} ${n(height - item.y - item.side)}) scale(${n(unit)})" d="${path}" fill="#000" shape-rendering="crispEdges"/>`;
}

/** The SVG document (UTF-8 text) of a display list, `title` as its accessible name. */
export function paintSvg(list: DisplayList, title: string): string {
  const { width, height } = list;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#fff"/>`,
    `<g font-family="${escapeXml(PREVIEW_FONT_FAMILY)}" xml:space="preserve">`,
    ...list.items.map((item) => paintItem(item, height)),
    '</g>',
    '</svg>',
  ].join('\n');
}
