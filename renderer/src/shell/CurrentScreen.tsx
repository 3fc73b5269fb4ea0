// The screen for the current route. Screens owned by others (the wizard, records) are imported
// from their fixed paths and receive the same ScreenProps plus window.kp (already watched for a
// lost session by the shell).
import type { KpApi } from '../../../shared/ipc/api';
import type { Route, SignedInUser } from '../navigation';
import { AuditLogScreen } from '../audit-log/AuditLogScreen';
import { CorrectionsScreen } from '../corrections/CorrectionsScreen';
import { CertificatePage } from '../records/CertificatePage';
import { RecordsScreen } from '../records/RecordsScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { StatisticsScreen } from '../statistics/StatisticsScreen';
import { ReviewScreen } from '../review/ReviewScreen';
import { StockScreen } from '../stock/StockScreen';
import { SubmissionsScreen } from '../submissions/SubmissionsScreen';
import { VerifyScreen } from '../verify/VerifyScreen';
import { IssuanceWizard } from '../wizard/IssuanceWizard';
import { GlossaryScreen } from '../help/GlossaryScreen';
import { IncomingPage } from '../incoming/IncomingPage';
import { IncomingRegisterForm } from '../incoming/IncomingRegisterForm';
import { TemplatesScreen } from '../templates/TemplatesScreen';

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
      return (
        <RecordsScreen {...common} {...(route.view === undefined ? {} : { view: route.view })} />
      );
    case 'certificate':
      return <CertificatePage {...common} id={route.id} />;
    case 'wizard':
      // The route itself goes too: another click on "New certificate" restarts the wizard.
      return route.draftId === undefined ? (
        <IssuanceWizard
          {...common}
          route={route}
          {...(route.copyFrom === undefined ? {} : { copyFrom: route.copyFrom })}
        />
      ) : (
        <IssuanceWizard {...common} draftId={route.draftId} route={route} />
      );
    case 'stock':
      return <StockScreen {...common} />;
    case 'verify':
      return <VerifyScreen api={api} navigate={navigate} />;
    case 'statistics':
      return <StatisticsScreen api={api} />;
    case 'review':
      return <ReviewScreen api={api} navigate={navigate} />;
    case 'settings':
      return <SettingsScreen {...common} onLicenseeSaved={onLicenseeSaved} />;
    case 'corrections':
      return <CorrectionsScreen {...common} />;
    case 'audit-log':
      return <AuditLogScreen {...common} />;
    case 'submissions':
      return <SubmissionsScreen {...common} />;
    case 'glossary':
      return <GlossaryScreen />;
    case 'incoming':
      return (
        <IncomingPage
          api={api}
          user={user}
          number={route.number}
          onBack={() => {
            navigate({ screen: 'records', view: 'incoming' });
          }}
        />
      );
    case 'incoming-register':
      return (
        <IncomingRegisterForm
          api={api}
          onRegistered={(number) => {
            navigate({ screen: 'incoming', number });
          }}
          onCancel={() => {
            navigate({ screen: 'records', view: 'incoming' });
          }}
        />
      );
    case 'templates':
      return <TemplatesScreen {...common} />;
  }
}
