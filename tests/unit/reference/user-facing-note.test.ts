// Research markers in the reference data never reach a licensee (issue 16): "(UNCONFIRMED exact
// end dates)" is dropped from the warranty notes the wizard shows, the rest is kept word for word.
import { describe, expect, it } from 'vitest';
import { userFacingNote } from '../../../shared/reference/user-facing-note';
import { systemOfWarranties } from '../../../shared/reference/reference-data';
import { warrantyNotes } from '../../../renderer/src/wizard/wizard-texts';

describe('userFacingNote', () => {
  it('drops a parenthesis holding the marker and keeps the sentence', () => {
    expect(
      userFacingNote('Old wording accepted for 3 years (UNCONFIRMED exact end dates). Next.'),
    ).toBe('Old wording accepted for 3 years. Next.');
  });

  it('drops a sentence holding the marker', () => {
    expect(
      userFacingNote('Covered by China. HK inclusion is UNCONFIRMED against the notice. Checked.'),
    ).toBe('Covered by China. Checked.');
  });

  it('leaves a note without markers as it is', () => {
    expect(userFacingNote('The SoW is printed on the invoice.')).toBe(
      'The SoW is printed on the invoice.',
    );
  });

  it('shows the warranty notes without the marker (the data still has it)', () => {
    expect(systemOfWarranties.notes).toContain('(UNCONFIRMED exact end dates)');
    expect(warrantyNotes).not.toContain('UNCONFIRMED');
    expect(warrantyNotes).toContain(
      '3 years (rough) or 5 years (other goods) from launch, per 2021 reports.',
    );
  });
});
