// A minimal PNG reader for the renders pdftoppm writes (8-bit RGB or grey, not interlaced):
// inflate the IDAT data and undo the per-row filters (PNG spec §9), enough to count pixels and
// tell a rendered page from a blank one without an image library.
import { inflateSync } from 'node:zlib';

export type Pixels = { width: number; height: number; channels: number; data: Uint8Array };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Uint8Array): Pixels {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (view.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < view.length) {
    const length = view.readUInt32BE(offset);
    const type = view.toString('latin1', offset + 4, offset + 8);
    const body = view.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [bitDepth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (bitDepth !== 8 || interlace !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = colorType === 2 ? 3 : colorType === 0 ? 1 : colorType === 6 ? 4 : 0;
      if (channels === 0) throw new Error(`unsupported PNG colour type ${String(colorType)}`);
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  for (let row = 0; row < height; row += 1) {
    const filter = raw[row * (stride + 1)] ?? 0;
    for (let i = 0; i < stride; i += 1) {
      const x = raw[row * (stride + 1) + 1 + i] ?? 0;
      const left = i >= channels ? (data[row * stride + i - channels] ?? 0) : 0;
      const up = row > 0 ? (data[(row - 1) * stride + i] ?? 0) : 0;
      const upLeft = row > 0 && i >= channels ? (data[(row - 1) * stride + i - channels] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0;
      data[row * stride + i] = (x + predictor) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** How many pixels satisfy `test`, given each pixel's red, green and blue. */
export function countPixels(
  pixels: Pixels,
  test: (red: number, green: number, blue: number) => boolean,
): number {
  let count = 0;
  for (let p = 0; p < pixels.width * pixels.height; p += 1) {
    const at = p * pixels.channels;
    const red = pixels.data[at] ?? 0;
    const green = pixels.channels >= 3 ? (pixels.data[at + 1] ?? 0) : red;
    const blue = pixels.channels >= 3 ? (pixels.data[at + 2] ?? 0) : red;
    if (test(red, green, blue)) count += 1;
  }
  return count;
}
