// The vault is locked (at start, or after auto-lock): unlock it with the passphrase, or with the
// recovery key when the passphrase is lost. Both are checked in main (scrypt, about a second).
// A secondary action restores the vault from a backup file (RestoreBackupForm).
import { lazy, Suspense, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { FormAlert } from '../shell/form/FormAlert';
import { keyErrorAtField, missingSecret, vaultSecretInput } from '../shell/form/vault-secret';
import type { VaultSecretMode } from '../shell/form/vault-secret';
import { SecretModeSwitch, VaultSecretField } from '../shell/form/VaultSecretField';
import { GateLayout } from './GateLayout';
import { RememberOnThisComputer, rememberAfterUnlock } from './RememberOnThisComputer';

// Restoring is rare: its form (and its progress polling) loads when asked for, not with the first
// screen (bench/ui-bench.ts).
const RestoreBackupForm = lazy(() =>
  import('./RestoreBackupForm').then((module) => ({ default: module.RestoreBackupForm })),
);

type Props = {
  api: KpApi;
  notice: string | null;
  /** VaultStatus.rememberedOnThisComputer: offer "Stop remembering" instead of remembering. */
  remembered: boolean;
  /** `remembered`: what came of "Remember on this computer", for the next screen; null if unasked. */
  onUnlocked: (status: VaultStatus, remembered: string | null) => void;
};

export function UnlockScreen({ api, notice, remembered, onUnlocked }: Props) {
  const [mode, setMode] = useState<VaultSecretMode>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<string | null>(null);
  const [remember, setRemember] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (secret.trim() === '') {
      const label = mode === 'passphrase' ? 'passphrase' : 'recovery key';
      setError(missingSecret(mode, `Enter the ${label}.`));
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.vault.unlock(vaultSecretInput(mode, secret)));
    // Remembered only once the passphrase has opened the vault; the vault stays open either way.
    const remembered =
      answer.ok && mode === 'passphrase' && remember
        ? await rememberAfterUnlock(api, secret)
        : null;
    setBusy(false);
    if (answer.ok) onUnlocked(answer.value, remembered);
    else setError(keyErrorAtField(answer.error, mode));
  }

  return (
    <GateLayout
      title="Unlock the vault"
      intro={
        <p>
          Your certificates and records are kept encrypted on this computer. Enter the vault
          passphrase to open them.
        </p>
      }
    >
      {notice === null ? null : (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p className="notice" role="status" hidden={restored === null}>
        {restored}
      </p>
      {restoring ? (
        <Suspense fallback={<BusyNote label="Opening the restore form" />}>
          <RestoreBackupForm
            api={api}
            onDone={(message) => {
              setRestoring(false);
              setRestored(message);
            }}
          />
        </Suspense>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label="Unlock the vault">
          <VaultSecretField
            mode={mode}
            value={secret}
            onValueChange={setSecret}
            error={error}
            passphrase={{ label: 'Vault passphrase', autoComplete: 'current-password' }}
            recoveryKeyHint="The key you printed or wrote down when the vault was created, starting with KPR-. Case, spaces and dashes do not matter."
          />
          {mode === 'passphrase' ? (
            <RememberOnThisComputer
              api={api}
              remembered={remembered}
              checked={remember}
              onCheckedChange={setRemember}
              disabled={busy}
            />
          ) : null}

          <FormAlert error={error} />
          {busy ? <BusyNote label="Checking the key" /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Unlock
            </button>
            <SecretModeSwitch
              mode={mode}
              toRecoveryKey="I lost the passphrase: use the recovery key"
              onSwitch={(next) => {
                setMode(next);
                setSecret('');
                setError(null);
              }}
            />
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => {
                setRestoring(true);
                setRestored(null);
                setError(null);
              }}
            >
              Restore from a backup
            </button>
          </div>
        </form>
      )}
    </GateLayout>
  );
}
