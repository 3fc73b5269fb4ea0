// Step 5, AES and ITN: when the export information must be filed (before departure, by a lead
// time per transport mode), the licence fields to key into AES (type T12, the certificate's
// digits without "US", the KP value), and the ITN AES returned, checked as it is typed. Writing
// the ITN on the certificate completes its validation (31 CFR 592.301(a)(5)).
import type { AesEntry, CertificateDraft } from '../../../shared/domain/certificate-draft';
import { aesLicenseNumber } from '../../../shared/domain/certificate-number';
import { formatHundredths, readHundredths } from '../../../shared/domain/decimal';
import { sources } from '../../../shared/domain/sources';
import { aesReference } from '../../../shared/reference/reference-data';
import { Field } from '../certificate/Field';
import { SourceCitation } from '../certificate/SourceCitation';
import { TextField } from '../certificate/TextField';
import { CheckboxField, TextField as PlainTextField } from '../shell/form/FormField';
import { ChoiceField } from './ChoiceField';
import { CopyButton } from './CopyButton';
import { useFormat } from '../format/use-format';
import type { TransportMode } from './filing-deadline';
import {
  FILING_SOURCE,
  departureTime,
  filingDeadline,
  transportModes,
  transportRules,
} from './filing-deadline';
import type { StepKit } from './step-kit';
import { HelpLink } from '../help/HelpLink';

export type AesPlan = { mode: TransportMode | ''; departureTime: string };

type AesStepProps = { kit: StepKit; plan: AesPlan; onPlan: (plan: AesPlan) => void };

const emptyAes: AesEntry = {
  licenseType: aesReference.licenseType,
  licenseNumber: '',
  licenseValue: '',
  fromForeignTradeZone: false,
  ftzNumber: '',
};

const withAes = (draft: CertificateDraft, change: Partial<AesEntry>): CertificateDraft => ({
  ...draft,
  aes: { ...emptyAes, ...draft.aes, ...change },
});

