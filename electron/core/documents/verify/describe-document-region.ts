// Names, in a border official's words, the part of a KP Desk document that holds a byte offset:
// used by the page binding to say where a file first differs from the document written again
// from its sealed record. The object is recognised by what it is (its dictionary), not by its
// number, so added objects (PDF/A metadata, an output intent) fall into a plain default.
const PEEK = 400;

function objectHolding(pdf: Buffer, offset: number): { number: number; start: number } | null {
  const head = pdf.lastIndexOf(' 0 obj\n', offset, 'latin1');
  if (head === -1) return null;
  const lineStart = pdf.lastIndexOf('\n', head - 1, 'latin1') + 1;
  const number = Number(pdf.toString('latin1', lineStart, head));
  return Number.isSafeInteger(number) ? { number, start: head + ' 0 obj\n'.length } : null;
}

type StreamParts = { text: Buffer; qr: Buffer; rest: Buffer };

/** The values stream of `pdf` (object at `start`) cut into its text, its QR code and the rest. */
function valuesStreamParts(pdf: Buffer, start: number): StreamParts | null {
  const data = pdf.indexOf('stream\n', start, 'latin1');
  const end = pdf.indexOf('\nendstream', data, 'latin1');
  if (data === -1 || end === -1) return null;
  const stream = pdf.subarray(data + 'stream\n'.length, end);
  const qr = stream.indexOf('q 0 0 0 rg ', 0, 'latin1');
  const qrEnd = qr === -1 ? -1 : stream.indexOf('f Q', qr, 'latin1');
  if (qr === -1 || qrEnd === -1) return null;
  return {
    text: stream.subarray(0, qr),
    qr: stream.subarray(qr, qrEnd + 3),
    rest: stream.subarray(qrEnd + 3),
  };
}

/** Which part of the values stream differs: the printed values, the QR code or the VOID stamp. */
function valuesStreamPart(written: Buffer, file: Buffer, start: number): string {
  const ours = valuesStreamParts(written, start);
  const theirs = valuesStreamParts(file, start);
  if (ours === null || theirs === null || !ours.text.equals(theirs.text))
    return 'the values printed on the page';
  if (!ours.qr.equals(theirs.qr)) return 'the seal’s QR code printed on the page';
  return 'the VOID stamp on the page';
}

/**
 * Where `file` first differs from `written` (the document written again), at `offset`: the part
 * of the document that holds it, recognised in `written`.
 */
export function describeDocumentRegion(written: Buffer, file: Buffer, offset: number): string {
  if (offset >= written.length) return 'its length (the file is longer or shorter)';
  const xref = written.lastIndexOf('\nxref\n', offset, 'latin1');
  const object = objectHolding(written, offset);
  if (object === null) return 'the file header';
  if (xref > object.start) return 'the cross-reference table or trailer';
  const body = written.toString('latin1', object.start, object.start + PEEK);
  const contents = /\/Type \/Page .*?\/Contents \[(\d+) 0 R (\d+) 0 R\]/s.exec(
    written.toString('latin1'),
  );
  if (contents !== null && object.number === Number(contents[2]))
    return valuesStreamPart(written, file, object.start);
  if (contents !== null && object.number === Number(contents[1]))
    return 'the printed form (its frames and labels)';
  if (body.includes('/Title ') && body.includes('/Producer '))
    return 'the document information (title, dates, seal text, page description)';
  if (body.includes('/Type /Sig'))
    return 'the signature dictionary (signer’s name, signing time, location)';
  if (body.includes('/Subtype /Widget')) return 'the signature field';
  if (body.includes('/Subtype /Form')) return 'the visible signature box';
  if (body.includes('/Type /Page ')) return 'the page’s description';
  if (body.includes('/Type /Catalog') || body.includes('/Type /Pages'))
    return 'the document’s structure';
  if (/\/Type \/(Font|FontDescriptor)\b|\/Length1 |\/CIDSystemInfo/.test(body))
    return 'the embedded fonts';
  return `the document’s structure (object ${String(object.number)})`;
}
