// The FileDialogs port (electron/core/file-dialogs.ts) on Electron's native save and open dialogs,
// shown as sheets of the focused window. The path the user picks goes straight to the core; the
// renderer never sees or sends one (docs/security.md).
import { BrowserWindow, dialog } from 'electron';
import type { FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileDialogs, OpenPurpose, SavePurpose } from '../core/file-dialogs';

const saveFilters: Record<SavePurpose, FileFilter[]> = {
  backup: [{ name: 'KP Desk backup', extensions: ['kpdesk-backup'] }],
  'certificate-pdf': [{ name: 'PDF document', extensions: ['pdf'] }],
  'overlay-pdf': [{ name: 'PDF document', extensions: ['pdf'] }],
  'calibration-pdf': [{ name: 'PDF document', extensions: ['pdf'] }],
  'review-csv': [{ name: 'CSV table', extensions: ['csv'] }],
  'review-pdf': [{ name: 'PDF document', extensions: ['pdf'] }],
  'audit-log-csv': [{ name: 'CSV table', extensions: ['csv'] }],
  'submission-receipts': [{ name: 'Receipts (JSON)', extensions: ['json'] }],
  'statistics-csv': [{ name: 'CSV table', extensions: ['csv'] }],
  'statistics-json': [{ name: 'JSON', extensions: ['json'] }],
  'statistics-pdf': [{ name: 'PDF document', extensions: ['pdf'] }],
  'incoming-receipt-pdf': [{ name: 'PDF document', extensions: ['pdf'] }],
  'audit-package': [{ name: 'KP Desk audit package', extensions: ['kpdesk-audit'] }],
  'signing-escrow': [{ name: 'Encrypted private keys (PEM)', extensions: ['pem'] }],
  'fax-package-pdf': [{ name: 'PDF document', extensions: ['pdf'] }],
};

const openFilters: Record<OpenPurpose, FileFilter[]> = {
  backup: [{ name: 'KP Desk backup', extensions: ['kpdesk-backup', 'kpbak'] }],
  pkcs12: [{ name: 'Signing identity (PKCS#12)', extensions: ['p12', 'pfx'] }],
  'x509-certificate': [{ name: 'Signing certificate', extensions: ['pem', 'crt', 'cer', 'der'] }],
  'certificate-pdf': [{ name: 'PDF document', extensions: ['pdf'] }],
  attachment: [{ name: 'Documents and images', extensions: ['pdf', 'png', 'jpg', 'jpeg'] }],
  'trusted-certificate': [
    { name: 'Certificate (PEM or DER)', extensions: ['pem', 'crt', 'cer', 'der'] },
  ],
  'recipient-ca': [{ name: 'CA certificate (PEM)', extensions: ['pem', 'crt', 'cer'] }],
  'client-certificate': [{ name: 'Client certificate (PEM)', extensions: ['pem', 'crt', 'cer'] }],
  'client-key': [{ name: 'Private key (PEM)', extensions: ['key', 'pem'] }],
  'audit-anchor': [
    {
      name: 'Audit head, signed certificate or backup',
      extensions: ['txt', 'pdf', 'kpdesk-backup', 'kpbak'],
    },
  ],
  'audit-package': [{ name: 'KP Desk audit package', extensions: ['kpdesk-audit'] }],
};

const titles: Record<SavePurpose | OpenPurpose, string> = {
  backup: 'KP Desk backup',
  'certificate-pdf': 'Certificate PDF',
  'overlay-pdf': 'Print overlay for the USKPA form',
  'calibration-pdf': 'Printer calibration page',
  'review-csv': 'Review findings (CSV)',
  'review-pdf': 'Review of the record (PDF)',
  'signing-escrow': 'Signing keys for escrow (encrypted)',
  'fax-package-pdf': 'Certificate copies to fax or upload (PDF)',
  pkcs12: 'Signing identity',
  'x509-certificate': 'Signing certificate issued by the certification authority',
  attachment: 'Attachment',
  'trusted-certificate': 'Certificate to trust',
  'audit-log-csv': 'Audit log (CSV)',
  'submission-receipts': 'Receipts of the submissions',
  'recipient-ca': "The recipient's CA certificate (pinned)",
  'client-certificate': 'Your client certificate for this recipient',
  'client-key': "Your client certificate's private key",
  'statistics-csv': 'KP statistics (CSV)',
  'statistics-json': 'KP statistics (JSON)',
  'statistics-pdf': 'KP statistics (PDF)',
  'incoming-receipt-pdf': 'Confirmation of receipt for the exporting authority (PDF)',
  'audit-package': 'Audit package for a reviewer (signed, encrypted)',
  'audit-anchor': 'Check the record against an audit head, a signed certificate or a backup',
};

// As a sheet of the focused window when there is one (a modal dialog on Windows and Linux).
function showSave(options: SaveDialogOptions) {
  const focused = BrowserWindow.getFocusedWindow();
  return focused === null
    ? dialog.showSaveDialog(options)
    : dialog.showSaveDialog(focused, options);
}

function showOpen(options: OpenDialogOptions) {
  const focused = BrowserWindow.getFocusedWindow();
  return focused === null
    ? dialog.showOpenDialog(options)
    : dialog.showOpenDialog(focused, options);
}

export function createElectronFileDialogs(): FileDialogs {
  return {
    async chooseSavePath({ purpose, defaultName }) {
      const result = await showSave({
        title: titles[purpose],
        defaultPath: defaultName,
        filters: saveFilters[purpose],
      });
      return result.canceled || result.filePath === '' ? null : result.filePath;
    },
    async chooseOpenPath({ purpose }) {
      const result = await showOpen({
        title: titles[purpose],
        filters: openFilters[purpose],
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
