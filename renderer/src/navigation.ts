// Where the user is inside the signed-in app. One small union instead of a router library: the
// app has a handful of screens and no URLs to share (the page is app://kpdesk or the preview host).
import type { VaultStatus } from '../../shared/records/record-outputs';

export type Route =
  | { screen: 'records'; view?: 'incoming' }
  | { screen: 'certificate'; id: number }
  | { screen: 'wizard'; draftId?: number; copyFrom?: number }
  | { screen: 'stock' }
  | { screen: 'verify' }
  | { screen: 'statistics' }
  | { screen: 'review' }
  | { screen: 'settings' }
  | { screen: 'corrections' }
  | { screen: 'audit-log' }
  | { screen: 'submissions' }
  | { screen: 'glossary' }
  // Issue 15: foreign certificates received on an import, reached from Records.
  | { screen: 'incoming'; number: string }
  | { screen: 'incoming-register' }
  // Issue 15 part 6: saved templates for repeat shipments.
  | { screen: 'templates' };

export type SignedInUser = NonNullable<VaultStatus['user']>;

/** What every signed-in screen receives from the shell. */
export type ScreenProps = {
  user: SignedInUser;
  navigate: (to: Route) => void;
};

/** The navigation's entries; a screen not listed here (a certificate) is reached from another. */
export type NavEntry = {
  screen:
    | 'records'
    | 'wizard'
    | 'stock'
    | 'verify'
    | 'statistics'
    | 'settings'
    | 'review'
    | 'corrections'
    | 'audit-log'
    | 'submissions'
    | 'glossary'
    | 'templates';
  label: string;
};

export const navEntries: readonly NavEntry[] = [
  { screen: 'records', label: 'Records' },
  { screen: 'wizard', label: 'New certificate' },
  { screen: 'stock', label: 'Stock' },
  // Every role, a reviewer included: verifying a file changes nothing (issue 11, point 9).
  { screen: 'verify', label: 'Verify a file' },
  // Reviewers and administrators (issue 14); MainNav hides it from operators.
  { screen: 'statistics', label: 'Statistics' },
  { screen: 'settings', label: 'Settings' },
  // Reviewers and administrators (issue 14, the full review); MainNav hides it from operators.
  { screen: 'review', label: 'Review' },
  // Every role sees the pending corrections; the count badge is for those who may decide them.
  { screen: 'corrections', label: 'Corrections' },
  // Reviewers and administrators (issue 14); MainNav hides it from operators.
  { screen: 'audit-log', label: 'Audit log' },
  // Every role (reviewers read); its badge counts the submissions that need the user (issue 12).
  { screen: 'submissions', label: 'Submissions' },
  // Every role: the glossary of the help panel on one page (issue 16, first day).
  { screen: 'glossary', label: 'Help and glossary' },
  // Every role (reviewers read): saved templates for repeat shipments (issue 15, part 6).
  { screen: 'templates', label: 'Templates' },
];

/** The navigation entry a route belongs to (a certificate page belongs to Records). */
export function navScreenOf(route: Route): NavEntry['screen'] {
  // Incoming certificates (issue 15) live in Records too.
  return route.screen === 'certificate' ||
    route.screen === 'incoming' ||
    route.screen === 'incoming-register'
    ? 'records'
    : route.screen;
}
