// A new vault passphrase, typed twice, with its strength shown as it is typed (first-run setup
// and Settings → Vault passphrase). Main enforces the one hard rule (at least 12 characters);
// newPassphraseProblems is the same check before asking main, with the words both forms use.
import type { AppError } from '../../../../shared/errors';
import { passphraseStrength } from '../../startup/first-run/passphrase-strength';
import { fieldError } from './field-errors';
import { RepeatedSecretFields } from './RepeatedSecretFields';
import type { SecretEntry } from './RepeatedSecretFields';

type Props = { passphrase: SecretEntry; repeat: SecretEntry; error?: AppError | null };

const ADVICE = 'A sentence of four or more unrelated words is strong and easy to remember.';

export function NewPassphraseFields({ passphrase, repeat, error }: Props) {
  const strength = passphraseStrength(passphrase.value);
  // Said once: when the field shows its error (the rule), the hint no longer repeats the rule or
  // the live strength, and a too-short strength does not repeat the hint's advice (issue 16: the
  // passphrase error appeared three times).
  const refused = fieldError(error, passphrase.name) !== undefined;
  const live =
    passphrase.value === ''
      ? ''
      : strength.level === 'too-short'
        ? `${strength.label}.`
        : `${strength.label}. ${strength.advice}`;
  const hint = refused ? (
    <>
      {ADVICE} <span className="strength" data-testid="strength" />
    </>
  ) : (
    <>
      At least 12 characters. {ADVICE}{' '}
      <span className={`strength strength--${strength.level}`} data-testid="strength">
        {live}
      </span>
    </>
  );
  return (
    <RepeatedSecretFields secret={{ ...passphrase, hint }} repeat={repeat} error={error ?? null} />
  );
}

/** What keeps a new passphrase from being used, at the fields' names: too short, or typed twice
 * differently. */
export function newPassphraseProblems({ passphrase, repeat }: Props): Record<string, string> {
  const problems: Record<string, string> = {};
  if (passphraseStrength(passphrase.value).level === 'too-short')
    problems[passphrase.name] = 'Use at least 12 characters (the vault rule).';
  if (repeat.value !== passphrase.value)
    problems[repeat.name] = 'The two passphrases differ. Type the same passphrase twice.';
  return problems;
}
