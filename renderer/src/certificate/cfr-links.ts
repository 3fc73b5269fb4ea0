// Turns a finding's source ("31 CFR 592.307(c); 592.313 (voided certificates)") into text with
// links to the eCFR, so a licensee can read the rule itself. Only CFR citations become links;
// everything else (USKPA, Census 2019, an executive order) stays plain text. A bare section after
// a CFR citation ("; 592.313") belongs to the same title. Links go to www.ecfr.gov only, over
// https; Electron's window-open handler sends such links to the OS browser.

export type SourcePart = { text: string; href?: string };

const ECFR = 'https://www.ecfr.gov/current';
// "31 CFR 592.307(b)(1)", "15 CFR 30.4", "31 CFR 587" (a whole part), or a bare "592.313".
const CITATION = /\b(?:(\d{1,2}) CFR )?(\d{1,4})(?:\.(\d{1,4}))?((?:\([a-z0-9]{1,4}\))*)/g;

function ecfrUrl(title: string, part: string, section: string | undefined, paragraphs: string) {
  if (section === undefined) return `${ECFR}/title-${title}/part-${part}`;
  const id = `${part}.${section}`;
  // eCFR anchors a paragraph as "#p-592.307(b)".
  const anchor = paragraphs === '' ? '' : `#p-${id}${paragraphs}`;
  return `${ECFR}/title-${title}/section-${id}${anchor}`;
}

export function sourceParts(source: string): SourcePart[] {
  const parts: SourcePart[] = [];
  let title: string | undefined;
  let plainStart = 0;
  for (const match of source.matchAll(CITATION)) {
    const [whole, ownTitle, part = '', section, paragraphs = ''] = match;
    // A bare number is a citation only when a CFR title came before it and it names a section;
    // "Census 2019" or "60 days" are not.
    if (ownTitle === undefined && (title === undefined || section === undefined)) continue;
    title = ownTitle ?? title;
    if (title === undefined) continue;
    if (match.index > plainStart) parts.push({ text: source.slice(plainStart, match.index) });
    parts.push({ text: whole, href: ecfrUrl(title, part, section, paragraphs) });
    plainStart = match.index + whole.length;
  }
  if (plainStart < source.length) parts.push({ text: source.slice(plainStart) });
  return parts;
}
