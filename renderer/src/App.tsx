// The top of the renderer: waits for window.kp and the settings, then shows the certificate form.
import type { KpApi } from '../../shared/ipc/api';
import { CertificateForm } from './certificate/CertificateForm';
import { LoadingScreen, MissingBridgeScreen, StartupFailedScreen } from './startup/StartupScreens';
import { useStartup } from './startup/use-startup';

export function App({ api }: { api: KpApi | undefined }) {
  if (api === undefined) return <MissingBridgeScreen />;
  return <ConnectedApp api={api} />;
}

function ConnectedApp({ api }: { api: KpApi }) {
  const { state, retry } = useStartup(api);
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'failed') return <StartupFailedScreen error={state.error} onRetry={retry} />;

  const { info, settings } = state;
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__name">KP Desk</span>
        <span className="app__meta" data-testid="app-info">
          {info.runtime === 'preview' ? 'Preview' : 'Desktop'} · version {info.version}
        </span>
      </header>
      <main className="app__main">
        <CertificateForm api={api} settings={settings} />
      </main>
      <footer className="app__footer">
        KP Participant list as of {info.participantsAsOf}. Rules: 31 CFR 592 (Rough Diamonds Control
        Regulations) and USKPA practice.
      </footer>
    </div>
  );
}
