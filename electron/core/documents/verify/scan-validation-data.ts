// What follows the signed revision of a PDF (ETSI EN 319 142-1 §5.4, §5.5): PAdES B-LT and B-LTA
// add, by incremental update, a Document Security Store (/DSS in the catalog: /Certs, /CRLs,
// /OCSPs, /VRI) and possibly a document time-stamp (/SubFilter /ETSI.RFC3161). Those may follow a
// signature; anything else (a changed page, Info dictionary, annotation, a deleted object, a new
// root) is "other", which the verifier reports as a change after signing. The appended bytes are
// read object by object with a bounded reader (pdf-object-syntax.ts); anything it cannot account
// for is "other". Never throws.
import { inflateSync } from 'node:zlib';
import type { PdfValue } from './pdf-object-syntax';
import { PdfReader, nameOf, refsOf, sameValue } from './pdf-object-syntax';

export type AfterSignature = {
  /**
   * 'none': nothing after the signed revision; 'validation data only': only incremental updates
   * that add a /DSS (and/or an ETSI.RFC3161 document time-stamp); 'other': anything else.
   */
  kind: 'none' | 'validation data only' | 'other';
  certsDer: Buffer[];
  crlsDer: Buffer[];
  ocspsDer: Buffer[];
  message: string;
};

type PdfObject = { number: number; offset: number; value: PdfValue; stream: Buffer | null };
type XrefEntry = { number: number; offset: number; inUse: boolean };
type Revision = { objects: PdfObject[]; entries: XrefEntry[]; trailers: Map<string, PdfValue>[] };

const MAX_OBJECTS = 20_000;
const MAX_STREAM_BYTES = 4 * 1024 * 1024;

class NotOnlyValidationData extends Error {}
const other = (reason: string): never => {
  throw new NotOnlyValidationData(reason);
};

/** Objects, cross-reference entries and trailers of the bytes from `start` to the end. */
function readAppended(bytes: Buffer, start: number): Revision {
  const reader = new PdfReader(bytes, start);
  const revision: Revision = { objects: [], entries: [], trailers: [] };
  for (;;) {
    reader.skipSpace();
    if (reader.at >= bytes.length) return revision;
    const offset = reader.at;
    const word = reader.word();
    if (/^\d{1,10}$/.test(word)) {
      if (revision.objects.length >= MAX_OBJECTS) other('The update holds too many objects.');
      if (!/^\d{1,5}$/.test(reader.word()) || reader.word() !== 'obj')
        other('The update holds an unreadable object.');
      const value = reader.value() ?? other('The update holds an unreadable object.');
      let stream: Buffer | null = null;
      if (reader.peekWord() === 'stream') {
        reader.word();
        if (bytes[reader.at] === 0x0d) reader.at += 1;
        if (bytes[reader.at] === 0x0a) reader.at += 1;
        const length = value.kind === 'dict' ? value.entries.get('/Length') : undefined;
        const count = length?.kind === 'atom' ? Number(length.text) : NaN;
        if (!Number.isInteger(count) || count < 0 || reader.at + count > bytes.length)
          other('A stream in the update has no usable /Length.');
        stream = bytes.subarray(reader.at, reader.at + count);
        reader.at += count;
        if (reader.word() !== 'endstream') other('A stream in the update is damaged.');
      }
      if (reader.word() !== 'endobj') other('An object in the update is not closed.');
      revision.objects.push({ number: Number(word), offset, value, stream });
    } else if (word === 'xref') {
      readXref(reader, revision.entries);
    } else if (word === 'trailer') {
      const trailer = reader.value();
      if (trailer?.kind !== 'dict') other('The update’s trailer is unreadable.');
      else revision.trailers.push(trailer.entries);
    } else if (word === 'startxref') {
      if (!/^\d{1,12}$/.test(reader.word())) other('The update’s startxref is damaged.');
    } else other(`The update holds something other than PDF objects (“${word.slice(0, 20)}”).`);
  }
}

function readXref(reader: PdfReader, entries: XrefEntry[]): void {
  for (let sections = 0; sections < 1000 && /^\d{1,10}$/.test(reader.peekWord()); sections += 1) {
    const first = Number(reader.word());
    const count = Number(reader.word());
    if (!Number.isInteger(count) || count > MAX_OBJECTS)
      other('The update’s cross-reference table is damaged.');
    for (let index = 0; index < count; index += 1) {
      const offset = reader.word();
      const generation = reader.word();
      const type = reader.word();
      if (!/^\d{10}$/.test(offset) || !/^\d{5}$/.test(generation) || (type !== 'n' && type !== 'f'))
        other('The update’s cross-reference table is damaged.');
      entries.push({ number: first + index, offset: Number(offset), inUse: type === 'n' });
    }
  }
}

