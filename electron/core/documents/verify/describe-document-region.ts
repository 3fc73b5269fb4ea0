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

/** Where the page's values end and the seal's QR code begins and ends, in the values stream. */
function valuesStreamPart(pdf: Buffer, start: number, offset: number): string {
  const qr = pdf.indexOf('q 0 0 0 rg ', start, 'latin1');
  const qrEnd = qr === -1 ? -1 : pdf.indexOf('f Q', qr, 'latin1');
  if (qr === -1 || offset < qr) return 'the values printed on the page';
  if (qrEnd === -1 || offset <= qrEnd + 3) return 'the seal’s QR code printed on the page';
  return 'the VOID stamp on the page';
}

export function describeDocumentRegion(pdf: Buffer, offset: number): string {
  if (offset >= pdf.length) return 'its length (the file is longer or shorter)';
  const xref = pdf.lastIndexOf('\nxref\n', offset, 'latin1');
  const object = objectHolding(pdf, offset);
  if (object === null) return 'the file header';
  if (xref > object.start) return 'the cross-reference table or trailer';
  const body = pdf.toString('latin1', object.start, object.start + PEEK);
  const contents = /\/Type \/Page .*?\/Contents \[(\d+) 0 R (\d+) 0 R\]/s.exec(
    pdf.toString('latin1'),
  );
  if (contents !== null && object.number === Number(contents[2]))
    return valuesStreamPart(pdf, object.start, offset);
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
