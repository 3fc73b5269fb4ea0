// The issuance wizard: one certificate, step by step, saved in the vault as it goes. This file
// guards the door (a reviewer only reads) and loads what the first step needs; WizardFrame.tsx
// runs the steps. Every visit (each click on "New certificate", even inside the wizard) starts
// afresh: the draft being left is saved first (leave-draft.ts) and the new wizard says where it is.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { Route, ScreenProps } from '../navigation';
import { canWriteRecords } from '../shell/permissions';
import type { LeftDraft } from './leave-draft';
import { draftLeft } from './leave-draft';
import type { WizardLoad } from './load-wizard';
import { loadWizard } from './load-wizard';
import { WizardFrame } from './WizardFrame';
import './wizard.css';

type WizardProps = ScreenProps & {
  api: KpApi;
  draftId?: number;
  /** Issue 15: a new draft copied from this certificate's parties, goods and route. */
  copyFrom?: number;
  /** The route that opened the wizard: a new one (another click on "New certificate") restarts it. */
  route?: Route;
};

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
  return <VisitedWizard {...props} />;
}

function VisitedWizard(props: WizardProps) {
  // Each navigation to the wizard is a new route object: count them, so a click on "New
  // certificate" while a draft is open restarts the wizard instead of doing nothing (issue 16).
  const [visit, setVisit] = useState({ route: props.route, count: 0 });
  if (visit.route !== props.route) setVisit({ route: props.route, count: visit.count + 1 });
  // A new draftId or a new visit starts a fresh wizard rather than reusing another one's state.
  return (
    <LoadedWizard
      key={`${String(props.draftId ?? 'new')}:${String(props.copyFrom ?? '')}:${String(visit.count)}`}
      {...props}
    />
  );
}

function LoadedWizard(props: WizardProps) {
  const { api, draftId, copyFrom, navigate } = props;
  const [load, setLoad] = useState<WizardLoad | null>(null);
  const [left, setLeft] = useState<LeftDraft | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    // The draft just left is saved first, so this wizard never takes its blank form.
    void draftLeft()
      .then(async (leftDraft) => {
        if (current && leftDraft !== null) setLeft(leftDraft);
        return loadWizard(api, draftId, copyFrom);
      })
      .then((loaded) => {
        if (current) setLoad(loaded);
      });
    return () => {
      current = false;
    };
  }, [api, draftId, copyFrom, attempt]);
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
  const leftNote = left === null ? null : <LeftNote left={left} navigate={navigate} />;
  switch (load.status) {
    case 'ready':
      return (
        <>
          {leftNote}
          <WizardFrame api={api} start={load.start} navigate={navigate} />
        </>
      );
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
          before={leftNote}
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
  before = null,
}: {
  text: string;
  action: string;
  onAction: () => void;
  before?: ReactNode;
}) {
  return (
    <section className="wizard-notice" aria-labelledby="wizard-title">
      <h1 id="wizard-title">New certificate</h1>
      {before}
      <p>{text}</p>
      <button type="button" className="button button--primary" onClick={onAction}>
        {action}
      </button>
    </section>
  );
}

/** Where the draft just left is: kept in the vault, or not saved and why. */
function LeftNote({ left, navigate }: { left: LeftDraft; navigate: (to: Route) => void }) {
  if (left.status === 'failed')
    return (
      <p className="wizard__left wizard__left--failed" role="alert">
        Draft {left.number} was not saved when you left it: {left.error.message}
      </p>
    );
  return (
    <p className="wizard__left" role="status">
      Draft {left.number} is kept in the vault: open it from{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          navigate({ screen: 'records' });
        }}
      >
        Records
      </button>{' '}
      to go on with it.
    </p>
  );
}
