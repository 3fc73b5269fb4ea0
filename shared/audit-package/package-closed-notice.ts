// What a reviewer is told when an audit package they were reading was closed because nobody used
// it for a while (issue 14, part 4; docs/audit-package.md, "Auto-lock"). The package is the
// licensee's whole record: like the vault, it closes after this computer's auto-lock time, and
// closing deletes its temporary read-only copy, so reading again means opening the file again
// with its passphrase. The core says it in the VAULT_LOCKED answer that follows, the renderer
// when it notices the package gone; both use these words.

/** The `fields` key of that VAULT_LOCKED answer: the package file's name. */
export const CLOSED_PACKAGE_FIELD = 'auditPackage';

export function packageClosedText(file: string, minutes: number | null): string {
  const after =
    minutes === null
      ? 'after a time without use'
      : `after ${String(minutes)} minute${minutes === 1 ? '' : 's'} without use`;
  return `The audit package ${file} was closed ${after}, and its temporary copy was deleted from this computer. Open it again with its passphrase to go on reading.`;
}
