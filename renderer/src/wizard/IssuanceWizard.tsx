// The issuance wizard: one certificate, step by step, saved in the vault as it goes. This file
// guards the door (a reviewer only reads) and loads what the first step needs; WizardFrame.tsx
// runs the steps.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { ScreenProps } from '../navigation';
import { canWriteRecords } from '../shell/permissions';
import type { WizardLoad } from './load-wizard';
import { loadWizard } from './load-wizard';
import { WizardFrame } from './WizardFrame';
import './wizard.css';

type WizardProps = ScreenProps & { api: KpApi; draftId?: number };

export function IssuanceWizard(props: WizardProps) {
  if (!canWriteRecords(props.user.role)) {
    return (
      <section className="wizard-notice" aria-labelledby="wizard-title">
        <h1 id="wizard-title">New certificate</h1>
        <p>
          You are signed in as a reviewer, who can read every record but not prepare or issue
          certificates. Ask an operator or an administrator to issue it.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            props.navigate({ screen: 'records' });
          }}
        >
          Go to Records
        </button>
      </section>
    );
  }
  // A new draftId starts a fresh wizard rather than reusing another certificate's state.
  return <LoadedWizard key={props.draftId ?? 'new'} {...props} />;
}

function LoadedWizard(props: WizardProps) {
  const { api, draftId, navigate } = props;
  const [load, setLoad] = useState<WizardLoad | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void loadWizard(api, draftId).then((loaded) => {
      if (current) setLoad(loaded);
    });
    return () => {
      current = false;
    };
  }, [api, draftId, attempt]);
  const reload = () => {
    setLoad(null);
    setAttempt((n) => n + 1);
  };

  if (load === null) {
    return (
      <p className="wizard-notice" role="status">
        Opening the certificate…
      </p>
    );
  }
  switch (load.status) {
    case 'ready':
      return <WizardFrame api={api} start={load.start} navigate={navigate} />;
    case 'failed':
      return (
        <section className="wizard-notice" aria-labelledby="wizard-title">
          <h1 id="wizard-title">New certificate</h1>
          <p role="alert">{load.error.message}</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </section>
      );
    case 'no-licensee':
      return (
        <Notice
          text="Enter your licensee profile (legal name, address, TIN) in Settings first: it is the exporter on your certificates."
          action="Open Settings"
          onAction={() => {
            navigate({ screen: 'settings' });
          }}
        />
      );
    case 'no-stock':
      return (
        <Notice
          text="There is no blank form left in your stock. Register the numbered forms you bought from USKPA, then start the certificate."
          action="Open Stock"
          onAction={() => {
            navigate({ screen: 'stock' });
          }}
        />
      );
    case 'not-editable':
      return (
        <Notice
          text={`Certificate ${load.record.number} is ${load.record.state.toLowerCase()} and can no longer be prepared here. Its page in Records shows what can still be done.`}
          action="Open the certificate"
          onAction={() => {
            navigate({ screen: 'certificate', id: load.record.id });
          }}
        />
      );
  }
}

function Notice({
  text,
  action,
  onAction,
}: {
  text: string;
  action: string;
  onAction: () => void;
}) {
  return (
    <section className="wizard-notice" aria-labelledby="wizard-title">
      <h1 id="wizard-title">New certificate</h1>
      <p>{text}</p>
      <button type="button" className="button button--primary" onClick={onAction}>
        {action}
      </button>
    </section>
  );
}
