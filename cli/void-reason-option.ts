// --reason for `kpdesk void`: USKPA's list of void reasons (shared/reference, 31 CFR 592.313) is
// long to type, so a script may give a reason in any letter case or by the start of its words
// ("printer", "other"), as long as exactly one reason starts that way. Anything else is refused
// with the whole list, before the vault is opened.
import { voidReasons } from '../shared/reference/reference-data';
import { usageFailure } from './command-outcome';

export function resolveVoidReason(typed: string | undefined): string {
  const wanted = (typed ?? '').trim().toLowerCase();
  const list = voidReasons.map((reason) => `"${reason}"`).join(', ');
  if (wanted === '')
    throw usageFailure(`Give the reason with --reason, one of USKPA's list: ${list}.`, {
      '--reason': 'required',
    });
  const exact = voidReasons.find((reason) => reason.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const starts = voidReasons.filter((reason) => reason.toLowerCase().startsWith(wanted));
  const [only] = starts;
  if (starts.length === 1 && only !== undefined) return only;
  const message =
    starts.length > 1
      ? `"${typed ?? ''}" starts more than one void reason (${starts.join('; ')}); type more of it.`
      : `"${typed ?? ''}" is not a USKPA void reason. Use one of: ${list}.`;
  throw usageFailure(message, { '--reason': message });
}
