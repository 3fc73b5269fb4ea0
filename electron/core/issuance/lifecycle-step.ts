// Applies shared/domain/lifecycle.ts `transition` and turns a refusal into the AppFailure the
// caller sees; the state rules themselves live only there.
import type { CertificateState, LifecycleEvent } from '../../../shared/domain/lifecycle';
import { transition } from '../../../shared/domain/lifecycle';
import { AppFailure } from '../app-failure';
import type { StoredState } from '../vault/repositories/certificate-row';

export function step(from: CertificateState, event: LifecycleEvent): StoredState {
  const result = transition(from, event);
  if (!result.ok)
    throw new AppFailure('ILLEGAL_TRANSITION', `${result.error.message} (${result.error.source})`);
  // transition never leads back into stock.
  if (result.state === 'IN_STOCK') throw new Error('lifecycle returned IN_STOCK');
  return result.state;
}
