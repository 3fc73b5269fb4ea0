// The one rule for text a person types into KP Desk (names, addresses, notes, reasons, labels):
// every schema where such text enters builds its string through personText, so the rule is the
// same in the renderer, main, the CLI and the vault. Text that reads one way and prints or sorts
// another has no place on a KP certificate or in a 10-year record (issue 13: a consignee named
// with U+202E RIGHT-TO-LEFT OVERRIDE was stored, issued, and then could not be printed; a lone
// surrogate in a signer's name was an internal error). Refused, naming the field and the
// character: C0 and C1 control characters (a multi-line field keeps its line breaks and tabs);
// direction controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+200E/F,
// U+061C marks); line and paragraph separators (U+2028, U+2029); noncharacters; half of a
// surrogate pair (ill-formed UTF-16); text made only of invisible characters; and, in a name,
// any invisible or formatting character (zero-width space and joiners, soft hyphen, BOM,
// variation selectors...), which would let two names that look the same differ. Accepted text
// is normalised to NFC, so "é" typed as e + U+0301 and as U+00E9 is one and the same name.
import { z } from 'zod';

/**
 * name: one line, nothing invisible inside (a person's or company's name, a signer, a label, or
 *   a code such as a certificate number, a date or an HS code);
 * line: one line of free text (a description, a seal or invoice number);
 * lines: free text on several lines (an address, notes, a reason).
 */
export type TextKind = 'name' | 'line' | 'lines';

type Forbidden = { pattern: RegExp; what: string };

// Order matters: the first match names the problem, so the most specific come first.
const LONE_SURROGATE = /\p{Cs}/u;
const DIRECTION_CONTROL = /\p{Bidi_Control}/u;
const SEPARATOR = /[\u2028\u2029]/u;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
/** C0 and C1 controls: U+0000–U+001F and U+007F–U+009F (Unicode's Cc). */
const CONTROL_ONE_LINE = /\p{Cc}/u;
/** The same, but for tab, line feed and carriage return (a multi-line field's breaks). */
const CONTROL_LINES = /(?![\t\n\r])\p{Cc}/u;
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;
const VISIBLE = /[^\s\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/u;

const forbiddenFor: Record<TextKind, readonly Forbidden[]> = {
  name: [
    { pattern: CONTROL_ONE_LINE, what: 'a control character (such as a line break, tab or bell)' },
    { pattern: INVISIBLE, what: 'an invisible character (such as a zero-width space or joiner)' },
  ],
  line: [
    { pattern: CONTROL_ONE_LINE, what: 'a control character (such as a line break, tab or bell)' },
  ],
  lines: [{ pattern: CONTROL_LINES, what: 'a control character (such as a bell or escape)' }],
};

const always: readonly Forbidden[] = [
  { pattern: LONE_SURROGATE, what: 'half of a character (an unpaired UTF-16 surrogate)' },
  {
    pattern: DIRECTION_CONTROL,
    what: 'a text-direction control (such as a right-to-left override), which makes text print differently from how it reads',
  },
  { pattern: SEPARATOR, what: 'a line or paragraph separator that is not an ordinary line break' },
  { pattern: NONCHARACTER, what: 'a character that Unicode reserves as a non-character' },
];

/** "U+202E": the code point at the start of `text` (a lone surrogate is its own code unit). */
function codePointName(text: string): string {
  const code = text.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What is wrong with `value` for a field of this kind, in a licensee's words naming the field
 * and the character, or null when it is acceptable. `label` is the field as the form names it.
 */
export function personTextProblem(value: string, kind: TextKind, label: string): string | null {
  for (const { pattern, what } of [...always, ...forbiddenFor[kind]]) {
    const found = pattern.exec(value);
    if (found !== null)
      return `The ${label} contains ${what} (${codePointName(found[0])} at character ${String(found.index + 1)}). Remove it and type the text again.`;
  }
  if (value.trim() !== '' && !VISIBLE.test(value))
    return `The ${label} contains only invisible characters. Type the text, or leave it empty.`;
  return null;
}

/**
 * A string schema for text a person types: refused as personTextProblem says (the first issue
 * stops the checks after it, so a refusal says one thing), then NFC-normalised. Chain .trim(),
 * .min() and .max() after it as for any z.string(); they see the normalised text.
 */
export function personText(kind: TextKind, label: string): z.ZodString {
  return z
    .string()
    .superRefine((value, context) => {
      const problem = personTextProblem(value, kind, label);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem, continue: false });
    })
    .normalize('NFC');
}
