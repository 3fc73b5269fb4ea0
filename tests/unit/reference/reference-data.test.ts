import { describe, expect, it } from 'vitest';
import kpParticipants from '../../../shared/reference/data/kp-participants.json';
import {
  countryName,
  formText,
  hsCodes,
  participantCountries,
  participantFor,
  participantsAsOf,
  voidReasons,
} from '../../../shared/reference/reference-data';

describe('reference data', () => {
  it('carries the as-of date of the Participant list', () => {
    expect(participantsAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('covers exactly the countries of the published eligible list', () => {
    const covered = participantCountries()
      .map((c) => c.iso2)
      .sort();
    expect(covered).toEqual([...kpParticipants.eligibleIso2].sort());
  });

  it('maps EU member states to the EU, and knows non-Participants are not covered', () => {
    expect(participantFor('BE')?.name).toBe('European Union');
    expect(participantFor('KE')).toBeUndefined();
    expect(countryName('KE')).toBe('Kenya');
  });

  it('has the three rough-diamond HS codes, the USKPA void reasons and the form text', () => {
    expect(hsCodes.map((h) => h.code)).toEqual(['7102.10', '7102.21', '7102.31']);
    expect(voidReasons).toContain('Printer error');
    expect(voidReasons.at(-1)).toMatch(/^Other/);
    expect(formText.title).toBe('Kimberley Process Certificate');
  });
});
