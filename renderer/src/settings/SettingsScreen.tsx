// Settings: the licensee, the people and their roles, the vault passphrase, and (as their
// channels land) the signing identity, the rule settings, printing, whether this computer remembers
// the vault key, the record check (every role) and backups. What a role may not change is shown
// read-only (permissions.ts).
import type { KpApi } from '../../../shared/ipc/api';
import type { ScreenProps } from '../navigation';
import { canChangeSettings, canManageKeys, canManageUsers, isReadOnly } from '../shell/permissions';
import { AuditHeadPanel } from './AuditHeadPanel';
import { AuditVerifyPanel } from './AuditVerifyPanel';
import { BackupPanel } from './BackupPanel';
import { LicenseeSection } from './LicenseeSection';
import { IdentitySection } from './IdentitySection';
import { PassphraseSection } from './PassphraseSection';
import { RecipientsSection } from './RecipientsSection';
import { RecoveryKeySection } from './RecoveryKeySection';
import { RekeySection } from './RekeySection';
import { SigningKeysSection } from './SigningKeysSection';
import { ThisComputerSection } from './ThisComputerSection';
import { PrinterPreferencesSection } from './PrinterPreferencesSection';
import { TrustedCertificatesSection } from './TrustedCertificatesSection';
import { VaultSettingsSection } from './VaultSettingsSection';
import { PriceRangesSection } from './PriceRangesSection';
import { UsersSection } from './UsersSection';
import { OpenPackageSection } from '../audit-package/OpenPackageSection';
import { usePackageAccess } from '../audit-package/package-access';
import { ReadOnlyPackageNote } from '../audit-package/ReadOnlyPackageNote';

type Props = ScreenProps & { api: KpApi; onLicenseeSaved: () => void };

export function SettingsScreen({ api, user, onLicenseeSaved }: Props) {
  const role = user.role;
  const access = usePackageAccess();
  // Sections of this computer's own vault and keys, which a package does not carry (the signing
  // keys' state, the submission channels' settings: withheld) or which concern this computer
  // (remembering its vault key): the core answers none of them while a package is read.
  const shows = (channel: Parameters<typeof access.refusal>[0]): boolean =>
    access.refusal(channel) === null;
  return (
    <div className="screen-page">
      <div className="screen-page__head">
        <h1>Settings</h1>
        {access.reading ? (
          <ReadOnlyPackageNote
            id="settings-package-note"
            reason={access.refusal('settings:save') ?? ''}
            instead="these are the licensee's settings as the package holds them. This computer's signing keys, submission channels and remembered key are not part of it and are not shown."
          />
        ) : isReadOnly(role) ? (
          <p className="notice">
            Your role is read-only: you can see every setting but not change it.
          </p>
        ) : null}
      </div>
      <LicenseeSection api={api} editable={canChangeSettings(role)} onSaved={onLicenseeSaved} />
      <UsersSection api={api} manage={canManageUsers(role)} />
      <IdentitySection api={api} manage={canManageKeys(role)} />
      {shows('identity:signingKeys') ? (
        <SigningKeysSection api={api} manage={canManageKeys(role)} />
      ) : null}
      <TrustedCertificatesSection api={api} manage={canManageKeys(role)} />
      <VaultSettingsSection api={api} editable={canChangeSettings(role)} />
      <PriceRangesSection api={api} editable={canChangeSettings(role)} />
      {canManageKeys(role) ? <PassphraseSection api={api} /> : null}
      {canManageKeys(role) ? <RecoveryKeySection api={api} /> : null}
      {canManageKeys(role) ? <RekeySection api={api} /> : null}
      {shows('vault:rememberOnThisComputer') ? <ThisComputerSection api={api} /> : null}
      <PrinterPreferencesSection api={api} />
      <OpenPackageSection api={api} />
      <AuditVerifyPanel api={api} />
      {canManageKeys(role) ? <AuditHeadPanel api={api} /> : null}
      <BackupPanel api={api} />
      {shows('submissions:recipients') ? (
        <RecipientsSection api={api} manage={canManageKeys(role)} />
      ) : null}
    </div>
  );
}
