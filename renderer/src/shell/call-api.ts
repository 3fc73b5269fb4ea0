// Every call through window.kp answers with a Result and should never reject; if the transport
// throws anyway, the screen still gets a Result with a plain message (failure.ts).
import type { Result } from '../../../shared/result';
import { transportFailure } from '../failure';

export async function callApi<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: transportFailure };
  }
}
