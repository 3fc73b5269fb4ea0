// "Remember on this computer" on the unlock screen (vault:rememberOnThisComputer and
// vault:forgetOnThisComputer): this computer's keychain keeps the vault key, and KP Desk opens the
// vault by itself when it starts. Of the two actions only the one that applies is offered (from
// VaultStatus.rememberedOnThisComputer). The choice is made with the passphrase just typed (the channel
// needs it as proof), right after it unlocked the vault; the outcome is said on the next screen.
// Where there is no keychain (the preview) or only a weak one, main refuses with KEY_UNAVAILABLE
// and a plain message, and nothing is stored.
import { useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import { CheckboxField } from '../shell/form/FormField';

type Props = {
  api: KpApi;
  /** Whether the key file already holds a keychain wrap (VaultStatus.rememberedOnThisComputer). */
  remembered: boolean;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled: boolean;
};

export function RememberOnThisComputer({
  api,
  remembered,
  checked,
  onCheckedChange,
  disabled,
}: Props) {
  // Only the action that applies is offered: remember (the checkbox) or stop remembering.
  const [isRemembered, setIsRemembered] = useState(remembered);
  const [forgetting, setForgetting] = useState(false);
  const [forgotten, setForgotten] = useState<string | null>(null);

  async function forget() {
    setForgetting(true);
    setForgotten(null);
    const answer = await callApi(() => api.vault.forgetOnThisComputer({}));
    setForgetting(false);
    if (answer.ok) setIsRemembered(false);
    setForgotten(
      answer.ok
        ? 'This computer no longer keeps the vault key: KP Desk will ask for the passphrase when it starts.'
        : answer.error.message,
    );
  }

  const outcome = (
    <p className="remember__outcome" role="status">
      {forgotten}
    </p>
  );
  if (isRemembered)
    return (
      <div className="remember">
        <p>
          This computer&apos;s keychain keeps the vault key: KP Desk opens the vault by itself when
          it starts, and anyone who can use this computer account can open it without the
          passphrase. Everyone still signs in with their own user name and password.
        </p>
        <button
          type="button"
          className="link-button"
          disabled={disabled || forgetting}
          onClick={() => void forget()}
        >
          Stop remembering the vault on this computer
        </button>
        {outcome}
      </div>
    );
  return (
    <div className="remember">
      <CheckboxField
        label="Remember on this computer"
        name="rememberOnThisComputer"
        checked={checked}
        disabled={disabled}
        onChange={(event) => {
          onCheckedChange(event.target.checked);
        }}
        hint={
          <>
            This computer&apos;s keychain keeps the vault key, and KP Desk opens the vault by itself
            when it starts. Anyone who can use this computer account can then open the vault without
            the passphrase: choose this only on an account that is yours alone. Everyone still signs
            in with their own user name and password.
          </>
        }
      />
      {outcome}
    </div>
  );
}

/**
 * After the passphrase unlocked the vault: store the key in the keychain, proved by the same
 * passphrase. Returns what to tell the user on the next screen; the vault is open either way.
 */
export async function rememberAfterUnlock(api: KpApi, passphrase: string): Promise<string> {
  const answer = await callApi(() => api.vault.rememberOnThisComputer({ passphrase }));
  if (!answer.ok)
    return `The vault is open, but it is not remembered on this computer: ${answer.error.message}`;
  const backend = answer.value.backend === null ? '' : ` (${answer.value.backend})`;
  return `This computer's keychain${backend} now keeps the vault key: KP Desk will open the vault by itself when it starts. Each person still signs in.`;
}
