// A certificate's state as a small badge: its words, never colour alone.
import type { StoredState } from './record-format';
import { stateLabel } from './record-format';

export function StateBadge({ state }: { state: StoredState }) {
  return (
    <span className={`state-badge state-badge--${state.toLowerCase()}`}>{stateLabel(state)}</span>
  );
}
