// Placeholder until the issuance wizard lands (issue 5); the shell imports this path.
import type { KpApi } from '../../../shared/ipc/api';
import type { ScreenProps } from '../navigation';

export function IssuanceWizard(props: ScreenProps & { api: KpApi; draftId?: number }) {
  return <h1>New certificate {props.draftId === undefined ? '' : String(props.draftId)}</h1>;
}
