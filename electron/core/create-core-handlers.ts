// Composes the core services into the channel table. Plain Node: main (with the vault in a worker
// thread), the preview host (vault in-process) and the tests all build the core through this one
// function, so every transport serves the same behaviour.
import { validateCertificate } from '../../shared/domain/validate-certificate';
import type { ValidationSettings } from '../../shared/domain/validation-settings';
import { defaultValidationSettings } from '../../shared/domain/validation-settings';
import { participantsAsOf } from '../../shared/reference/reference-data';
import type { CoreHandlers } from './ipc/core-handlers';
import type { VaultGateway } from './vault/vault-gateway';
import type { Rpc } from './vault/worker/rpc';

/** The vault as the handlers reach it: through the worker, or in-process with the same shape. */
export type VaultAccess = Rpc<Omit<VaultGateway, 'openWithKey'>>;

export type CoreOptions = {
  runtime: 'electron' | 'preview';
  version: string;
  vault: VaultAccess;
  validationSettings?: ValidationSettings;
};

export function createCoreHandlers(options: CoreOptions): CoreHandlers {
  const settings = options.validationSettings ?? defaultValidationSettings;
  const { vault } = options;
  return {
    'app:getInfo': () =>
      Promise.resolve({
        name: 'KP Desk',
        version: options.version,
        runtime: options.runtime,
        participantsAsOf,
      }),
    'settings:get': () => Promise.resolve({ validation: settings }),
    'certificates:validate': ({ certificate, purpose }) =>
      Promise.resolve(validateCertificate(certificate, { settings, purpose })),
    'vault:status': () => vault.status(),
    'vault:create': (input) => vault.create(input),
    'vault:unlock': (input) => vault.unlock(input),
    'vault:lock': () => vault.lock(),
    'vault:changePassphrase': (input) => vault.changePassphrase(input),
    'session:signIn': (input) => vault.signIn(input),
    'session:signOut': () => vault.signOut(),
    'users:createFirstAdministrator': (input) => vault.createFirstAdministrator(input),
    'users:list': () => vault.users.list(undefined),
    'users:create': (input) => vault.users.create(input),
    'licensee:get': () => vault.licensee.get(),
    'licensee:save': (input) => vault.licensee.save(input),
    'stock:register': (input) => vault.stock.register(input),
    'stock:summary': () => vault.stock.summary(undefined),
    'certificates:createDraft': (input) => vault.certificates.createDraft(input),
    'certificates:updateDraft': (input) => vault.certificates.updateDraft(input),
    'certificates:recordItn': (input) => vault.certificates.recordItn(input),
    'certificates:issue': (input) => vault.certificates.issue(input),
    'certificates:ship': (input) => vault.certificates.ship(input),
    'certificates:deliver': (input) => vault.certificates.deliver(input),
    'certificates:void': (input) => vault.certificates.void(input),
    'certificates:get': (input) => vault.certificates.get(input),
    'certificates:list': (input) => vault.certificates.list(input),
    'audit:verify': () => vault.audit.verify(undefined),
  };
}
