// The FileDialogs port for tests: the preview host's folders (<root>/exports, <root>/imports), with
// a switch to answer the next dialog as cancelled and a record of what was asked.
import type { FileDialogs, OpenPurpose, SavePurpose } from '../../electron/core/file-dialogs';
import { createFolderFileDialogs } from '../../preview/folder-file-dialogs';

export type TestFileDialogs = FileDialogs & {
  root: string;
  /** The next dialog (save or open) answers null, as if the user pressed Cancel. */
  cancelNext: () => void;
  asked: (
    | { kind: 'save'; purpose: SavePurpose; defaultName: string }
    | {
        kind: 'open';
        purpose: OpenPurpose;
      }
  )[];
};

export function createTestFileDialogs(root: string): TestFileDialogs {
  const folders = createFolderFileDialogs(root);
  let cancel = false;
  const asked: TestFileDialogs['asked'] = [];
  const cancelled = (): boolean => {
    const was = cancel;
    cancel = false;
    return was;
  };
  return {
    root,
    asked,
    cancelNext: () => {
      cancel = true;
    },
    chooseSavePath: (request) => {
      asked.push({ kind: 'save', ...request });
      return cancelled() ? Promise.resolve(null) : folders.chooseSavePath(request);
    },
    chooseOpenPath: (request) => {
      asked.push({ kind: 'open', ...request });
      return cancelled() ? Promise.resolve(null) : folders.chooseOpenPath(request);
    },
  };
}