/** The signed revision's trailer and a way to read its objects (classic cross-reference table). */
function signedRevision(bytes: Buffer, signedEnd: number) {
  const tail = bytes.toString('latin1', Math.max(0, signedEnd - 4096), signedEnd);
  const start = /startxref\s+(\d{1,12})\s+%%EOF\s*$/.exec(tail);
  const at = tail.lastIndexOf('trailer');
  if (start === null || at === -1) return other('The signed revision has no classic trailer.');
  const trailer = new PdfReader(
    Buffer.from(tail.slice(at + 'trailer'.length), 'latin1'),
    0,
  ).value();
  if (trailer?.kind !== 'dict') return other('The signed revision’s trailer is unreadable.');
  const offsets = new Map<number, number>();
  const reader = new PdfReader(bytes, Number(start[1]), signedEnd);
  if (reader.word() !== 'xref')
    return other('The signed revision has no classic cross-reference table.');
  const entries: XrefEntry[] = [];
  readXref(reader, entries);
  for (const entry of entries) if (entry.inUse) offsets.set(entry.number, entry.offset);
  const objectAt = (number: number): PdfValue | null => {
    const offset = offsets.get(number);
    if (offset === undefined || offset >= signedEnd) return null;
    const objectReader = new PdfReader(bytes, offset, signedEnd);
    if (objectReader.word() !== String(number)) return null;
    objectReader.word();
    return objectReader.word() === 'obj' ? objectReader.value() : null;
  };
  return { trailer: trailer.entries, objectAt, known: (number: number) => offsets.has(number) };
}

const isZeroRect = (value: PdfValue | undefined): boolean =>
  value?.kind === 'array' &&
  value.items.length === 4 &&
  value.items.every((item) => item.kind === 'atom' && Number(item.text) === 0);

/**
 * `after` equals `before` except: /DSS added (only when `dssAllowed`), and /Fields or /Annots
 * arrays (direct, or in a direct /AcroForm) that only gained references in `widgets`.
 */
function onlyAllowedGrowth(
  before: PdfValue,
  after: PdfValue,
  widgets: Set<number>,
  dssAllowed: boolean,
): boolean {
  if (before.kind !== 'dict' || after.kind !== 'dict') return false;
  for (const [key, value] of after.entries) {
    const old = before.entries.get(key);
    if (key === '/DSS' && old === undefined && dssAllowed && value.kind === 'ref') continue;
    if (sameValue(old, value)) continue;
    if ((key === '/Fields' || key === '/Annots') && old !== undefined) {
      const oldRefs = refsOf(old);
      const newRefs = refsOf(value);
      const kept = oldRefs.every((ref, index) => newRefs[index] === ref);
      if (
        kept &&
        newRefs.slice(oldRefs.length).every((ref) => widgets.has(ref)) &&
        value.kind === 'array' &&
        value.items.length === newRefs.length &&
        old.kind === 'array' &&
        old.items.length === oldRefs.length
      )
        continue;
      return false;
    }
    if (key === '/AcroForm' && old !== undefined && onlyAllowedGrowth(old, value, widgets, false))
      continue;
    return false;
  }
  return [...before.entries.keys()].every((key) => after.entries.has(key));
}

function decoded(object: PdfObject): Buffer {
  const stream = object.stream ?? other('The DSS names an object that is not a stream.');
  const filter = object.value.kind === 'dict' ? object.value.entries.get('/Filter') : undefined;
  if (filter === undefined) return Buffer.from(stream);
  if (nameOf(filter) === '/FlateDecode') {
    try {
      return inflateSync(stream, { maxOutputLength: MAX_STREAM_BYTES });
    } catch {
      return other('A validation-data stream does not decompress.');
    }
  }
  return other('A validation-data stream uses a filter other than FlateDecode.');
}

