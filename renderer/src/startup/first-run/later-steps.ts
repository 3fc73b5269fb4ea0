// The steps of first-run setup after "create the vault", as one chunk of their own. The first
// screen (create the vault, or unlock / sign-in on later starts) waits neither for their code nor
// for zod, which the licensee and administrator steps use to check their forms as typed
// (bench/ui-bench.ts). use-later-steps.ts loads it.
export { AdministratorStep } from './AdministratorStep';
export { IdentityStep } from './IdentityStep';
export { LicenseeStep } from './LicenseeStep';
export { RecoveryKeyStep } from './RecoveryKeyStep';
export { StockStep } from './StockStep';
