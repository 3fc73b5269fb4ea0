// A call through window.kp answers with a Result and should never reject. If the transport itself
// throws anyway (a bug, or a bridge that went away), the user still gets a plain message and a
// code; details belong in a log, never on the screen (docs/architecture.md, rule 2).
import type { AppError } from '../../shared/errors';

export const transportFailure: AppError = {
  code: 'INTERNAL',
  message: 'KP Desk could not reach its core. Nothing was changed. Restart KP Desk and try again.',
};
