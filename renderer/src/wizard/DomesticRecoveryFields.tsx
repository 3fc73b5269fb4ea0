// The domestic-recovery declaration (31 CFR 592.307(b)): "US" is the country of origin only for a
// stone recovered in the United States and never imported, e.g. one found at Crater of Diamonds
// State Park, Arkansas. It is declared on this certificate, in plain words, right below the origin;
// imported diamonds keep the country where they were mined, even when they leave from the US.
import type { CertificateDraft, DomesticRecovery } from '../../../shared/domain/certificate-draft';
import { Field } from '../certificate/Field';
import type { StepKit } from './step-kit';

const EMPTY: DomesticRecovery = { site: '', notImported: false };

function withDeclaration(
  draft: CertificateDraft,
  change: Partial<DomesticRecovery>,
): CertificateDraft {
  return { ...draft, domesticRecovery: { ...(draft.domesticRecovery ?? EMPTY), ...change } };
}

function withoutDeclaration(draft: CertificateDraft): CertificateDraft {
  const rest: CertificateDraft = { ...draft };
  delete rest.domesticRecovery;
  return rest;
}

export function DomesticRecoveryFields({ kit }: { kit: StepKit }) {
  const { draft } = kit;
  const isUs = draft.countryOfOrigin.trim().toUpperCase() === 'US';
  const declaration = draft.domesticRecovery;
  if (!isUs && declaration === undefined) return null;
  if (!isUs) {
    return (
      <div className="field field--wide">
        <p>
          This certificate still carries a declaration that the stone was recovered in the United
          States, but its country of origin is no longer US.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            kit.update(withoutDeclaration);
          }}
        >
          Remove the domestic-recovery declaration
        </button>
      </div>
    );
  }
  const current = declaration ?? EMPTY;
  return (
    <fieldset className="section field--wide" aria-describedby="domestic-recovery-explained">
      <legend>Recovered in the United States</legend>
      <p id="domestic-recovery-explained">
        &quot;US&quot; is the country of origin only for a stone that was found in the United
        States, for example at Crater of Diamonds State Park in Arkansas, and was never imported.
        Diamonds bought abroad and sent on from the US keep the country where they were mined (or
        **** for mixed origin). If this stone was found here, say where, and confirm it was not
        imported; the declaration is kept with this certificate.
      </p>
      <Field
        field="domesticRecovery.site"
        label="Site of recovery in the United States"
        hint='e.g. "Crater of Diamonds State Park, Murfreesboro, Arkansas"'
        findings={kit.findingsFor('domesticRecovery.site')}
        wide
      >
        {(control) => (
          <input
            {...control}
            className="control"
            type="text"
            autoComplete="off"
            value={current.site}
            onChange={(event) => {
              const site = event.target.value;
              kit.update((d) => withDeclaration(d, { site }));
            }}
          />
        )}
      </Field>
      <Field
        field="domesticRecovery.notImported"
        label="Not imported"
        findings={kit.findingsFor('domesticRecovery.notImported')}
        wide
      >
        {(control) => (
          <label className="checkbox">
            <input
              {...control}
              type="checkbox"
              checked={current.notImported}
              onChange={(event) => {
                const notImported = event.target.checked;
                kit.update((d) => withDeclaration(d, { notImported }));
              }}
            />{' '}
            I declare that these diamonds were recovered in the United States and were never
            imported.
          </label>
        )}
      </Field>
    </fieldset>
  );
}
