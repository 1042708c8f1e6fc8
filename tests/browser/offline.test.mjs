// Focus: offline, installable and closed to other origins (issue 3, item 8):
// the service worker precaches, the app reloads with the network off, every
// request stays on the app's origin, the Content-Security-Policy allows only
// 'self' (+ 'wasm-unsafe-eval') and nothing violates it, and a new version is
// offered with a banner and applied only on request.

import assert from 'node:assert/strict';
import { makeNextVersion } from './lib/newversion.mjs';

const SCREENS = ['families', 'network', 'settings', 'start'];

/** Waits until a service worker is active for the page (install = precache done). */
async function waitServiceWorker(page, timeout = 30000) {
  try {
    await page.waitForFunction(
      () => navigator.serviceWorker && navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active && r.active.state === 'activated')),
      null, { timeout, polling: 200 });
  } catch {
    const state = await page.evaluate(async () => {
      if (!navigator.serviceWorker) return 'no navigator.serviceWorker';
      const r = await navigator.serviceWorker.getRegistration();
      if (!r) return 'no registration';
      return `installing: ${r.installing?.state}, waiting: ${r.waiting?.state}, active: ${r.active?.state}`;
    });
    throw new Error(`no active service worker within ${timeout} ms (${state})`);
  }
}

async function visitAllScreens(t, page) {
  for (const s of SCREENS) {
    await t.goTo(page, s);
    await t.waitWidget(page, `nav.${s}`);
  }
}

// Sources that name no other origin. data: and blob: URLs are not requests to
// another origin; they are tolerated for images only (icons drawn in place).
const CSP_OK_SOURCES = new Set(["'self'", "'wasm-unsafe-eval'", "'none'"]);
const CSP_OK_IMG_SOURCES = new Set(['data:', 'blob:']);

