// Placeholder until the certificate page lands (issue 5); the shell imports this path.
import type { KpApi } from '../../../shared/ipc/api';
import type { ScreenProps } from '../navigation';

export function CertificatePage(props: ScreenProps & { api: KpApi; id: number }) {
  return <h1>Certificate {String(props.id)}</h1>;
}
