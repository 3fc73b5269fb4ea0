// The outside tools the document tests check our PDFs with (poppler-utils, qpdf), run on files
// in a temporary folder.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function tool(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { encoding: 'utf8' });
  return stdout;
}

export const pdfText = (file: string): Promise<string> =>
  tool('pdftotext', ['-enc', 'UTF-8', file, '-']);

export type WordBox = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** Every word with its box (pdftotext -bbox: points, y measured down from the top edge). */
export async function pdfWords(file: string): Promise<WordBox[]> {
  const html = await tool('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const pattern =
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  return [...html.matchAll(pattern)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: (m[5] ?? '').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>'),
  }));
}

/** Renders page 1 to PNG (pdftoppm -r <dpi>) and returns the PNG's bytes. */
export async function renderPage(file: string, dpi: number): Promise<Uint8Array> {
  const prefix = join(`${file}.page`);
  await tool('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    prefix,
  ]);
  return new Uint8Array(await readFile(`${prefix}.png`));
}
