// "Open an audit package…" (issue 14, part 3): a reviewer opens a package a licensee exported,
// on the first screen (before any vault exists, or with this computer's vault locked) or from
// Settings. The file and the licensee's certificate to trust come from main's open dialogs; the
// passphrase is the package's own. Every check runs before anything opens (docs/audit-package.md):
// a package that fails one is refused, and the message names the part (a chunk, the signature,
// an entry, the audit chain). Without a certificate to trust, the package still opens, and the
// banner says honestly who signed it and that their certificate is not trusted here.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { OpenPackageInfo } from '../../../shared/ipc/audit-package-reading-contract';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { CheckboxField, TextField } from '../shell/form/FormField';
import { TaskProgressBar } from '../shell/form/TaskProgressBar';
import { useTaskProgress } from '../shell/use-task-progress';

type Props = {
  api: KpApi;
  /** Said before opening from Settings: this computer's vault is locked first. */
  locksVault?: boolean;
  onOpened: (info: OpenPackageInfo) => void;
};

export function OpenAuditPackage({ api, locksVault, onOpened }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [chooseTrust, setChooseTrust] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const progress = useTaskProgress(api, busy);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (passphrase === '') {
      setError({
        code: 'INVALID_INPUT',
        message: 'Enter the package passphrase the licensee gave you.',
        fields: { packagePassphrase: 'Enter the package passphrase.' },
      });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.auditPackage.open({ passphrase, chooseTrust }));
    setBusy(false);
    if (!answer.ok) {
      setError(
        answer.error.code === 'AUDIT_PACKAGE_PASSPHRASE_WRONG'
          ? {
              ...answer.error,
              fields: { packagePassphrase: 'Not the passphrase of this package.' },
            }
          : answer.error,
      );
      return;
    }
    if (answer.value.cancelled) return;
    setPassphrase('');
    onOpened(answer.value.package);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Open an audit package">
      <p>
        A package a licensee exported for a review opens here read-only: its records, signed PDFs,
        stock, statistics and audit log can be seen and reviewed; nothing in it can be changed.
        {locksVault ? ' This computer’s vault is locked while the package is open.' : ''}
      </p>
      <TextField
        label="Package passphrase"
        name="packagePassphrase"
        type="password"
        autoComplete="off"
        value={passphrase}
        hint="The passphrase of the package (not a vault passphrase), given to you separately."
        error={fieldError(error, 'packagePassphrase')}
        onChange={(event) => {
          setPassphrase(event.target.value);
        }}
      />
      <CheckboxField
        label="Choose the licensee’s certificate to trust"
        name="chooseTrust"
        checked={chooseTrust}
        hint="The signing certificate the licensee gave you. Without it, the package opens and says who signed it, but not that the signature is one you trust."
        onChange={(event) => {
          setChooseTrust(event.target.checked);
        }}
      />
      <button type="submit" className="button" disabled={busy}>
        Choose the package file…
      </button>
      {busy ? <TaskProgressBar label="Checking the audit package" progress={progress} /> : null}
      <FormAlert error={error} />
    </form>
  );
}
