// Which step component to show, with what it needs from the frame.
import type { Dispatch, SetStateAction } from 'react';
import type { CertificateField } from '../../../shared/domain/certificate-draft';
import type { ValidationReport } from '../../../shared/domain/validation-report';
import type { KpApi } from '../../../shared/ipc/api';
import type { Route } from '../navigation';
import type { AesPlan } from './AesStep';
import { AesStep } from './AesStep';
import { CertificatePreview } from './CertificatePreview';
import type { WizardStart } from './load-wizard';
import { PackagingStep } from './PackagingStep';
import { PartiesStep } from './PartiesStep';
import type { Readiness } from './ReviewStep';
import { ReviewStep } from './ReviewStep';
import { ShipmentStep } from './ShipmentStep';
import { SignStep } from './SignStep';
import type { StepKit } from './step-kit';
import type { CertificateRecord } from './use-wizard-record';
import { WarrantyStep } from './WarrantyStep';
import type { PackagingEntry, Problems, WarrantyEntry } from './wizard-extras';
import { packagingForIssue, warrantyForIssue } from './wizard-extras';
import type { StepId } from './wizard-steps';

type State<T> = [T, Dispatch<SetStateAction<T>>];

export type StepBodyProps = {
  step: StepId;
  api: KpApi;
  kit: StepKit;
  start: WizardStart;
  record: CertificateRecord | null;
  report: ValidationReport;
  readiness: Readiness;
  packaging: State<PackagingEntry>;
  warranty: State<WarrantyEntry>;
  aesPlan: State<AesPlan>;
  problems: Problems;
  issue: Parameters<typeof SignStep>[0]['issue'];
  navigate: (to: Route) => void;
  goTo: (step: StepId) => void;
  fix: (field: CertificateField) => void;
};

export function StepBody(props: StepBodyProps) {
  const { kit, record } = props;
  const [packaging, setPackaging] = props.packaging;
  const [warranty, setWarranty] = props.warranty;
  const [aesPlan, setAesPlan] = props.aesPlan;
  const number = record?.number ?? props.start.number;
  switch (props.step) {
    case 'parties':
      return <PartiesStep api={props.api} kit={kit} licensee={props.start.licensee} />;
    case 'shipment':
      return (
        <ShipmentStep api={props.api} kit={kit} settings={props.start.settings} record={record} />
      );
    case 'packaging':
      return (
        <PackagingStep
          entry={packaging}
          onChange={setPackaging}
          number={number}
          parcels={kit.draft.parcels}
          problems={props.problems}
          recordedDescription={
            record !== null && 'description' in record.packaging
              ? record.packaging.description
              : null
          }
        />
      );
    case 'warranty':
      return (
        <WarrantyStep
          entry={warranty}
          onChange={setWarranty}
          problems={props.problems}
          announce={kit.announce}
          recordedStatement={
            record !== null && 'statement' in record.warranty ? record.warranty.statement : null
          }
        />
      );
    case 'aes':
      return <AesStep kit={kit} plan={aesPlan} onPlan={setAesPlan} />;
    case 'review':
      return (
        <ReviewStep
          draft={kit.draft}
          report={props.report}
          readiness={props.readiness}
          onFix={props.fix}
          onGo={props.goTo}
          onContinue={() => {
            props.goTo('sign');
          }}
          preview={
            record === null ? null : (
              <CertificatePreview
                api={props.api}
                certificateId={record.id}
                version={record.version}
                number={record.number}
              />
            )
          }
          extraRows={reviewRows(packaging, warranty, number)}
        />
      );
    case 'sign':
      return (
        <SignStep
          api={props.api}
          record={record}
          issueInput={{
            attested: warranty.attested,
            packaging: packagingForIssue(packaging, number),
            warranty: warrantyForIssue(warranty),
          }}
          issue={props.issue}
          navigate={props.navigate}
          preview={
            record === null ? null : (
              <CertificatePreview
                api={props.api}
                certificateId={record.id}
                version={record.version}
                number={record.number}
              />
            )
          }
        />
      );
  }
}

function reviewRows(packaging: PackagingEntry, warranty: WarrantyEntry, number: string) {
  const packed = packagingForIssue(packaging, number);
  const invoices = warrantyForIssue(warranty).invoiceNumbers;
  return [
    ['Packaging', packaging.containerType === '' ? '' : packed.description],
    ['Seal numbers', packed.sealNumbers.join(', ')],
    ['Invoices with the warranty', invoices.join(', ')],
    ['Warranty wording', warranty.wording === 'revised' ? 'Revised (WDC 2021)' : 'Original (2003)'],
  ] as const satisfies readonly [string, string][];
}
