// The recovery key, shown once at vault creation: 35 random Crockford base32 symbols (175 bits)
// in groups of five, then a five-symbol check group, e.g. KPR-XXXXX-…-XXXXX-CCCCC. The check group
// lets a mistyped key be reported as mistyped at once, before any (slow) scrypt work, instead of
// as "wrong key". Input is forgiving the way Crockford intends: any case, spaces or dashes, O for
// 0 and I or L for 1.
import { createHash, randomBytes } from 'node:crypto';
import { AppFailure } from '../../app-failure';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'KPR';
const GROUP = 5;
const DATA_SYMBOLS = 35;
const CHECK_SYMBOLS = 5;
const FIELD = 'recoveryKey';

function checkGroup(data: string): string {
  const digest = createHash('sha256').update(`kpdesk-recovery/v1:${data}`).digest();
  // The first 25 bits of the digest, as five symbols.
  const bits = digest.readUInt32BE(0) >>> 7;
  let out = '';
  for (let i = CHECK_SYMBOLS - 1; i >= 0; i--) out += ALPHABET.charAt((bits >>> (i * 5)) & 31);
  return out;
}

function grouped(symbols: string): string {
  const groups = symbols.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? [];
  return [PREFIX, ...groups].join('-');
}

/** A new recovery key, formatted for display. */
export function generateRecoveryKey(): string {
  // 256 is a multiple of 32, so the low five bits of each random byte are uniform.
  const data = [...randomBytes(DATA_SYMBOLS)].map((byte) => ALPHABET.charAt(byte & 31)).join('');
  return grouped(data + checkGroup(data));
}

function invalid(message: string): AppFailure {
  return new AppFailure('INVALID_INPUT', message, { [FIELD]: message });
}

/**
 * The canonical secret (the 35 data symbols) of a typed recovery key, or INVALID_INPUT naming
 * what is wrong with it. The secret, not the display form, is what scrypt stretches.
 */
export function parseRecoveryKey(input: string): string {
  let symbols = input.toUpperCase().replace(/[\s\-_]/g, '');
  const expected = DATA_SYMBOLS + CHECK_SYMBOLS;
  if (symbols.length === expected + PREFIX.length && symbols.startsWith(PREFIX))
    symbols = symbols.slice(PREFIX.length);
  symbols = symbols.replace(/O/g, '0').replace(/[IL]/g, '1');
  const stray = /[^0-9A-HJKMNP-TV-Z]/.exec(symbols)?.[0];
  if (stray !== undefined)
    throw invalid(
      `The recovery key contains "${stray}", which is not used in recovery keys. Check it against the printed key.`,
    );
  if (symbols.length !== expected)
    throw invalid(
      `A recovery key has ${expected / GROUP} groups of ${GROUP} characters after "${PREFIX}-"; this one has ${symbols.length} characters.`,
    );
  const data = symbols.slice(0, DATA_SYMBOLS);
  if (symbols.slice(DATA_SYMBOLS) !== checkGroup(data))
    throw invalid(
      'The recovery key is mistyped: its last group does not match the others. Check each group against the printed key.',
    );
  return data;
}

/** The display form of a typed key (normalised), e.g. to show back what was understood. */
export function formatRecoveryKey(input: string): string {
  const data = parseRecoveryKey(input);
  return grouped(data + checkGroup(data));
}
