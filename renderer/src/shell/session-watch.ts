// Auto-lock as the renderer sees it: the vault locks itself after idle minutes (in main), and the
// next call answers VAULT_LOCKED, or AUTH_FAILED when the session is gone. The shell wraps
// window.kp once so that every screen's calls pass here; such an answer sends the user back to
// unlock or sign-in with a plain message, whichever screen made the call.
import { CLOSED_PACKAGE_FIELD } from '../../../shared/audit-package/package-closed-notice';
import type { AppError } from '../../../shared/errors';
import { buildKpApi } from '../../../shared/ipc/api';
import type { KpApi } from '../../../shared/ipc/api';
import { channelNames, splitChannel } from '../../../shared/ipc/channels';
import type { ChannelName } from '../../../shared/ipc/channels';

/** 'package-closed': an audit package being read was closed by the auto-lock (its words are the
 * core's, shared/audit-package/package-closed-notice.ts); the first screen offers to reopen it. */
export type SessionLoss = { reason: 'locked' | 'signed-out' | 'package-closed'; message: string };

// These answer with AUTH_FAILED or VAULT_LOCKED as their ordinary "wrong secret" outcome; the
// screen that called them shows the error itself.
const ownFailures: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'vault:status',
  'vault:unlock',
  'vault:create',
  'session:signIn',
  'session:signOut',
]);

function lossOf(channel: ChannelName, error: AppError): SessionLoss | null {
  if (ownFailures.has(channel)) return null;
  if (error.code === 'VAULT_LOCKED' && error.fields?.[CLOSED_PACKAGE_FIELD] !== undefined)
    return { reason: 'package-closed', message: error.message };
  if (error.code === 'VAULT_LOCKED')
    return {
      reason: 'locked',
      message: 'KP Desk locked the vault because it was not used for a while. Unlock it to go on.',
    };
  if (error.code === 'AUTH_FAILED')
    return { reason: 'signed-out', message: 'Your session ended. Sign in again to go on.' };
  return null;
}

function isFailedResult(value: unknown): value is { ok: false; error: AppError } {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** window.kp with every answer checked for a lost session; nothing else changes. */
export function watchSession(api: KpApi, onLoss: (loss: SessionLoss) => void): KpApi {
  const table = api as unknown as Record<
    string,
    Record<string, (input: unknown) => Promise<unknown>>
  >;
  return buildKpApi(async (channel, input) => {
    const [namespace, verb] = splitChannel(channel);
    const call = table[namespace]?.[verb];
    if (call === undefined) throw new Error(`window.kp has no ${channel}`);
    const result = await call(input);
    if (isFailedResult(result)) {
      const loss = lossOf(channel, result.error);
      if (loss !== null) onLoss(loss);
    }
    return result;
  }, channelNames);
}
