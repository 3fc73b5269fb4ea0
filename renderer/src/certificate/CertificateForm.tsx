// The certificate form (a plain first version; the full wizard comes later). Each field is
// checked live with the shared rules; on submit, main checks the draft as the authority and its
// findings replace the live ones until the draft changes again.
import { useMemo } from 'react';
import type { SubmitEvent } from 'react';
import type { CertificateField } from '../../../shared/domain/certificate-draft';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import type { KpApi } from '../../../shared/ipc/api';
import { CheckSummary } from './CheckSummary';
import { CountryList } from './CountryList';
import { acceptCountryNames } from './country-binding';
import {
  destinationCandidates,
  destinationSuggestions,
  originCandidates,
  originOptions,
} from './country-options';
import type { TextField as TextFieldName } from './draft-fields';
import { textValue } from './draft-fields';
import { HsCodeField } from './HsCodeField';
import { TextField } from './TextField';
import type { TextFieldBinding } from './TextField';
import { useCertificateCheck } from './use-certificate-check';
import { useDraftForm } from './use-draft-form';
import { useLiveFindings } from './use-live-findings';

/** Fields with an input on this form; findings on any other field go to the summary. */
const hasInput = (field: CertificateField) => !field.startsWith('aes.');

export function CertificateForm({ api, settings }: { api: KpApi; settings: ValidationSettings }) {
  const form = useDraftForm();
  const live = useLiveFindings(form.draft, settings);
  const { check, runCheck } = useCertificateCheck(api);
  const origins = useMemo(() => originOptions(), []);
  const destinations = useMemo(() => destinationSuggestions(), []);

  const checkedThisDraft = check.status === 'checked' && check.checkedDraft === form.draft;
  const shown = checkedThisDraft ? check.report : live;
  const findingsFor = (field: CertificateField) =>
    form.isVisible(field) ? shown.findings.filter((finding) => finding.field === field) : [];

  const bind = (field: TextFieldName): TextFieldBinding => ({
    field,
    value: textValue(form.draft, field),
    findings: findingsFor(field),
    onValueChange: (value) => {
      form.setText(field, value);
    },
    onLeave: () => {
      form.touch(field);
    },
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.markSubmitted();
    void runCheck(form.draft);
  };

  return (
    <form className="certificate-form" noValidate onSubmit={onSubmit} aria-labelledby="form-title">
      <div className="certificate-form__head">
        <h1 id="form-title">Export certificate</h1>
        <p className="certificate-form__intro">
          Each field is checked against the US Kimberley Process rules as you type. Check the
          certificate with KP Desk before issuing it.
        </p>
      </div>
      <CheckSummary
        check={check}
        stale={check.status === 'checked' && !checkedThisDraft}
        hasInput={hasInput}
      />

      <div className="certificate-form__sections">
        <fieldset className="section">
          <legend>Certificate</legend>
          <TextField
            {...bind('number')}
            label="Certificate number"
            hint="US + the form's digits, e.g. US12345"
          />
          <TextField {...bind('dateOfIssue')} label="Date of issue" type="date" />
          <TextField {...bind('dateOfExpiry')} label="Date of expiry" type="date" />
          <TextField {...bind('exportDate')} label="Planned export date" type="date" />
          <HsCodeField
            value={form.draft.hsCodes[0] ?? ''}
            findings={findingsFor('hsCodes')}
            onValueChange={form.setHsCode}
            onLeave={() => {
              form.touch('hsCodes');
            }}
          />
        </fieldset>

        <fieldset className="section">
          <legend>Origin and destination</legend>
          <TextField
            {...acceptCountryNames(bind('countryOfOrigin'), originCandidates())}
            label="Country of origin"
            hint="Code or name of the KP Participant where mined (BE or Belgium), or **** for mixed origin"
            list="origin-countries"
            wide
          />
          <TextField
            {...acceptCountryNames(bind('destinationCountry'), destinationCandidates())}
            label="Country of destination"
            hint="Code or name of a KP Participant, e.g. BE, Belgium or België"
            list="destination-countries"
            wide
          />
          <CountryList id="origin-countries" options={origins} />
          <CountryList id="destination-countries" options={destinations} />
        </fieldset>

        <fieldset className="section">
          <legend>Exporter</legend>
          <TextField {...bind('exporter.name')} label="Exporter name" wide />
          <TextField {...bind('exporter.address')} label="Exporter address" multiline wide />
        </fieldset>

        <fieldset className="section">
          <legend>Ultimate consignee</legend>
          <TextField {...bind('consignee.name')} label="Ultimate consignee name" wide />
          <TextField
            {...bind('consignee.address')}
            label="Ultimate consignee address"
            hint="Must name the country of destination"
            multiline
            wide
          />
        </fieldset>

        <fieldset className="section">
          <legend>Shipment</legend>
          <TextField
            {...bind('carats')}
            label="Carats"
            inputMode="decimal"
            hint="Two decimals at most, e.g. 12.50"
          />
          <TextField
            {...bind('valueUsd')}
            label="Value in US$"
            inputMode="decimal"
            hint="Two decimals at most, e.g. 15000.00"
          />
          <TextField
            {...bind('parcels')}
            label="Number of parcels"
            inputMode="numeric"
            hint="A whole number, e.g. 2"
          />
        </fieldset>

        <fieldset className="section">
          <legend>Validation</legend>
          <TextField
            {...bind('itn')}
            label="ITN (AES Internal Transaction Number)"
            hint="X + acceptance date YYYYMMDD + 6 digits, e.g. X20261127123456"
            wide
          />
        </fieldset>
      </div>

      <div className="certificate-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={check.status === 'checking'}
        >
          {check.status === 'checking' ? 'Checking…' : 'Check certificate'}
        </button>
      </div>
    </form>
  );
}
