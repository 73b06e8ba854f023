// Service worker: keeps this build's files so the app works with no network after the first visit.
// scripts/build.mjs fills in VERSION (a hash of every file) and FILES; a new build has a new VERSION,
// installs its own cache and keeps only the one before it. Nothing is ever sent anywhere.
const VERSION = '{{VERSION}}';
const FILES = {{FILES}};
const CACHE = `benefits-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Keep the previous build's cache too: a page opened before the update still fetches its own
  // (differently named) rules and texts from it. Anything older is deleted.
  event.waitUntil(
    caches.keys()
      .then((keys) => keys.filter((k) => k.startsWith('benefits-') && k !== CACHE))
      .then((old) => Promise.all(old.slice(0, -1).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (/\/(?!index\.)[^/]+\.html$/.test(url.pathname)) return; // another page (screen.html)
    // The page itself: this build's copy, so the cached files always match it. A new build is
    // picked up when the browser checks sw.js (on every visit) and installs the new version.
    event.respondWith(caches.match('./index.html', { cacheName: CACHE }).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
