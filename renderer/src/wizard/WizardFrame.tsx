// Runs the steps of one certificate: the step list, the current step inside one form (Enter or
// "Save and continue" saves the draft, then moves on only when the step has no error), focus on
// the step's heading after each move, and one alert and one status region for announcements.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { CertificateField } from '../../../shared/domain/certificate-draft';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import type { KpApi } from '../../../shared/ipc/api';
import type { TextField as TextFieldName } from '../certificate/draft-fields';
import { textValue, withTextValue } from '../certificate/draft-fields';
import type { Route } from '../navigation';
import type { LeftDraft } from './leave-draft';
import { leaveDraft } from './leave-draft';
import type { WizardStart } from './load-wizard';
import { localToday } from './load-wizard';
import { StepBody } from './StepBody';
import type { StepKit } from './step-kit';
import { StepNav } from './StepNav';
import { isEditable, useWizardRecord } from './use-wizard-record';
import type { PackagingEntry, Problems, WarrantyEntry } from './wizard-extras';
import {
  extrasForDraft,
  hasNoProblems,
  packagingProblems,
  recordedExtras,
  warrantyProblems,
} from './wizard-extras';
import type { StepFacts, StepId } from './wizard-steps';
import { firstIncompleteStep, stepErrors, stepIds, stepOfField, stepTitles } from './wizard-steps';
import type { Readiness } from './ReviewStep';
import type { AesPlan } from './AesStep';
import { fillDraftFromTemplate } from '../../../shared/templates/fill-draft';
import { TemplateActions } from '../templates/TemplateActions';
import { filledFields } from '../templates/filled-fields';

type FrameProps = { api: KpApi; start: WizardStart; navigate: (to: Route) => void };

const AUTOSAVE_MS = 1500;

