// What Settings needs to open an audit package from inside the app (issue 14): whether one is
// being read already (then the entry is not offered), and how to hand the new vault status to the
// top of the app, which then shows the package with its banner.
import { createContext } from 'react';
import type { VaultStatus } from '../../../shared/records/record-outputs';

export type PackageContextValue = {
  reading: boolean;
  onStatus: (status: VaultStatus) => void;
};

export const PackageContext = createContext<PackageContextValue | null>(null);
