// Step 2, the shipment: origin, HS code, parcels, carats, value and the dates. One certificate
// carries one origin (or **** for mixed), one HS code, one weight and one value (31 CFR
// 592.307(b), (h)-(k)); US$ per carat is compared with the licensee's own history.
import { useMemo } from 'react';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { countryName } from '../../../shared/reference/reference-data';
import type { KpApi } from '../../../shared/ipc/api';
import { CountryList } from '../certificate/CountryList';
import { acceptCountryNames } from '../certificate/country-binding';
import { originCandidates, originOptions } from '../certificate/country-options';
import { withHsCode } from '../certificate/draft-fields';
import { HsCodeField } from '../certificate/HsCodeField';
import { TextField } from '../certificate/TextField';
import { useFormat } from '../format/use-format';
import { BoundFields } from './BoundFields';
import { DomesticRecoveryFields } from './DomesticRecoveryFields';
import { latestExpiry } from './load-wizard';
import { PricePerCarat } from './PricePerCarat';
import { SplitHsCodes } from './SplitHsCodes';
import type { StepKit } from './step-kit';
import { usePriceHistory } from './use-price-history';
import type { CertificateRecord } from './use-wizard-record';

type ShipmentStepProps = {
  api: KpApi;
  kit: StepKit;
  settings: ValidationSettings;
  record: CertificateRecord | null;
};

export function ShipmentStep({ api, kit, settings, record }: ShipmentStepProps) {
  const { draft } = kit;
  const origins = useMemo(() => originOptions(), []);
  const hsCode = draft.hsCodes[0] ?? '';
  const history = usePriceHistory(api, hsCode, record?.id);
  const origin = draft.countryOfOrigin.trim().toUpperCase();
  const originName = origin === '****' ? 'mixed origin' : countryName(origin);
  const format = useFormat();
  const latest = latestExpiry(draft.dateOfIssue, settings.expiryMaxDays);
  const latestShown = latest === '' ? '' : format.date(latest);

  return (
    <>
      <p className="wizard__intro">
        What is in the parcels. Each certificate covers one HS code with one weight and one value; a
        shipment with several codes needs one certificate per code.
      </p>
      <fieldset className="section">
        <legend>Diamonds</legend>
        <TextField
          {...acceptCountryNames(kit.bind('countryOfOrigin'), originCandidates())}
          label="Country of origin"
          hint={`Where the diamonds were mined: a country code or name (e.g. CD, BW, Botswana), or **** when any parcel is of mixed origin. US only for a stone recovered in the United States.${originName === undefined ? '' : ` Now: ${originName}.`}`}
          list="origin-countries"
          wide
        />
        <CountryList id="origin-countries" options={origins} />
        <DomesticRecoveryFields kit={kit} />
        <HsCodeField
          value={hsCode}
          findings={kit.findingsFor('hsCodes')}
          onValueChange={(code) => {
            kit.update((current) => withHsCode(current, code));
          }}
          onLeave={() => undefined}
        />
        <SplitHsCodes api={api} draft={draft} record={record} announce={kit.announce} />
      </fieldset>

      <fieldset className="section">
        <legend>Quantity and value</legend>
        <BoundFields
          kit={kit}
          fields={[
            {
              field: 'parcels',
              label: 'Number of parcels',
              inputMode: 'numeric',
              hint: 'A whole number, e.g. 2',
            },
            {
              field: 'carats',
              label: 'Carats',
              inputMode: 'decimal',
              hint: 'Two decimals at most, e.g. 12.50',
            },
            {
              field: 'valueUsd',
              label: 'Value in US$',
              inputMode: 'decimal',
              hint: 'Two decimals at most, e.g. 15000.00. This KP value also goes into AES.',
            },
          ]}
        />
        <PricePerCarat
          carats={draft.carats}
          valueUsd={draft.valueUsd}
          hsCode={hsCode}
          history={history}
        />
      </fieldset>

      <fieldset className="section">
        <legend>Dates</legend>
        <BoundFields
          kit={kit}
          fields={[
            {
              field: 'dateOfIssue',
              label: 'Date of issue',
              type: 'date',
              hint: 'On or before the day the shipment leaves.',
            },
            {
              field: 'dateOfExpiry',
              label: 'Date of expiry',
              type: 'date',
              hint:
                settings.expiryMode === 'exactly'
                  ? `Exactly ${String(settings.expiryMaxDays)} days after the date of issue${latestShown === '' ? '' : `, so ${latestShown}`}.`
                  : `At most ${String(settings.expiryMaxDays)} days after the date of issue${latestShown === '' ? '' : `, so ${latestShown} at the latest`}.`,
            },
            {
              field: 'exportDate',
              label: 'Planned export date',
              type: 'date',
              hint: 'The day the shipment leaves the United States.',
            },
          ]}
        />
      </fieldset>
    </>
  );
}
