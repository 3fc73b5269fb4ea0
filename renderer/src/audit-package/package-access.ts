// What the app may do while an audit package is read (issue 14, parts 3 and 4). The core answers
// only the channels of shared/ipc/package-reading-access.ts and refuses every other with
// AUDIT_PACKAGE_READ_ONLY (electron/core/audit-package/refuse-while-reading.ts); the screens ask
// the same list here, so that a reviewer never meets a button that can only fail: what would be
// refused is hidden, or shown disabled with the reason in words.
import { createContext, useContext } from 'react';
import { answersWhileReadingPackage } from '../../../shared/ipc/package-reading-access';
import type { ChannelName } from '../../../shared/ipc/channels';

export const READ_ONLY_PACKAGE_REASON = 'This is a read-only audit package';

export type PackageAccess = {
  /** An audit package is open in place of this computer's vault. */
  reading: boolean;
  /** Why `channel` cannot be used here (disable and say so), or null when it can. */
  refusal: (channel: ChannelName) => string | null;
};

export function packageAccess(reading: boolean): PackageAccess {
  return {
    reading,
    refusal: (channel) =>
      reading && !answersWhileReadingPackage(channel) ? READ_ONLY_PACKAGE_REASON : null,
  };
}

/** Outside a package (and in screens' own tests) everything the role allows is offered. */
export const PackageAccessContext = createContext<PackageAccess>(packageAccess(false));

export function usePackageAccess(): PackageAccess {
  return useContext(PackageAccessContext);
}