export default [
  {
    name: 'the app reloads offline after the first visit',
    timeout: 90000,
    async fn(t) {
      const srv = await t.serve(t.dist); // an origin of its own, so the network can really go away
      const page = await t.newPage({ url: srv.url });
      await waitServiceWorker(page);
      const version = await page.evaluate(() => window.__bb.version);
      // Network off: emulated offline AND the server gone (covers the service worker's own fetches).
      await page.context().setOffline(true);
      await srv.close();
      await page.reload({ waitUntil: 'load' });
      await t.ensureUnlocked(page);
      t.assertNotBlank(await t.screenshot(page, 'offline-start'), 'the offline reload');
      assert.equal(await page.evaluate(() => window.__bb.version), version, 'another version came up offline');
      assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the reloaded page is not controlled by the service worker');
      await t.waitWidget(page, 'start.title');
      // And it works, not just shows: navigate offline.
      await t.goTo(page, 'settings');
      await t.waitWidget(page, 'settings.probe');
      t.assertNotBlank(await t.screenshot(page, 'offline-settings'), 'the settings screen offline');
      // A second offline load in a new tab of the same profile.
      const page2 = await page.context().newPage();
      await page2.goto(srv.url, { waitUntil: 'load' });
      await t.waitReady(page2);
    },
  },
  {
    name: 'no request leaves the origin, including the service worker’s',
    timeout: 90000,
    async fn(t) {
      const page = await t.newPage({ url: null });
      const origin = new URL(t.baseUrl).origin;
      const requests = [];
      page.context().on('request', (r) => requests.push({ url: r.url(), sw: !!r.serviceWorker(), type: r.resourceType() }));
      await page.goto(t.baseUrl, { waitUntil: 'load' });
      await t.ensureUnlocked(page);
      await waitServiceWorker(page);
      await visitAllScreens(t, page);
      await page.reload({ waitUntil: 'load' }); // now through the service worker
      await t.ensureUnlocked(page);
      await visitAllScreens(t, page);
      const foreign = requests.filter((r) => {
        if (r.url.startsWith('data:') || r.url.startsWith('blob:')) return false;
        try { return new URL(r.url).origin !== origin; } catch { return true; }
      });
      assert.deepEqual(foreign.map((r) => `${r.sw ? '[sw] ' : ''}${r.url}`), [], 'requests to other origins');
      // Control: the recorder sees the page's and the service worker's requests.
      assert.ok(requests.some((r) => !r.sw && r.url.endsWith('.wasm')), `the wasm request was not recorded (${requests.length} requests)`);
      assert.ok(requests.some((r) => r.sw), `no request of the service worker was recorded (${requests.map((r) => r.url).join(', ')})`);
    },
  },
  {
    name: 'the Content-Security-Policy allows only the own origin and nothing violates it',
    timeout: 90000,
    async fn(t) {
      const page = await t.newPage({ url: null });
      const consoleCsp = [];
      page.on('console', (m) => { if (/Content[- ]Security[- ]Policy/i.test(m.text())) consoleCsp.push(m.text()); });
      await page.addInitScript(() => {
        window.__bbCsp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__bbCsp.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
      });
      await page.goto(t.baseUrl, { waitUntil: 'load' });
      await t.ensureUnlocked(page);

      const policies = await page.evaluate(() =>
        [...document.querySelectorAll('meta')].filter((m) => (m.httpEquiv || '').toLowerCase() === 'content-security-policy').map((m) => m.content));
      assert.equal(policies.length, 1, `expected one CSP meta tag, found ${policies.length}`);
      const directives = policies[0].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]);
      const names = directives.map((d) => d[0].toLowerCase());
      assert.ok(names.includes('default-src'), `the CSP has no default-src: ${policies[0]}`);
      const loose = directives.flatMap((d) => d.slice(1)
        .filter((s) => !CSP_OK_SOURCES.has(s) && !(d[0].toLowerCase() === 'img-src' && CSP_OK_IMG_SOURCES.has(s)))
        .map((s) => `${d[0]} ${s}`));
      assert.deepEqual(loose, [], `the CSP allows more than 'self' and 'wasm-unsafe-eval': ${policies[0]}`);

      await waitServiceWorker(page);
      await visitAllScreens(t, page);
      await t.goTo(page, 'settings');
      await t.tap(page, 'settings.probe');
      await page.keyboard.insertText('Grüße');
      await t.waitField(page, 'settings.probe', 'Grüße');
      await page.reload({ waitUntil: 'load' });
      await t.ensureUnlocked(page);
      await visitAllScreens(t, page);
      const seen = await page.evaluate(() => window.__bbCsp);
      assert.deepEqual([...seen, ...consoleCsp], [], 'CSP violations were reported');

      // Control: the policy is enforced and the recorder sees violations.
      await page.evaluate(() => fetch('http://127.0.0.2:9/bb-csp-probe').catch(() => null));
      await t.waitBB(page, () => window.__bbCsp.some((v) => v.includes('127.0.0.2')), null,
        { what: 'a CSP violation for a fetch to another origin (is the policy enforced?)' });
    },
  },
  {
    name: 'a new version is offered with a banner and applied by tapping reload',
    timeout: 120000,
    async fn(t) {
      const dir = await t.copyDist();
      const srv = await t.serve(dir);
      const page = await t.newPage({ url: srv.url });
      await waitServiceWorker(page);
      const v1 = await page.evaluate(() => window.__bb.version);
      const cachesBefore = await page.evaluate(() => caches.keys());
      assert.ok(!(await t.widgets(page)).some((w) => w.id === 'update.banner' && w.visible), 'update.banner shows before any update');

      const change = await makeNextVersion(dir, v1);
      t.log(`new version: ${change.how}; files: ${JSON.stringify(change.files)}`);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await t.waitWidget(page, 'update.banner', { timeout: 30000 });
      await t.waitWidget(page, 'update.reload');
      await t.screenshot(page, 'banner');
      // Not half-applied: the running app is still the old version until the tap.
      assert.equal(await page.evaluate(() => window.__bb.version), v1, 'the version changed before update.reload was tapped');

      await t.tap(page, 'update.reload');
      try {
        await page.waitForFunction((v) => window.__bb && window.__bb.ready && window.__bb.version !== v, v1, { timeout: 30000 });
      } catch {
        const now = await page.evaluate(() => window.__bb?.version).catch(() => '?');
        throw new Error(`__bb.version is still ${JSON.stringify(now)} after update.reload (${change.how})`);
      }
      const v2 = await page.evaluate(() => window.__bb.version);
      if (change.reported) assert.equal(v2, change.reported.to, 'the reloaded app is not the new version');
      t.assertNotBlank(await t.screenshot(page, 'new-version'), 'the new version');
      assert.ok(!(await t.widgets(page)).some((w) => w.id === 'update.banner' && w.visible), 'update.banner still shows after the update');
      const cachesAfter = await page.evaluate(() => caches.keys());
      assert.ok(cachesAfter.some((c) => !cachesBefore.includes(c)),
        `the new version did not precache into a new versioned cache (before: ${cachesBefore}, after: ${cachesAfter})`);
    },
  },
  {
    name: 'the service worker precaches every file the app loads and the manifest names only files that exist',
    timeout: 90000,
    async fn(t) {
      const page = await t.newPage({ url: null });
      const origin = new URL(t.baseUrl).origin;
      const loaded = new Set();
      page.on('request', (r) => { if (r.method() === 'GET' && r.url().startsWith(origin)) loaded.add(r.url()); });
      await page.goto(t.baseUrl, { waitUntil: 'load' });
      await t.ensureUnlocked(page);
      await waitServiceWorker(page);
      await visitAllScreens(t, page);
      assert.ok([...loaded].some((u) => u.endsWith('.wasm')), 'the page did not load app.wasm (recorder broken?)');
      const missing = await page.evaluate(async (urls) => {
        const out = [];
        for (const u of urls) if (!(await caches.match(u, { ignoreSearch: true }))) out.push(u);
        return out;
      }, [...loaded]);
      assert.deepEqual(missing, [], 'files the app loaded that no cache holds (they would fail offline)');

      const manifestHref = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href ?? null);
      assert.ok(manifestHref, 'no <link rel="manifest">');
      const bad = await page.evaluate(async (href) => {
        const m = await (await fetch(href)).json();
        const out = [];
        if (!m.icons?.length) out.push('the manifest has no icons');
        for (const i of m.icons ?? []) {
          const u = new URL(i.src, href).href;
          const r = await fetch(u, { cache: 'no-store' });
          if (!r.ok) out.push(`${i.src}: HTTP ${r.status}`);
        }
        return out;
      }, manifestHref);
      assert.deepEqual(bad, [], 'the manifest names icons that do not exist');
    },
  },
];
