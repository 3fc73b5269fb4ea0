// The navigation of the signed-in app. Buttons, not links: there are no URLs (navigation.ts).
// The current entry carries aria-current="page". A reviewer (read-only) has no "New certificate".
import { navEntries, navScreenOf } from '../navigation';
import type { Route, SignedInUser } from '../navigation';
import { canRunReview, canSeeStatistics, canWriteRecords } from './permissions';

type Props = { route: Route; user: SignedInUser; navigate: (to: Route) => void };

export function MainNav({ route, user, navigate }: Props) {
  const current = navScreenOf(route);
  const entries = navEntries.filter(
    (entry) =>
      (entry.screen !== 'wizard' || canWriteRecords(user.role)) &&
      (entry.screen !== 'statistics' || canSeeStatistics(user.role)) &&
      (entry.screen !== 'review' || canRunReview(user.role)),
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
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
