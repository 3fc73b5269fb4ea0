// PAdES B-LT (ETSI EN 319 142-1 §5.4): the validation data (certificates, CRLs, OCSP responses)
// goes into a Document Security Store, /DSS in the catalog, added by an incremental update (ISO
// 32000-2 §7.5.6) so the signed revision stays byte for byte as it was signed. The update holds
// one stream per certificate/CRL/OCSP response, the DSS dictionary, and the catalog again with
// /DSS; its cross-reference section chains to the signed one with /Prev.
import { createHash } from 'node:crypto';

export type ValidationData = {
  certificatesDer: readonly Buffer[];
  crlsDer?: readonly Buffer[];
  ocspsDer?: readonly Buffer[];
};

type Trailer = {
  size: number;
  root: number;
  rootGeneration: number;
  info: string | null;
  id: string | null;
  xrefAt: number;
};

function lastTrailer(pdf: Buffer): Trailer {
  const tail = pdf.toString('latin1', Math.max(0, pdf.length - 2048));
  const start = /startxref\s+(\d{1,12})\s+%%EOF\s*$/.exec(tail);
  const at = tail.lastIndexOf('trailer');
  if (start === null || at === -1) throw new Error('The PDF has no classic trailer to update.');
  const dictionary = tail.slice(at, tail.lastIndexOf('startxref'));
  const size = /\/Size\s+(\d{1,9})/.exec(dictionary);
  const root = /\/Root\s+(\d{1,9})\s+(\d{1,5})\s+R/.exec(dictionary);
  if (size === null || root === null) throw new Error('The PDF trailer has no /Size or /Root.');
  return {
    size: Number(size[1]),
    root: Number(root[1]),
    rootGeneration: Number(root[2]),
    info: /\/Info\s+(\d{1,9}\s+\d{1,5}\s+R)/.exec(dictionary)?.[1] ?? null,
    id: /\/ID\s*(\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\])/.exec(dictionary)?.[1] ?? null,
    xrefAt: Number(start[1]),
  };
}

/** The object's offset from the classic cross-reference table at `xrefAt`. */
function objectOffset(pdf: Buffer, xrefAt: number, object: number): number {
  const table = pdf.toString(
    'latin1',
    xrefAt,
    Math.min(pdf.length, xrefAt + 64 + 20 * (object + 2)),
  );
  const header = /^xref\s+(\d{1,9})\s+(\d{1,9})\s*?\r?\n/.exec(table);
  if (header === null) throw new Error('The PDF has no classic cross-reference table.');
  const first = Number(header[1]);
  const index = object - first;
  if (index < 0 || index >= Number(header[2])) throw new Error('The catalog is not in the table.');
  const entry = table.slice(header[0].length + 20 * index, header[0].length + 20 * index + 18);
  const match = /^(\d{10}) \d{5} n/.exec(entry);
  if (match === null) throw new Error('The catalog’s cross-reference entry is damaged.');
  return Number(match[1]);
}

/** The catalog dictionary's text ("<< … >>") at `offset`. */
function catalogDictionary(pdf: Buffer, offset: number, object: number): string {
  const text = pdf.toString('latin1', offset, Math.min(pdf.length, offset + 64 * 1024));
  const match = new RegExp(`^${String(object)}\\s+\\d+\\s+obj\\s*`).exec(text);
  const end = text.indexOf('endobj');
  if (match === null || end === -1)
    throw new Error('The catalog object is not where the table says.');
  const dictionary = text.slice(match[0].length, end).trim();
  if (
    !dictionary.startsWith('<<') ||
    !dictionary.endsWith('>>') ||
    !/\/Type\s*\/Catalog/.test(dictionary)
  )
    throw new Error('The catalog object is not a catalog dictionary.');
  if (/\/DSS\b/.test(dictionary)) throw new Error('The PDF already has a DSS.');
  return dictionary;
}

/** The items without repeats (the same CA certificate often comes with both chains). */
export const uniqueDer = (items: readonly Buffer[]): Buffer[] => {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = createHash('sha256').update(item).digest('hex');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** `pdf` with an incremental update adding /DSS; the bytes of `pdf` are its unchanged prefix. */
export function appendDss(pdf: Buffer, data: ValidationData): Buffer {
  const trailer = lastTrailer(pdf);
  const catalog = catalogDictionary(
    pdf,
    objectOffset(pdf, trailer.xrefAt, trailer.root),
    trailer.root,
  );
  const parts: Buffer[] = [];
  let size = pdf.length;
  const push = (text: string | Buffer): void => {
    const chunk = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
    parts.push(chunk);
    size += chunk.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a) push('\n');
  const offsets: [number, number][] = [];
  let next = trailer.size;
  const streams = (items: readonly Buffer[] | undefined): number[] =>
    uniqueDer(items ?? []).map((der) => {
      const number = next++;
      offsets.push([number, size]);
      push(`${String(number)} 0 obj\n<</Length ${String(der.length)}>>\nstream\n`);
      push(der);
      push('\nendstream\nendobj\n');
      return number;
    });
  const refs = (numbers: number[]): string =>
    `[${numbers.map((n) => `${String(n)} 0 R`).join(' ')}]`;
  const certs = streams(data.certificatesDer);
  const crls = streams(data.crlsDer);
  const ocsps = streams(data.ocspsDer);
  const dss = next++;
  offsets.push([dss, size]);
  push(
    `${String(dss)} 0 obj\n<</Type /DSS /Certs ${refs(certs)}` +
      `${crls.length > 0 ? ` /CRLs ${refs(crls)}` : ''}${ocsps.length > 0 ? ` /OCSPs ${refs(ocsps)}` : ''}>>\nendobj\n`,
  );
  const rootAt = size;
  push(
    `${String(trailer.root)} ${String(trailer.rootGeneration)} obj\n` +
      `<</DSS ${String(dss)} 0 R ${catalog.slice(2).trimStart()}\nendobj\n`,
  );
  const xrefAt = size;
  const entry = (offset: number, generation = 0): string =>
    `${String(offset).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n`;
  const firstNew = offsets[0]?.[0] ?? dss;
  push(
    `xref\n0 1\n0000000000 65535 f \n${String(trailer.root)} 1\n${entry(rootAt, trailer.rootGeneration)}` +
      `${String(firstNew)} ${String(offsets.length)}\n${offsets.map(([, offset]) => entry(offset)).join('')}`,
  );
  push(
    `trailer\n<</Size ${String(next)} /Root ${String(trailer.root)} ${String(trailer.rootGeneration)} R` +
      `${trailer.info === null ? '' : ` /Info ${trailer.info}`}${trailer.id === null ? '' : ` /ID ${trailer.id}`}` +
      ` /Prev ${String(trailer.xrefAt)}>>\nstartxref\n${String(xrefAt)}\n%%EOF\n`,
  );
  return Buffer.concat([pdf, ...parts]);
}
