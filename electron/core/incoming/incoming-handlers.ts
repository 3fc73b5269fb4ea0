// The incoming-certificate channels as the renderer reaches them. Main's open dialog picks the
// scan and its save dialog the receipt report's PDF; the vault is asked first (the role, the
// record), so nobody is shown a dialog for a call that would be refused. A cancelled dialog
// answers { cancelled: true } with nothing read or written.
import { checkIncomingCertificate } from '../../../shared/incoming/check-incoming-certificate';
import { AppFailure } from '../app-failure';
import type { VaultAccess } from '../create-core-handlers';
import type { FileDialogs } from '../file-dialogs';
import type { CoreHandlers } from '../ipc/core-handlers';
import { licenseeLocalDate } from '../issuance/licensee-local-date';

type IncomingChannel =
  | 'incoming:list'
  | 'incoming:get'
  | 'incoming:register'
  | 'incoming:confirmReceiptSent'
  | 'incoming:scan'
  | 'incoming:saveReceiptReport';

export function createIncomingHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
  now: () => Date = () => new Date(),
): Pick<CoreHandlers, IncomingChannel> {
  return {
    'incoming:list': () => vault.incoming.list(undefined),
    'incoming:get': (input) => vault.incoming.get(input),
    'incoming:register': async ({ certificate, withScan }) => {
      if (withScan) {
        // The rules first (the vault runs them again): a form with mistakes gets its refusals,
        // not a file dialog. The role is the vault's to check; the list call checks sign-in.
        const checked = checkIncomingCertificate(certificate, licenseeLocalDate(now()));
        if (!checked.ok)
          throw new AppFailure(
            'INVALID_INPUT',
            `The incoming certificate was not registered: check ${Object.keys(checked.fields).join(', ')}. Nothing was changed.`,
            checked.fields,
          );
        await vault.incoming.list(undefined);
        const scanPath = await dialogs.chooseOpenPath({ purpose: 'attachment' });
        if (scanPath === null) return { cancelled: true as const };
        const record = await vault.incoming.register({ certificate, scanPath });
        return { cancelled: false as const, record };
      }
      const record = await vault.incoming.register({ certificate });
      return { cancelled: false as const, record };
    },
    'incoming:confirmReceiptSent': (input) => vault.incoming.confirmReceiptSent(input),
    'incoming:scan': (input) => vault.incoming.scan(input),
    'incoming:saveReceiptReport': async ({ number }) => {
      const record = await vault.incoming.get({ number });
      const path = await dialogs.chooseSavePath({
        purpose: 'incoming-receipt-pdf',
        defaultName: `receipt-confirmation-${record.number}.pdf`,
      });
      if (path === null) return { cancelled: true as const };
      const saved = await vault.incoming.saveReceiptReport({ number: record.number, path });
      return { cancelled: false as const, path: saved.path };
    },
  };
}
