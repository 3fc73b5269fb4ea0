// The screen for the current route. Screens owned by others (the wizard, records) are imported
// from their fixed paths and receive the same ScreenProps plus window.kp (already watched for a
// lost session by the shell).
import type { KpApi } from '../../../shared/ipc/api';
import type { Route, SignedInUser } from '../navigation';
import { CertificatePage } from '../records/CertificatePage';
import { RecordsScreen } from '../records/RecordsScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { StatisticsScreen } from '../statistics/StatisticsScreen';
import { StockScreen } from '../stock/StockScreen';
import { SubmissionsScreen } from '../submissions/SubmissionsScreen';
import { VerifyScreen } from '../verify/VerifyScreen';
import { IssuanceWizard } from '../wizard/IssuanceWizard';

type Props = {
  api: KpApi;
  route: Route;
  user: SignedInUser;
  navigate: (to: Route) => void;
  onLicenseeSaved: () => void;
};

export function CurrentScreen({ api, route, user, navigate, onLicenseeSaved }: Props) {
  const common = { api, user, navigate };
  switch (route.screen) {
    case 'records':
      return <RecordsScreen {...common} />;
    case 'certificate':
      return <CertificatePage {...common} id={route.id} />;
    case 'wizard':
      return route.draftId === undefined ? (
        <IssuanceWizard {...common} />
      ) : (
        <IssuanceWizard {...common} draftId={route.draftId} />
      );
    case 'stock':
      return <StockScreen {...common} />;
    case 'verify':
      return <VerifyScreen api={api} navigate={navigate} />;
    case 'statistics':
      return <StatisticsScreen api={api} />;
    case 'settings':
      return <SettingsScreen {...common} onLicenseeSaved={onLicenseeSaved} />;
    case 'submissions':
      return <SubmissionsScreen {...common} />;
  }
}
