// The service worker (issue #7): keeps the app shell so the app opens with no network in the village.
// Built by the `serviceWorker` plugin in vite.config.ts, which fills in the build id and the asset list,
// so every build is a new worker with its own cache, and the old cache is dropped when it takes over.
//   /assets/*            cache-first (file names carry a content hash, so a cached one is never stale)
//   pages (index.html)   network-first, falling back to the cached shell when offline
//   /api/*               never touched: offline data lives in IndexedDB (src/web/offline/db.ts)
const BUILD = '__SHOUDI_BUILD__';
const PRECACHE = __SHOUDI_PRECACHE__;
const CACHE = `shoudi-shell-${BUILD}`;
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('shoudi-shell-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }
  if (request.mode === 'navigate') {
    // Every page path is the single-page app: fetch it fresh, keep the copy, use the copy when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return response;
        })
        .catch(() => caches.match(SHELL).then((hit) => hit ?? Response.error())),
    );
  }
});
