import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles.css';
import { restoreServerClock } from './util/server-clock.js';

restoreServerClock();

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker keeps the app shell for offline field work (src/web/sw.js). Only in a built app: the
// Vite dev server has no sw.js. Browsers allow it on https and on localhost/127.0.0.1.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
