// Where the user is inside the signed-in app. One small union instead of a router library: the
// app has a handful of screens and no URLs to share (the page is app://kpdesk or the preview host).
import type { VaultStatus } from '../../shared/records/record-outputs';

export type Route =
  | { screen: 'records' }
  | { screen: 'certificate'; id: number }
  | { screen: 'wizard'; draftId?: number }
  | { screen: 'stock' }
  | { screen: 'settings' };

export type SignedInUser = NonNullable<VaultStatus['user']>;

/** What every signed-in screen receives from the shell. */
export type ScreenProps = {
  user: SignedInUser;
  navigate: (to: Route) => void;
};