export function WizardFrame({ api, start, navigate }: FrameProps) {
  const wizard = useWizardRecord(api, {
    record: start.record,
    draft: start.draft,
    extras: extrasForDraft(start.packaging, start.warranty),
  });
  const { draft, setDraft, record } = wizard;
  const licensee = useMemo(
    () => ({ name: start.licensee.legalName, isCommonCarrier: start.licensee.isCommonCarrier }),
    [start.licensee],
  );
  // Against today's date too: an expired certificate must not be issued (31 CFR 592.307(e)).
  const report = useMemo(
    () =>
      validateCertificate(draft, {
        settings: start.settings,
        purpose: 'issue',
        licensee,
        today: localToday(),
      }),
    [draft, start.settings, licensee],
  );
  const [packaging, setPackaging] = useState<PackagingEntry>(start.packaging);
  const [warranty, setWarranty] = useState<WarrantyEntry>(start.warranty);
  const extras = useMemo(() => extrasForDraft(packaging, warranty), [packaging, warranty]);
  const [aesPlan, setAesPlan] = useState<AesPlan>({ mode: '', departureTime: '' });

  const recorded = recordedExtras(record);
  const extraProblems: Partial<Record<StepId, Problems>> = {
    packaging: recorded.packagingDone ? {} : packagingProblems(packaging, draft),
    warranty: recorded.warrantyDone ? {} : warrantyProblems(warranty),
  };
  const facts: StepFacts = {
    findings: report.findings,
    packagingDone: hasNoProblems(extraProblems.packaging ?? {}),
    warrantyDone: hasNoProblems(extraProblems.warranty ?? {}),
    itnRecorded: record !== null && record.state !== 'DRAFT',
    issued: record !== null && !isEditable(record),
  };
  const resumeAt = firstIncompleteStep(facts);

  const [step, setStep] = useState<StepId>(resumeAt);
  // A resumed draft shows the findings of the steps already behind it at once.
  const [attempted, setAttempted] = useState<ReadonlySet<StepId>>(
    () => new Set(stepIds.slice(0, stepIds.indexOf(resumeAt))),
  );
  const [touched, setTouched] = useState<ReadonlySet<CertificateField>>(() => new Set());
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  // After a move, the cursor goes to the step's heading, or to the field a finding pointed at.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const target =
      pendingFocus.current === null ? null : document.getElementById(pendingFocus.current);
    pendingFocus.current = null;
    (target ?? headingRef.current)?.focus();
  }, [step]);

  // Autosave: a pause in typing saves a draft that already exists in the vault, with its
  // packaging and warranty entries as typed.
  const { save } = wizard;
  useEffect(() => {
    if (record === null || !isEditable(record)) return;
    const timer = setTimeout(() => {
      void save(draft, start.number, extras);
    }, AUTOSAVE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, extras, record, save, start.number]);

  // Leaving the wizard (another screen, or "New certificate") saves the draft as typed: the
  // autosave above would be cancelled with the pause it waits for. A new certificate nothing was
  // typed into is not created (leave-draft.ts; issue 16).
  const leaving = useRef({ draft, extras, record });
  useEffect(() => {
    leaving.current = { draft, extras, record };
  }, [draft, extras, record]);
  useEffect(() => {
    const untouched = JSON.stringify({
      draft: start.draft,
      extras: extrasForDraft(start.packaging, start.warranty),
    });
    return () => {
      const last = leaving.current;
      if (!isEditable(last.record)) return;
      if (
        last.record === null &&
        JSON.stringify({ draft: last.draft, extras: last.extras }) === untouched
      )
        return;
      const number = last.record?.number ?? start.number;
      leaveDraft(
        save(last.draft, start.number, last.extras).then((result): LeftDraft | null =>
          result === null
            ? last.record === null
              ? null
              : { status: 'saved', number }
            : result.ok
              ? { status: 'saved', number: result.value.number }
              : { status: 'failed', number, error: result.error },
        ),
      );
    };
  }, [save, start]);

  const touch = useCallback((field: CertificateField) => {
    setTouched((current) => (current.has(field) ? current : new Set([...current, field])));
  }, []);
  const findingsFor = (field: CertificateField) =>
    attempted.has(step) || touched.has(field)
      ? report.findings.filter((finding) => finding.field === field)
      : [];
  const kit: StepKit = {
    draft,
    update: (change) => {
      setDraft((current) => change(current));
    },
    bind: (field: TextFieldName) => ({
      field,
      value: textValue(draft, field),
      findings: findingsFor(field),
      onValueChange: (value) => {
        setDraft((current) => withTextValue(current, field, value));
      },
      onLeave: () => {
        touch(field);
      },
    }),
    findingsFor,
    showProblems: attempted.has(step),
    announce: setStatus,
  };

  const index = stepIds.indexOf(step);
  // An issued certificate can no longer be edited: only its last step stays open.
  const reachable = (target: StepId) =>
    facts.issued
      ? target === 'sign'
      : stepIds.indexOf(target) <= Math.max(index, stepIds.indexOf(firstIncompleteStep(facts)));

  const saveNow = async (): Promise<boolean> => {
    const result = await save(draft, start.number, extras);
    if (result !== null && !result.ok) {
      setAlert(`The draft was not saved: ${result.error.message}`);
      return false;
    }
    return true;
  };

  const goTo = async (target: StepId) => {
    if (!(await saveNow())) return;
    setAlert('');
    setStep(target);
  };

  const readiness: Readiness = [
    ...(facts.packagingDone
      ? []
      : [
          {
            step: 'packaging' as const,
            message: 'Packaging: the container, its seals and the parcel count are not complete.',
          },
        ]),
    ...(facts.warrantyDone
      ? []
      : [
          {
            step: 'warranty' as const,
            message: 'Warranty: the invoice numbers or the attestation are missing.',
          },
        ]),
    ...(facts.itnRecorded
      ? []
      : [
          {
            step: 'aes' as const,
            message:
              'The ITN is not recorded yet: enter it in AES and ITN, then Save and continue.',
          },
        ]),
  ];

  const fix = (field: CertificateField) => {
    const target = stepOfField(field);
    if (target === undefined) return;
    pendingFocus.current = field;
    void goTo(target);
  };

  const focusFirstProblem = (ids: readonly string[]) => {
    const first = ids.map((id) => document.getElementById(id)).find((el) => el !== null);
    first?.focus();
  };

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted((current) => new Set([...current, step]));
    const errors = stepErrors(step, report.findings);
    const problems = Object.keys(extraProblems[step] ?? {});
    if (!(await saveNow())) return;
    if (errors.length + problems.length > 0) {
      const count = errors.length + problems.length;
      setAlert(
        `${stepTitles[step]}: ${String(count)} thing${count === 1 ? '' : 's'} to fix before going on. Each is shown at its field.`,
      );
      focusFirstProblem([...errors.map((finding) => finding.field), ...problems]);
      return;
    }
    if (step === 'aes' && wizard.record?.state !== 'VALIDATED') {
      const validated = await wizard.recordItn(draft.itn);
      if (validated !== null && !validated.ok) {
        setAlert(`The ITN was not recorded: ${validated.error.message}`);
        document.getElementById('itn')?.focus();
        return;
      }
    }
    setAlert('');
    const next = stepIds[index + 1];
    if (next !== undefined) setStep(next);
  };

  const saveText =
    record !== null && !isEditable(record)
      ? `Certificate ${record.number} is ${record.state.toLowerCase()}.`
      : wizard.saveState.status === 'saving'
        ? 'Saving…'
        : wizard.saveState.status === 'saved'
          ? `Draft ${record?.number ?? start.number} saved in the vault.`
          : wizard.saveState.status === 'failed'
            ? 'Not saved.'
            : record === null
              ? `Not saved yet: the draft is created on form ${start.number} when you continue.`
              : `Draft ${record.number}.`;

  return (
    <div className="wizard">
      <div className="wizard__head">
        <h1 className="wizard__title">
          Certificate {record?.number ?? start.number}
          {record === null ? ' (new)' : ''}
        </h1>
        <p className="wizard__save" role="status">
          {saveText}
        </p>
        <TemplateActions
          api={api}
          draft={draft}
          canStart={isEditable(record)}
          onApplied={(applied) => {
            // The rules run on the filled draft as on any other; its fields show their findings.
            const filled = filledFields(draft, fillDraftFromTemplate(draft, applied.fields));
            setDraft((current) => fillDraftFromTemplate(current, applied.fields));
            setTouched((current) => new Set([...current, ...filled]));
            return filled.length;
          }}
        />
      </div>
      <StepNav
        current={step}
        facts={facts}
        reachable={reachable}
        onGo={(target) => {
          void goTo(target);
        }}
      />
      <form
        className="wizard__step"
        noValidate
        aria-labelledby="step-title"
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <h2 id="step-title" className="wizard__step-title" tabIndex={-1} ref={headingRef}>
          Step {index + 1} of {stepIds.length}: {stepTitles[step]}
        </h2>
        <div role="alert" className={alert === '' ? 'wizard__alert--empty' : 'wizard__alert'}>
          {alert}
        </div>
        <p role="status" className="visually-hidden">
          {status}
        </p>
        <StepBody
          step={step}
          api={api}
          kit={kit}
          start={start}
          record={record}
          report={report}
          packaging={[packaging, setPackaging]}
          warranty={[warranty, setWarranty]}
          aesPlan={[aesPlan, setAesPlan]}
          readiness={readiness}
          problems={attempted.has(step) ? (extraProblems[step] ?? {}) : {}}
          issue={wizard.issue}
          navigate={navigate}
          goTo={(target) => {
            void goTo(target);
          }}
          fix={fix}
        />
        {index < stepIds.indexOf('review') && (
          <div className="wizard__actions">
            {index > 0 && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  const previous = stepIds[index - 1];
                  if (previous !== undefined) void goTo(previous);
                }}
              >
                Back
              </button>
            )}
            <button type="submit" className="button button--primary">
              Save and continue
            </button>
          </div>
        )}
      </form>
    </div>
  );
}
