// Begleitbuch service worker: offline after the first visit, updates never half-applied.
//
// Each build precaches ALL its files in a cache named after the build's content
// hash (cache.addAll fails as a whole, so a version is either complete or not
// installed). A new version installs in the background and waits until the page
// asks it to take over (after the user chose "Jetzt neu laden"); then old caches
// go. Only same-origin GET requests are answered; the app makes no other request.
// Generated from web/sw.js by cmake/assemble_dist.cmake: @BB_BUILD_ID@ and
// @BB_ASSETS@ are filled in at build time.
'use strict';

const VERSION = '@BB_BUILD_ID@';
const CACHE = 'begleitbuch-' + VERSION;
const ASSETS = [@BB_ASSETS@];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(ASSETS.map((path) => new Request(path, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('begleitbuch-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate') {
      const page = await cache.match('index.html');
      if (page) return page;
    }
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
