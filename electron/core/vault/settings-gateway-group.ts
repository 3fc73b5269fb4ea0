// The vault gateway's `settings` group: the vault's settings as the app shows them
// (settings-view.ts), the rule limits alone, and saving them as the signed-in user.
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import type { AsUser } from './gateway-calls';
import { settingsView } from './settings-view';
import type { SettingsBase } from './settings-view';
import type { VaultServices } from './vault-services';

export type SettingsGatewayOptions = {
  asUser: AsUser;
  settingsBase: SettingsBase;
  /** The gateway's idle check: an idle vault locks itself before anything is read. */
  lockIfIdle: () => void;
  /** The open vault's services, or null while it is locked. */
  openServices: () => VaultServices | null;
  /** The signed-in user's services (throws VAULT_LOCKED or AUTH_FAILED otherwise). */
  signedIn: () => { services: VaultServices };
  /** A saved auto-lock setting takes effect at once. */
  onAutoLockMinutes: (minutes: number) => void;
};

export function settingsGatewayGroup(options: SettingsGatewayOptions) {
  const { asUser, settingsBase, lockIfIdle } = options;
  return {
    /** Answers while locked too (the defaults, read from no vault); once open, only to a
     * signed-in user (the TSA address, calibration and retention are the vault's). */
    get: () => {
      lockIfIdle();
      if (options.openServices() === null) return settingsView(null, settingsBase);
      return settingsView(options.signedIn().services, settingsBase);
    },
    /** The rule limits alone (expiry days), for certificates:validate at any time: they
     * describe no record, and the rules run on the caller's own input. */
    rules: (): ValidationSettings => {
      lockIfIdle();
      return settingsView(options.openServices(), settingsBase).validation;
    },
    save: asUser((s, actor, input) => {
      s.issuance.saveSettings(actor, input);
      const view = settingsView(s, settingsBase);
      options.onAutoLockMinutes(view.autoLockMinutes);
      return view;
    }),
  };
}
