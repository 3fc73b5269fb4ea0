// The XMP metadata packet of a PDF/A-2b certificate: the document catalog's /Metadata stream
// (ISO 19005-2 §6.6.2.1: Type /Metadata, Subtype /XML, well-formed XMP in UTF-8, no "bytes" or
// "encoding" attribute in the packet header), identifying the file as ISO 19005 part 2,
// conformance level B with the pdfaid schema (§6.6.4). It restates the Info dictionary with the
// XMP properties that correspond to its entries (Title ↔ dc:title, Author ↔ dc:creator, Subject ↔
// dc:description, Keywords ↔ pdf:Keywords, Producer ↔ pdf:Producer, Creator ↔ xmp:CreatorTool,
// CreationDate ↔ xmp:CreateDate, ModDate ↔ xmp:ModifyDate): ISO 19005-1 §6.7.3 requires them to
// agree and validators of part 2 warn when they do not. Only schemas the XMP specification
// predefines are used, so no extension schema is needed (§6.6.2.3.1). Everything is a function of
// the document's metadata: the dates are the Info dates (the signing time for a signed
// certificate) and there is no random instance ID, so a verifier writes the same bytes again
// from the same inputs.

export type XmpFields = {
  title: string;
  /** dc:description, the Info /Subject. */
  subject: string;
  /** dc:creator, the Info /Author; omitted when absent. */
  author?: string;
  /** pdf:Keywords, the Info /Keywords string. */
  keywords: string;
  producer: string;
  creatorTool: string;
  /** xmp:CreateDate and xmp:ModifyDate (and MetadataDate): the Info's CreationDate/ModDate. */
  date: Date;
};

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** XML character data (XML 1.0 §2.4). The certificate's texts hold no control characters. */
const xml = (value: string): string => value.replace(/[&<>"]/g, (c) => escapes[c] ?? c);

/** XMP Date (ISO 8601 as XMP restricts it), to the second, UTC: the PDF date's instant. */
const xmpDate = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

const langAlt = (value: string): string =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt>`;

/** The packet's bytes (UTF-8; no "bytes" or "encoding" attribute in the header). */
export function xmpMetadata(fields: XmpFields): Buffer {
  const date = xmpDate(fields.date);
  const properties = [
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${langAlt(fields.title)}</dc:title>`,
    ...(fields.author === undefined
      ? []
      : [`<dc:creator><rdf:Seq><rdf:li>${xml(fields.author)}</rdf:li></rdf:Seq></dc:creator>`]),
    `<dc:description>${langAlt(fields.subject)}</dc:description>`,
    `<pdf:Keywords>${xml(fields.keywords)}</pdf:Keywords>`,
    `<pdf:Producer>${xml(fields.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xml(fields.creatorTool)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
  ];
  const packet =
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    '<rdf:Description rdf:about=""' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"' +
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"' +
    ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n' +
    `${properties.join('\n')}\n` +
    '</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n' +
    // A read-only packet: nothing edits a signed certificate's metadata in place.
    '<?xpacket end="r"?>';
  return Buffer.from(packet, 'utf8');
}
