// The steps of first-run setup, in order, with the short name the progress list shows. Setup can
// resume at "licensee" when the vault exists but has no administrator yet (the app was closed
// half-way); the recovery key is never shown again after its step.
export const firstRunSteps = [
  { step: 'vault', label: 'Create the vault' },
  { step: 'recovery', label: 'Recovery key' },
  { step: 'licensee', label: 'Licensee profile' },
  { step: 'administrator', label: 'First administrator' },
  { step: 'identity', label: 'Signing identity' },
  { step: 'stock', label: 'Form numbers' },
] as const;

export type FirstRunStep = (typeof firstRunSteps)[number]['step'];

export function stepIndex(step: FirstRunStep): number {
  return firstRunSteps.findIndex((entry) => entry.step === step);
}