export function AesStep({ kit, plan, onPlan }: AesStepProps) {
  const { draft } = kit;
  const aes = draft.aes ?? emptyAes;
  const value = readHundredths(draft.valueUsd);
  const kpValue = value.kind === 'ok' ? formatHundredths(value.hundredths) : '';
  const licenceNumber = aesLicenseNumber(draft.number);
  const departure = departureTime(draft.exportDate, plan.departureTime);
  const deadline =
    plan.mode === '' || departure === null ? null : filingDeadline(plan.mode, departure);
  const now = new Date();
  const format = useFormat();

  return (
    <>
      <p className="wizard__intro">
        File the Electronic Export Information (EEI) in AES, the Automated Export System (through
        CBP’s ACE portal, or by your forwarder), before the shipment leaves, for any value and any
        destination. AES answers with an ITN; it goes on the certificate.{' '}
        <HelpLink entry="aes" about="AES" />
      </p>
      <fieldset className="section">
        <legend>Filing deadline</legend>
        <ChoiceField
          id="aes-mode"
          label="How the shipment leaves"
          value={plan.mode}
          placeholder="Choose the transport…"
          options={transportModes.map((mode) => ({
            value: mode,
            label: transportRules[mode].label,
          }))}
          onChange={(mode) => {
            onPlan({ ...plan, mode: mode as AesPlan['mode'] });
          }}
        />
        <PlainTextField
          id="aes-departure-time"
          label="Departure time"
          type="time"
          hint={
            draft.exportDate === ''
              ? 'Enter the planned export date in the Shipment step first.'
              : `On the planned export date, ${format.date(draft.exportDate)}.`
          }
          value={plan.departureTime}
          onChange={(event) => {
            onPlan({ ...plan, departureTime: event.target.value });
          }}
        />
        <div className="wizard__figure" id="aes-deadline" aria-live="polite">
          {deadline === null || plan.mode === '' ? (
            <p>Choose the transport and the departure time to see your filing deadline.</p>
          ) : (
            <p className={deadline < now ? 'wizard__warning' : undefined}>
              <strong>File in AES by {format.moment(deadline)}</strong>:{' '}
              {transportRules[plan.mode].hours} hour
              {transportRules[plan.mode].hours === 1 ? '' : 's'} {transportRules[plan.mode].before}.
              {deadline < now ? ' That time has passed: the shipment must wait for the ITN.' : ''}{' '}
              <SourceCitation source={FILING_SOURCE} />
            </p>
          )}
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>Licence fields to key into AES</legend>
        <dl className="wizard__aes-values">
          <AesValue label="Licence type" value={aesReference.licenseType} announce={kit.announce} />
          <AesValue
            label="Licence number (digits only, without US)"
            value={licenceNumber}
            announce={kit.announce}
          />
          <AesValue
            label="Licence value (the KP value in US$)"
            value={kpValue === '' ? 'enter the value in Shipment first' : kpValue}
            copy={kpValue !== ''}
            announce={kit.announce}
          />
        </dl>
        <p className="wizard__explain">
          <SourceCitation source={sources.aesLicense} />
        </p>
        <CheckboxField
          id="aes-ftz"
          label="The goods leave from a foreign trade zone (FTZ)"
          checked={aes.fromForeignTradeZone}
          onChange={(event) => {
            kit.update((current) =>
              withAes(current, { fromForeignTradeZone: event.target.checked }),
            );
          }}
        />
        {aes.fromForeignTradeZone && (
          <AesInput kit={kit} field="aes.ftzNumber" label="FTZ number" hint="As keyed in AES." />
        )}
        <details className="wizard__details">
          <summary>Check what you keyed into AES (optional)</summary>
          <p className="field__hint">
            Type the licence number and value exactly as you keyed them: KP Desk compares them with
            the certificate. A mis-keyed number is one of the mistakes Census sees most.
          </p>
          <AesInput kit={kit} field="aes.licenseNumber" label="Licence number as keyed in AES" />
          <AesInput kit={kit} field="aes.licenseValue" label="Licence value as keyed in AES" />
        </details>
      </fieldset>

      <fieldset className="section">
        <legend>ITN</legend>
        <TextField
          {...kit.bind('itn')}
          label="ITN (AES Internal Transaction Number)"
          hint="X + the AES acceptance date YYYYMMDD + 6 digits, e.g. X20261127123456"
          wide
        />
      </fieldset>
    </>
  );
}

function AesValue(props: {
  label: string;
  value: string;
  copy?: boolean;
  announce: (m: string) => void;
}) {
  return (
    <div className="wizard__aes-value">
      <dt>{props.label}</dt>
      <dd>
        <code>{props.value}</code>{' '}
        {props.copy !== false && (
          <CopyButton
            text={props.value}
            what={props.label.toLowerCase()}
            onCopied={props.announce}
          />
        )}
      </dd>
    </div>
  );
}

type AesField = 'aes.ftzNumber' | 'aes.licenseNumber' | 'aes.licenseValue';
const aesKey = {
  'aes.ftzNumber': 'ftzNumber',
  'aes.licenseNumber': 'licenseNumber',
  'aes.licenseValue': 'licenseValue',
} as const;

function AesInput(props: { kit: StepKit; field: AesField; label: string; hint?: string }) {
  const { kit, field } = props;
  const key = aesKey[field];
  return (
    <Field field={field} label={props.label} hint={props.hint} findings={kit.findingsFor(field)}>
      {(control) => (
        <input
          {...control}
          className="control"
          autoComplete="off"
          spellCheck={false}
          value={(kit.draft.aes ?? emptyAes)[key]}
          onChange={(event) => {
            const text = event.target.value;
            kit.update((current) => withAes(current, { [key]: text }));
          }}
        />
      )}
    </Field>
  );
}
