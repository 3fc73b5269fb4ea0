// Guidance while the passphrase is typed. Main enforces the one hard rule (at least 12
// characters, counted as the user sees them); this adds a rough strength estimate with advice a
// once-a-year user can act on. It never stores or sends the passphrase anywhere.
export const MIN_PASSPHRASE_CHARACTERS = 12;

export type PassphraseStrength = {
  level: 'too-short' | 'weak' | 'fair' | 'strong';
  label: string;
  advice: string;
};

// Made once, on the first text that needs it: building a segmenter loads the break rules, tens of
// milliseconds the first time, which the first screen (an empty passphrase) must not wait for.
let graphemes: Intl.Segmenter | null = null;

function characterCount(text: string): number {
  // Printable ASCII is one character per code unit; only other text needs the segmenter.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...graphemes.segment(text.normalize('NFC'))].length;
}

function looksRepetitive(text: string): boolean {
  const distinct = new Set(text.toLowerCase()).size;
  return distinct <= Math.max(3, Math.floor(text.length / 4));
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const count = characterCount(passphrase);
  if (count < MIN_PASSPHRASE_CHARACTERS)
    return {
      level: 'too-short',
      label: `Too short: ${String(count)} of at least ${String(MIN_PASSPHRASE_CHARACTERS)} characters`,
      advice: 'A short sentence of four or more unrelated words is strong and easy to remember.',
    };
  const words = passphrase.trim().split(/\s+/).length;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9\s]/].filter((re) =>
    re.test(passphrase),
  ).length;
  if (looksRepetitive(passphrase))
    return {
      level: 'weak',
      label: 'Weak: too many repeated characters',
      advice: 'Avoid repeats and keyboard runs; use unrelated words instead.',
    };
  if (count >= 20 || (count >= 16 && (words >= 4 || classes >= 3)))
    return {
      level: 'strong',
      label: 'Strong',
      advice: 'Write it down and keep it with the recovery key in a safe place.',
    };
  return {
    level: 'fair',
    label: 'Fair',
    advice: 'Longer is stronger: add another word or two (20 characters or more is strong).',
  };
}
