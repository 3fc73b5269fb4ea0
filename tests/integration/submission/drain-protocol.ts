// What the submission crash test and its child (drain-child.ts) share: where the vault's key
// (hex, never on the command line) and path travel.
export const DRAIN_KEY_ENV = 'KP_DRAIN_KEY';
export const DRAIN_VAULT_ENV = 'KP_DRAIN_VAULT';
