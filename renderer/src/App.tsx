// The top of the renderer. The vault's status decides what shows: no vault → first-run setup;
// locked → unlock; open without a user → sign-in; open with a user → the signed-in frame. A call
// that finds the vault locked or the session gone (auto-lock) brings the matching screen back.
import { lazy, Suspense, useState } from 'react';
import type { KpApi } from '../../shared/ipc/api';
import type { VaultStatus } from '../../shared/records/record-outputs';
import { RekeyHandoffContext, REKEYED_NOTICE } from './settings/rekey-handoff';
import { useVaultSession } from './shell/use-vault-session';
import type { SessionState } from './shell/use-vault-session';
import { FirstRunSetup } from './startup/first-run/FirstRunSetup';
import type { FirstRunStep } from './startup/first-run/first-run-steps';
import { SignInScreen } from './startup/SignInScreen';
import { LoadingScreen, MissingBridgeScreen, StartupFailedScreen } from './startup/StartupScreens';
import { TemporaryVaultNotice } from './startup/TemporaryVaultNotice';
import { UnlockScreen } from './startup/UnlockScreen';
import { OpenPackageEntry } from './audit-package/OpenPackageEntry';
import { PackageBanner } from './audit-package/PackageBanner';
import { usePackageReading } from './audit-package/use-package-reading';
import { PackageContext } from './audit-package/package-context';
import { PackageAccessContext, packageAccess } from './audit-package/package-access';

// The signed-in frame (records, wizard, settings) is a chunk of its own: the first screen
// (unlock, sign-in or first-run setup) does not wait for its code (bench/ui-bench.ts).
const SignedInFrame = lazy(() =>
  import('./shell/SignedInFrame').then((module) => ({ default: module.SignedInFrame })),
);

type AppProps = {
  api: KpApi | undefined;
  /** The start-up calls, when main.tsx asked them before React started (askStartup). */
  startup?: Promise<SessionState> | undefined;
};

export function App({ api, startup }: AppProps) {
  if (api === undefined) return <MissingBridgeScreen />;
  return <ConnectedApp api={api} startup={startup} />;
}

/** Where first-run setup (re)starts for this status, or null when it is not needed. */
function setupStartFor(status: VaultStatus): FirstRunStep | null {
  if (status.vault === 'absent') return 'vault';
  if (status.vault !== 'open') return null;
  // Resumed after a restart half-way through setup; the recovery key itself is gone by now.
  if (!status.recoveryKeyConfirmed) return 'recovery';
  if (status.needsFirstAdministrator) return 'licensee';
  return null;
}

function ConnectedApp({
  api: rawApi,
  startup,
}: {
  api: KpApi;
  startup: Promise<SessionState> | undefined;
}) {
  const session = useVaultSession(rawApi, startup);
  // Once started, setup stays on screen through the status changes it causes, until it ends.
  const [setupFrom, setSetupFrom] = useState<FirstRunStep | null>(null);
  // What came of "Remember on this computer" at unlock, said on the sign-in screen that follows.
  const [remembered, setRemembered] = useState<string | null>(null);
  // The new recovery key of a re-encryption (Settings), held until it is typed back after the
  // unlock that the re-encryption requires (rekey-handoff.ts); never stored.
  const [rekeyedKey, setRekeyedKey] = useState<string | null>(null);
  const { state, api } = session;
  // An audit package being read (issue 14) stands in for the vault, with a banner on every screen.
  const reading = usePackageReading(api, state.phase === 'ready' ? state.status : null);

  if (state.phase === 'loading') return <LoadingScreen />;
  if (state.phase === 'failed')
    return <StartupFailedScreen error={state.error} onRetry={session.retry} />;

  const { status, info } = state;
  // Before sign-in, the preview says when its vault is in a temporary folder (issue 16).
  const notice = info.temporaryVault === true ? <TemporaryVaultNotice /> : null;
  const setupStep = setupFrom ?? setupStartFor(status);
  // Before any vault exists or with it locked, a reviewer may open an audit package instead; one
  // that the auto-lock closed is named there, with the offer to open it again (issue 14).
  const packageClosed = session.loss?.reason === 'package-closed' ? session.loss.message : null;
  const packageEntry =
    setupFrom === null && status.vault !== 'open' ? (
      <OpenPackageEntry
        api={api}
        closedNotice={packageClosed}
        onOpened={(next) => {
          session.clearLoss();
          session.setStatus(next);
        }}
      />
    ) : null;
  // The unlock screen's own notice is about this computer's vault, not a closed package.
  const lockNotice = packageClosed === null ? (session.loss?.message ?? null) : null;
  if (setupStep !== null)
    return (
      <>
        {notice}
        <FirstRunSetup
          api={api}
          startAt={setupStep}
          initialStatus={status}
          recoveryKey={setupStep === 'recovery' ? rekeyedKey : null}
          onStarted={() => {
            setSetupFrom(setupStep);
          }}
          onStatus={session.setStatus}
          onFinished={(finalStatus) => {
            setSetupFrom(null);
            setRekeyedKey(null);
            session.setStatus(finalStatus);
          }}
        />
        {packageEntry}
      </>
    );
  if (status.vault === 'locked')
    return (
      <>
        {notice}
        <UnlockScreen
          api={api}
          notice={rekeyedKey === null ? lockNotice : REKEYED_NOTICE}
          remembered={status.rememberedOnThisComputer}
          onUnlocked={(next, rememberedNotice) => {
            session.clearLoss();
            setRemembered(rememberedNotice);
            session.setStatus(next);
          }}
        />
        {packageEntry}
      </>
    );
  if (status.user === null)
    return (
      <>
        {notice}
        <SignInScreen
          api={api}
          notice={session.loss?.message ?? remembered}
          onSignedIn={(next) => {
            session.clearLoss();
            setRemembered(null);
            session.setStatus(next);
          }}
          onLocked={session.setStatus}
        />
      </>
    );
  return (
    <Suspense fallback={<LoadingScreen />}>
      <RekeyHandoffContext.Provider
        value={(recoveryKey, next) => {
          setRekeyedKey(recoveryKey);
          session.setStatus(next);
        }}
      >
        <PackageContext.Provider value={{ reading: reading !== null, onStatus: session.setStatus }}>
          <PackageAccessContext.Provider value={packageAccess(reading !== null)}>
            <SignedInFrame
              api={api}
              info={info}
              user={status.user}
              onStatus={session.setStatus}
              banner={
                reading ? (
                  <PackageBanner api={api} info={reading} onClosed={session.setStatus} />
                ) : undefined
              }
            />
          </PackageAccessContext.Provider>
        </PackageContext.Provider>
      </RekeyHandoffContext.Provider>
    </Suspense>
  );
}
