// "Any part of a name, number or ITN" (issue 16, first day): the one SQL test shared by the app's
// records list (certificate-list-query.ts) and `kpdesk records --search`
// (records-search/search-certificates.ts), so the two find the same certificates.
//
// The text is compared with instr(), so "%" and "_" are plain characters, not LIKE wildcards.
// Letter case is ignored for A–Z only (SQLite's lower() folds ASCII); the parameter must be
// lower-cased the same way (foldForTextMatch).

/** The SQL condition: the text (parameter `@<param>`) occurs in the number, ITN or a party name. */
export function textMatchSql(param: string): string {
  const p = `@${param}`;
  return `(instr(lower(number), ${p}) > 0
      OR instr(lower(coalesce(itn, '')), ${p}) > 0
      OR instr(lower(exporter_name), ${p}) > 0
      OR instr(lower(consignee_name), ${p}) > 0)`;
}

/** The search text as the condition expects it: trimmed, A–Z lowered as SQLite's lower() does. */
export function foldForTextMatch(text: string): string {
  return text.trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
