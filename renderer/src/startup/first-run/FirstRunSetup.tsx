// First-run setup, one step at a time, for someone who may do this once and then not open the app
// for a year: create the vault → write down and type back the recovery key → the licensee → the
// first administrator (signed in at once) → the signing identity → the first form numbers.
// The licensee is saved right after the administrator exists, because only a signed-in
// administrator may save it (main checks the role).
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import type { KpApi } from '../../../../shared/ipc/api';
import type { LicenseeProfile } from '../../../../shared/records/licensee-profile';
import type { VaultStatus } from '../../../../shared/records/record-outputs';
import { callApi } from '../../shell/call-api';
import { BusyNote } from '../../shell/form/BusyNote';
import { GateLayout } from '../GateLayout';
import type { AdministratorInput } from './AdministratorStep';
import { CreateVaultStep } from './CreateVaultStep';
import type { FirstRunStep } from './first-run-steps';
import { StepProgress } from './StepProgress';
import { useLaterSteps } from './use-later-steps';

const titles: Record<FirstRunStep, string> = {
  vault: 'Welcome to KP Desk: create your vault',
  recovery: 'Write down your recovery key',
  licensee: 'Who is the licensee?',
  administrator: 'Create the first administrator',
  identity: 'Signing identity',
  stock: 'Register your blank forms',
};

type Props = {
  api: KpApi;
  startAt: FirstRunStep;
  initialStatus: VaultStatus;
  /** Called once on mount: the shell keeps setup on screen through the status changes. */
  onStarted: () => void;
  onStatus: (status: VaultStatus) => void;
  onFinished: (status: VaultStatus) => void;
  /**
   * A recovery key the renderer still holds when setup resumes at 'recovery': the new key of a
   * re-encryption (Settings → Re-encrypt the vault), shown here once, as first run shows it.
   */
  recoveryKey?: string | null;
};

export function FirstRunSetup(props: Props) {
  const { api, startAt, initialStatus, onStarted, onStatus, onFinished } = props;
  const [step, setStep] = useState<FirstRunStep>(startAt);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(props.recoveryKey ?? null);
  const [licensee, setLicensee] = useState<LicenseeProfile | null>(null);
  const [status, setStatus] = useState<VaultStatus>(initialStatus);
  // Only "create the vault" is in the first chunk; the other steps come in their own.
  const later = useLaterSteps(step !== 'vault');

  useEffect(() => {
    onStarted();
    // Only on mount: later renders must not re-pin a step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const advance = (next: VaultStatus, to: FirstRunStep) => {
    setStatus(next);
    onStatus(next);
    setStep(to);
  };

  async function saveLicensee(profile: LicenseeProfile): Promise<AppError | null> {
    const saved = await callApi(() => api.licensee.save(profile));
    return saved.ok ? null : saved.error;
  }

  async function createAdministrator(admin: AdministratorInput): Promise<AppError | null> {
    const created = await callApi(() => api.users.createFirstAdministrator(admin));
    if (!created.ok) return created.error;
    setStatus(created.value);
    onStatus(created.value);
    if (licensee !== null) {
      const failure = await saveLicensee(licensee);
      // The administrator exists now; the profile is saved from its own step (signed in).
      if (failure !== null) {
        setStep('licensee');
        return failure;
      }
    }
    setStep('identity');
    return null;
  }

  const body = (() => {
    if (step === 'vault')
      return (
        <CreateVaultStep
          api={api}
          onCreated={(created) => {
            setRecoveryKey(created.recoveryKey);
            advance(created.status, 'recovery');
          }}
        />
      );
    if (later === 'loading') return <BusyNote label="Loading the next step" />;
    if (later === 'failed')
      return (
        <p className="notice" role="alert">
          KP Desk could not load the next step of the setup. Restart KP Desk to go on.
        </p>
      );
    const { RecoveryKeyStep, LicenseeStep, AdministratorStep, IdentityStep, StockStep } = later;
    switch (step) {
      case 'recovery':
        return (
          <RecoveryKeyStep
            api={api}
            recoveryKey={recoveryKey}
            onConfirmed={(next) => {
              setRecoveryKey(null);
              if (next.needsFirstAdministrator) advance(next, 'licensee');
              else onFinished(next);
            }}
          />
        );
      case 'licensee':
        return (
          <LicenseeStep
            initial={licensee}
            submitLabel={status.user ? 'Save and continue' : 'Continue'}
            onSubmit={async (profile) => {
              setLicensee(profile);
              if (status.user) {
                const failure = await saveLicensee(profile);
                if (failure === null) setStep('identity');
                return failure;
              }
              setStep('administrator');
              return null;
            }}
          />
        );
      case 'administrator':
        return <AdministratorStep onSubmit={createAdministrator} />;
      case 'identity':
        return (
          <IdentityStep
            api={api}
            onContinue={() => {
              setStep('stock');
            }}
          />
        );
      case 'stock':
        return (
          <StockStep
            api={api}
            onFinish={() => {
              void callApi(() => api.vault.status({})).then((answer) => {
                onFinished(answer.ok ? answer.value : status);
              });
            }}
          />
        );
    }
  })();

  return (
    <GateLayout title={titles[step]} wide>
      <StepProgress current={step} />
      {body}
    </GateLayout>
  );
}
