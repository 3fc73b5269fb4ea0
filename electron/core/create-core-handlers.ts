// Composes the core services into the channel table. Plain Node: main, the preview host and the
// tests all build the core through this one function.
import { validateCertificate } from '../../shared/domain/validate-certificate';
import type { ValidationSettings } from '../../shared/domain/validation-settings';
import { defaultValidationSettings } from '../../shared/domain/validation-settings';
import { participantsAsOf } from '../../shared/reference/reference-data';
import type { CoreHandlers } from './ipc/core-handlers';

export type CoreOptions = {
  runtime: 'electron' | 'preview';
  version: string;
  validationSettings?: ValidationSettings;
};

export function createCoreHandlers(options: CoreOptions): CoreHandlers {
  const settings = options.validationSettings ?? defaultValidationSettings;
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
  };
}
