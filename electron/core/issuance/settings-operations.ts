// settings:save: administrators change the vault's settings; the change is audited like any
// record. The new values apply at once: the rules read them at the next check, the gateway's
// auto-lock at the next call.
import type { VaultSettings } from '../../../shared/records/vault-settings';
import { VaultSettingsSchema } from '../../../shared/records/vault-settings';
import { parseInput } from '../vault/repositories/parse-input';
import {
  EXPIRY_MODE_SETTING,
  PRICE_RANGES_SETTING,
  TSA_URL_SETTING,
} from '../vault/repositories/settings-repository';
import { ADMINISTRATORS, authorize } from './actor';
import type { IssuanceContext } from './issuance-context';

export function saveSettings(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): VaultSettings {
  const user = authorize(context.repos.users, actor, ADMINISTRATORS, 'change the settings');
  const settings = parseInput(VaultSettingsSchema, input);
  context.repos.settings.save(settings, user.id);
  context.audit.append({
    userId: user.id,
    action: 'settings.save',
    entityType: 'vault_settings',
    entityId: 1,
  });
  context.audit.append({
    userId: user.id,
    action: 'settings.save',
    entityType: 'setting',
    entityId: TSA_URL_SETTING,
  });
  context.audit.append({
    userId: user.id,
    action: 'settings.save',
    entityType: 'setting',
    entityId: EXPIRY_MODE_SETTING,
  });
  context.audit.append({
    userId: user.id,
    action: 'settings.save',
    entityType: 'setting',
    entityId: PRICE_RANGES_SETTING,
  });
  return settings;
}
