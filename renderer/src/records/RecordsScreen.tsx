// Placeholder until the records list lands (issue 5); the shell imports this path.
import type { KpApi } from '../../../shared/ipc/api';
import type { ScreenProps } from '../navigation';

export function RecordsScreen(props: ScreenProps & { api: KpApi }) {
  return <h1>Records of {props.user.displayName}</h1>;
}
