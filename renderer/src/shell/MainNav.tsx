// The navigation of the signed-in app. Buttons, not links: there are no URLs (navigation.ts).
// The current entry carries aria-current="page". A reviewer (read-only) has no "New certificate";
// an operator has no Statistics, Review or Audit log (the core refuses them). Corrections carries a
// count badge for an administrator: the pending requests they may decide (not their own).
import type { KpApi } from '../../../shared/ipc/api';
import { badgeText, decidableBy } from '../corrections/pending-corrections';
import { usePendingCorrections } from '../corrections/use-pending-corrections';
import { navEntries, navScreenOf } from '../navigation';
import type { NavEntry, Route, SignedInUser } from '../navigation';
import {
  canDecideEditRequests,
  canReadAuditLog,
  canRunReview,
  canSeeStatistics,
  canWriteRecords,
} from './permissions';
import { usePackageAccess } from '../audit-package/package-access';
import type { PackageAccess } from '../audit-package/package-access';

type Props = {
  /** For the corrections badge; without it (a test of the entries alone) no badge is shown. */
  api?: Pick<KpApi, 'editRequests'>;
  route: Route;
  user: SignedInUser;
  navigate: (to: Route) => void;
  /** Submissions that need the user (Rejected): a count beside the entry, in words too. */
  needsUser?: number;
};

function shown(entry: NavEntry, user: SignedInUser, access: PackageAccess): boolean {
  switch (entry.screen) {
    // While an audit package is read, the core answers neither (templates are this computer's
    // own shipments; verifying a file uses this computer's vault): not offered.
    case 'templates':
      return access.refusal('templates:list') === null;
    case 'verify':
      return access.refusal('documents:verify') === null;
    case 'wizard':
      return canWriteRecords(user.role);
    case 'statistics':
      return canSeeStatistics(user.role);
    case 'review':
      return canRunReview(user.role);
    case 'audit-log':
      return canReadAuditLog(user.role);
    default:
      return true;
  }
}

type BadgeProps = { api: Pick<KpApi, 'editRequests'>; route: Route; user: SignedInUser };

function CorrectionsBadge({ api, route, user }: BadgeProps) {
  // Reloaded on every route change, so a decision taken on a certificate page is counted out.
  const pending = usePendingCorrections(api, route);
  if (pending.status !== 'loaded') return null;
  const mine = decidableBy({ userId: user.userId, role: user.role }, pending.requests);
  if (mine.length === 0) return null;
  const text = badgeText(mine.length, pending.requests.length);
  return (
    <>
      {' '}
      <span className="badge" data-testid="corrections-badge">
        {text}
      </span>
      <span className="visually-hidden">{' waiting for your decision'}</span>
    </>
  );
}

export function MainNav({ api, route, user, navigate, needsUser = 0 }: Props) {
  const current = navScreenOf(route);
  const access = usePackageAccess();
  const entries = navEntries.filter((entry) => shown(entry, user, access));
  return (
    <nav aria-label="Main" className="app__nav">
      <ul className="nav">
        {entries.map((entry) => (
          <li key={entry.screen}>
            <button
              type="button"
              className="nav__item"
              aria-current={entry.screen === current ? 'page' : undefined}
              onClick={() => {
                navigate({ screen: entry.screen });
              }}
            >
              {entry.label}
              {entry.screen === 'submissions' && needsUser > 0 ? (
                <span className="nav__badge" data-testid="submissions-badge">
                  {needsUser}
                  <span className="visually-hidden"> need you</span>
                </span>
              ) : null}
              {entry.screen === 'corrections' &&
              api !== undefined &&
              canDecideEditRequests(user.role) ? (
                <CorrectionsBadge api={api} route={route} user={user} />
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
