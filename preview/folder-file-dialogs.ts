// The FileDialogs port for the preview host, which has no native dialogs: a file to save goes to
// <dataDir>/exports/<defaultName> (numbered " (2)", " (3)"… rather than replacing one), and a file
// to open is the newest file with the purpose's extension in <dataDir>/imports. A development and
// test tool: the renderer still never names a path (docs/architecture.md, "Preview host").
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { FileDialogs, OpenPurpose } from '../electron/core/file-dialogs';

/** How the name of a file to open may end, per purpose (lower case, with the dot). */
export const openExtensions: Record<OpenPurpose, readonly string[]> = {
  backup: ['.kpdesk-backup', '.kpbak'],
  pkcs12: ['.p12', '.pfx'],
  'x509-certificate': ['.pem', '.crt', '.cer', '.der'],
  'certificate-pdf': ['.pdf'],
  attachment: ['.pdf', '.png', '.jpg', '.jpeg'],
  'trusted-certificate': ['.pem', '.crt', '.cer', '.der'],
  // Distinct extensions, so each of the three files can be put in imports/ at once.
  'recipient-ca': ['.ca.pem', '.ca.crt'],
  'client-certificate': ['.client.pem', '.client.crt'],
  'client-key': ['.key'],
  'audit-anchor': ['.txt', '.pdf', '.kpdesk-backup', '.kpbak'],
  'audit-package': ['.kpdesk-audit'],
};

function freePath(folder: string, name: string): string {
  const extension = extname(name);
  const stem = basename(name, extension);
  for (let n = 1; ; n += 1) {
    const candidate = join(folder, n === 1 ? name : `${stem} (${String(n)})${extension}`);
    if (statSync(candidate, { throwIfNoEntry: false }) === undefined) return candidate;
  }
}

export function createFolderFileDialogs(dataDir: string): FileDialogs {
  const exportsDir = join(dataDir, 'exports');
  const importsDir = join(dataDir, 'imports');
  return {
    chooseSavePath: ({ defaultName }) => {
      mkdirSync(exportsDir, { recursive: true });
      // Only the name: a defaultName never leads out of the exports folder.
      return Promise.resolve(freePath(exportsDir, basename(defaultName)));
    },
    chooseOpenPath: ({ purpose }) => {
      const allowed = openExtensions[purpose];
      let newest: { path: string; mtime: number } | null = null;
      let names: string[];
      try {
        names = readdirSync(importsDir);
      } catch {
        return Promise.resolve(null);
      }
      for (const name of names) {
        const lower = name.toLowerCase();
        if (!allowed.some((ending) => lower.endsWith(ending))) continue;
        const path = join(importsDir, name);
        const stat = statSync(path, { throwIfNoEntry: false });
        if (stat?.isFile() !== true) continue;
        if (newest === null || stat.mtimeMs > newest.mtime) newest = { path, mtime: stat.mtimeMs };
      }
      // Nothing to open counts as a cancelled dialog.
      return Promise.resolve(newest?.path ?? null);
    },
  };
}
