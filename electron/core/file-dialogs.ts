// The files a user picks: main's save and open dialogs in Electron, a folder of the data directory
// in the preview host and the tests. A path never comes from the renderer (docs/security.md): a
// channel that writes or reads a file of the user's choosing asks this port, which each transport
// implements. null means the user cancelled; nothing is written then.
export type SavePurpose =
  | 'backup'
  | 'certificate-pdf'
  | 'overlay-pdf'
  | 'calibration-pdf'
  | 'review-csv'
  | 'review-pdf'
  | 'audit-log-csv'
  | 'submission-receipts'
  | 'statistics-csv'
  | 'statistics-json'
  | 'statistics-pdf'
  | 'incoming-receipt-pdf'
  | 'audit-package'
  | 'signing-escrow'
  | 'fax-package-pdf';
export type OpenPurpose =
  | 'backup'
  | 'pkcs12'
  | 'x509-certificate'
  | 'certificate-pdf'
  | 'attachment'
  | 'trusted-certificate'
  | 'recipient-ca'
  | 'client-certificate'
  | 'client-key'
  | 'audit-anchor'
  | 'audit-package';

export type FileDialogs = {
  chooseSavePath: (request: {
    purpose: SavePurpose;
    defaultName: string;
  }) => Promise<string | null>;
  chooseOpenPath: (request: { purpose: OpenPurpose }) => Promise<string | null>;
};
