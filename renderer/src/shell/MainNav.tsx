// The navigation of the signed-in app. Buttons, not links: there are no URLs (navigation.ts).
// The current entry carries aria-current="page". A reviewer (read-only) has no "New certificate".
import { navEntries, navScreenOf } from '../navigation';
import type { Route, SignedInUser } from '../navigation';
import { canSeeStatistics, canWriteRecords } from './permissions';

type Props = {
  route: Route;
  user: SignedInUser;
  navigate: (to: Route) => void;
  /** Submissions that need the user (Rejected): a count beside the entry, in words too. */
  needsUser?: number;
};

export function MainNav({ route, user, navigate, needsUser = 0 }: Props) {
  const current = navScreenOf(route);
  const entries = navEntries.filter(
    (entry) =>
      (entry.screen !== 'wizard' || canWriteRecords(user.role)) &&
      (entry.screen !== 'statistics' || canSeeStatistics(user.role)),
  );
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
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
