// Entry of the renderer bundle: asks the vault's status, then mounts the app. Everything else
// lives in small components.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PreferredLocaleProvider } from './format/PreferredLocaleProvider';
import { getKpApi } from './kp-api';
import { askStartup } from './shell/use-vault-session';
import './app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const api = getKpApi();
// Asked before React renders anything: the answer decides the first screen (first-run setup,
// unlock or sign-in), so it need not wait for the loading screen's first commit.
const startup = api === undefined ? undefined : askStartup(api);

createRoot(container).render(
  <StrictMode>
    {/* One locale for every number and date on screen: this computer's preference (en-US by
        default), read at start; a change saved in Settings applies at once. */}
    <PreferredLocaleProvider api={api}>
      <App api={api} startup={startup} />
    </PreferredLocaleProvider>
  </StrictMode>,
);
