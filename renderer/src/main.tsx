// Entry of the renderer bundle: mounts the app. Everything else lives in small components.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getKpApi } from './kp-api';
import './app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App api={getKpApi()} />
  </StrictMode>,
);
