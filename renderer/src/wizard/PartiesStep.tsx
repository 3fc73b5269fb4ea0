// Step 1, the parties: who exports (the licensee itself, unless it is a common carrier issuing
// for a client), who ultimately receives the diamonds, and the country of destination, which
// must be a KP Participant (31 CFR 592.307(g); 592.201).
import { useMemo } from 'react';
import { sources } from '../../../shared/domain/sources';
import { destinationCandidates, destinationOptions } from '../certificate/country-options';
import { CountrySearch } from '../certificate/CountrySearch';
import { FindingList } from '../certificate/FindingList';
import { SelectField } from '../certificate/SelectField';
import { SourceCitation } from '../certificate/SourceCitation';
import { TextField } from '../certificate/TextField';
import type { Licensee } from './load-wizard';
import type { StepKit } from './step-kit';
import { AddressBookPicker } from './AddressBookPicker';
import type { KpApi } from '../../../shared/ipc/api';
import { participantFor } from '../../../shared/reference/reference-data';

type PartiesStepProps = { api: KpApi; kit: StepKit; licensee: Licensee };

export function PartiesStep({ api, kit, licensee }: PartiesStepProps) {
  const { destinationCountry } = kit.draft;
  const destinations = useMemo(
    () => destinationOptions().map((c) => ({ value: c.value, label: `${c.label} (${c.value})` })),
    [],
  );
  const searchable = useMemo(() => destinationCandidates(), []);
  return (
    <>
      <p className="wizard__intro">
        Who sends the diamonds, who receives them, and in which country. The certificate prints
        these exactly as entered here.
      </p>
      <fieldset className="section">
        <legend>Exporter</legend>
        {licensee.isCommonCarrier ? (
          <>
            <p className="wizard__explain">
              As a common carrier you may issue for a client: enter the exporter of this shipment.{' '}
              <SourceCitation source={sources.carrierOnly} />
            </p>
            <AddressBookPicker
              api={api}
              kind="exporter"
              current={kit.draft.exporter}
              country="US"
              onPick={(party) => {
                kit.update((draft) => ({
                  ...draft,
                  exporter: { name: party.name, address: party.address },
                }));
              }}
              announce={kit.announce}
            />
            <TextField {...kit.bind('exporter.name')} label="Exporter name" wide />
            <TextField {...kit.bind('exporter.address')} label="Exporter address" multiline wide />
          </>
        ) : (
          <div className="wizard__fixed-party" id="exporter.name" tabIndex={-1}>
            <p className="wizard__explain">
              Your licence lets you issue only for your own shipments, so the exporter is always{' '}
              {licensee.legalName}. <SourceCitation source={sources.carrierOnly} />
            </p>
            <p className="wizard__party">
              <strong>{kit.draft.exporter.name}</strong>
              <br />
              <span className="wizard__address">{kit.draft.exporter.address}</span>
            </p>
            <FindingList
              id="exporter-findings"
              findings={[
                ...kit.findingsFor('exporter.name'),
                ...kit.findingsFor('exporter.address'),
              ]}
            />
          </div>
        )}
      </fieldset>

      <fieldset className="section">
        <legend>Ultimate consignee</legend>
        <p className="wizard__explain">
          The company or person who finally receives the diamonds abroad, not a forwarding agent.
        </p>
        <AddressBookPicker
          api={api}
          kind="consignee"
          current={kit.draft.consignee}
          country={destinationCountry}
          onPick={(party) => {
            kit.update((draft) => ({
              ...draft,
              consignee: { name: party.name, address: party.address },
              // The saved country becomes the destination only when it may receive diamonds.
              ...(party.country !== 'US' && participantFor(party.country) !== undefined
                ? { destinationCountry: party.country }
                : {}),
            }));
          }}
          announce={kit.announce}
        />
        <TextField {...kit.bind('consignee.name')} label="Ultimate consignee name" wide />
        <TextField
          {...kit.bind('consignee.address')}
          label="Ultimate consignee address"
          hint="Street, city and the country of destination written out, e.g. … 2018 Antwerp, Belgium"
          multiline
          wide
        />
        <CountrySearch
          id="destination-search"
          label="Search destinations (name or code)"
          candidates={searchable}
          selected={destinationCountry}
          onPick={(iso2) => {
            const binding = kit.bind('destinationCountry');
            binding.onValueChange(iso2);
            binding.onLeave();
          }}
        >
          {(shown) => (
            <SelectField
              {...kit.bind('destinationCountry')}
              label="Country of destination"
              hint="Only KP Participants can receive rough diamonds."
              placeholder="Choose the country…"
              options={
                shown === null
                  ? destinations
                  : shown.flatMap((iso2) => destinations.filter((d) => d.value === iso2))
              }
              wide
            />
          )}
        </CountrySearch>
      </fieldset>
    </>
  );
}