function scan(bytes: Buffer, signedEnd: number): AfterSignature {
  const signed = signedRevision(bytes, signedEnd);
  const appended = readAppended(bytes, signedEnd);
  const latest = new Map<number, PdfObject>();
  for (const object of appended.objects) latest.set(object.number, object);
  const root = signed.trailer.get('/Root');
  for (const trailer of appended.trailers) {
    if (!sameValue(trailer.get('/Root'), root))
      other('An update after the signature replaces the document’s root.');
    if (!sameValue(trailer.get('/Info'), signed.trailer.get('/Info')))
      other('An update after the signature replaces the document information (Info).');
    if (trailer.has('/Encrypt')) other('An update after the signature encrypts the document.');
  }
  if (appended.trailers.length === 0) other('Bytes after the signature are not a complete update.');
  // Each update's table points at that update's objects (an object redefined later keeps its
  // earlier entry in the earlier table).
  const defined = new Set(
    appended.objects.map((object) => `${String(object.number)}@${String(object.offset)}`),
  );
  for (const entry of appended.entries) {
    if (!entry.inUse && entry.number !== 0) other('An update after the signature deletes objects.');
    if (entry.inUse && !defined.has(`${String(entry.number)}@${String(entry.offset)}`))
      other('An update after the signature points at objects it does not hold.');
  }
  const rootNumber = root?.kind === 'ref' ? root.number : -1;
  const get = (ref: number): PdfValue | undefined => latest.get(ref)?.value;
  const entriesOf = (value: PdfValue | undefined): Map<string, PdfValue> =>
    value?.kind === 'dict' ? value.entries : new Map<string, PdfValue>();
  // The DSS the new catalog names, and what it (and its /VRI dictionaries) name.
  const catalog = entriesOf(get(rootNumber));
  const dssRef = catalog.get('/DSS');
  const allowed = new Set<number>();
  const collected = { certsDer: [] as Buffer[], crlsDer: [] as Buffer[], ocspsDer: [] as Buffer[] };
  const take = (list: Buffer[], value: PdfValue | undefined): void => {
    for (const ref of refsOf(value)) {
      const object =
        latest.get(ref) ?? other('The DSS names validation data that is not in the update.');
      allowed.add(ref);
      const der = decoded(object);
      if (!list.some((known) => known.equals(der))) list.push(der);
    }
  };
  if (dssRef?.kind === 'ref') {
    allowed.add(dssRef.number);
    const dss = entriesOf(get(dssRef.number));
    take(collected.certsDer, dss.get('/Certs'));
    take(collected.crlsDer, dss.get('/CRLs'));
    take(collected.ocspsDer, dss.get('/OCSPs'));
    const vri = dss.get('/VRI');
    if (vri?.kind === 'ref') allowed.add(vri.number);
    for (const entry of entriesOf(vri?.kind === 'ref' ? get(vri.number) : vri).values()) {
      if (entry.kind === 'ref') allowed.add(entry.number);
      const fields = entriesOf(entry.kind === 'ref' ? get(entry.number) : entry);
      take(collected.certsDer, fields.get('/Cert'));
      take(collected.crlsDer, fields.get('/CRL'));
      take(collected.ocspsDer, fields.get('/OCSP'));
    }
  }
  // Document time-stamps: an invisible signature widget whose value is an ETSI.RFC3161 DocTimeStamp.
  const widgets = new Set<number>();
  let documentTimestamps = 0;
  for (const object of latest.values()) {
    const fields = entriesOf(object.value);
    const value = fields.get('/V');
    const signature = entriesOf(value?.kind === 'ref' ? get(value.number) : undefined);
    if (
      nameOf(fields.get('/FT')) === '/Sig' &&
      !signed.known(object.number) &&
      isZeroRect(fields.get('/Rect')) &&
      !fields.has('/AP') &&
      value?.kind === 'ref' &&
      nameOf(signature.get('/Type')) === '/DocTimeStamp' &&
      nameOf(signature.get('/SubFilter')) === '/ETSI.RFC3161'
    ) {
      widgets.add(object.number);
      allowed.add(object.number).add(value.number);
      documentTimestamps += 1;
    }
  }
  for (const object of latest.values()) {
    if (!signed.known(object.number)) {
      if (!allowed.has(object.number))
        other(
          `An update after the signature adds object ${String(object.number)}, which is not validation data.`,
        );
      continue;
    }
    // Validation data never rewrites a stream the signature covers (page content, fonts, images).
    if (object.stream !== null)
      other(`An update after the signature replaces stream object ${String(object.number)}.`);
    const before =
      signed.objectAt(object.number) ?? other('An update replaces an unreadable object.');
    if (!onlyAllowedGrowth(before, object.value, widgets, object.number === rootNumber))
      other(
        `An update after the signature changes object ${String(object.number)} (${describe(before)}).`,
      );
  }
  const parts = [
    `${String(collected.certsDer.length)} certificates`,
    `${String(collected.crlsDer.length)} CRLs`,
    `${String(collected.ocspsDer.length)} OCSP responses`,
  ];
  return {
    kind: 'validation data only',
    ...collected,
    message: `Added after signing: validation data only (${parts.join(', ')})${documentTimestamps > 0 ? ` and ${String(documentTimestamps)} document time-stamp(s)` : ''}.`,
  };
}

function describe(value: PdfValue): string {
  const entries = value.kind === 'dict' ? value.entries : new Map<string, PdfValue>();
  const type = nameOf(entries.get('/Type'));
  if (type === '/Page') return 'a page';
  if (type === '/Catalog') return 'the document catalog';
  if (nameOf(entries.get('/Subtype')) === '/Widget' || type === '/Annot') return 'an annotation';
  if (entries.has('/Producer') || entries.has('/CreationDate')) return 'the document information';
  return type === null ? 'an object the signature covers' : `a ${type.slice(1)} object`;
}

const empty = { certsDer: [], crlsDer: [], ocspsDer: [] };

export function scanAfterSignature(bytes: Buffer, signedEnd: number): AfterSignature {
  if (!Number.isInteger(signedEnd) || signedEnd < 0 || signedEnd > bytes.length)
    return { kind: 'other', ...empty, message: 'The signed range does not fit the file.' };
  if (
    /^[\0\t\n\f\r ]*$/.test(
      bytes.toString('latin1', signedEnd, Math.min(bytes.length, signedEnd + 64)),
    ) &&
    bytes.length - signedEnd <= 64
  )
    return { kind: 'none', ...empty, message: 'Nothing was added after the signature.' };
  try {
    return scan(bytes, signedEnd);
  } catch (error) {
    return {
      kind: 'other',
      ...empty,
      message:
        error instanceof NotOnlyValidationData
          ? error.message
          : 'The bytes after the signature could not be read.',
    };
  }
}
