// Shared by the browser test runner and the benchmarks: launching Debian's
// Chromium through playwright-core, and the helpers every test receives.
// Contract with the app (window.__bb, set by boot.js): see docs/testing.md.
//
// Every helper finds widgets by the stable IDs the app reports through
// __bb.widgets() (CSS pixels of the last drawn frame), never by pixel guesses,
// and waits on __bb state (page.waitForFunction), never on fixed sleeps.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { imageStats, isBlank, NOT_BLANK } from './png.mjs';
import { startServer } from '../../../tools/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..', '..');
export const DEFAULT_DIST = path.join(REPO_ROOT, 'dist');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'artifacts', 'browser');
export const CHROMIUM = process.env.BB_CHROMIUM || '/usr/bin/chromium';

// TOOLCHAIN.md: software GL for WebGL2 in headless mode, and nothing that
// phones home (the machine has no network; a stray request would hang or fail).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium; playwright gives each launch a fresh profile. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

// A tablet in landscape: the app's primary device.
export const TABLET_LANDSCAPE = { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
export const TABLET_PORTRAIT = { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9äöüß]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'test';
}

// ---------------------------------------------------------------------------
// [SECTION] Reading the app's state (window.__bb)
// ---------------------------------------------------------------------------

/** Waits until the app has drawn its first frame (__bb.ready). */
export async function waitReady(page, timeout = 30000) {
  try {
    await page.waitForFunction(() => window.__bb && window.__bb.ready === true, null, { timeout });
  } catch (e) {
    const state = await page
      .evaluate(() => ({ bb: typeof window.__bb, ready: window.__bb?.ready, url: location.href }))
      .catch(() => ({}));
    throw new Error(`app not ready after ${timeout} ms (window.__bb: ${state.bb}, ready: ${state.ready}, url: ${state.url})`);
  }
}

export const frames = (page) => page.evaluate(() => window.__bb.frames);
export const screen = (page) => page.evaluate(() => window.__bb.screen());
export const scrollY = (page) => page.evaluate(() => window.__bb.scrollY());
export const field = (page, id) => page.evaluate((id) => window.__bb.field(id), id);
export const widgets = (page) => page.evaluate(() => window.__bb.widgets());

/** The widget with this id in the last drawn frame; throws naming the ids present. */
export async function widget(page, id) {
  const all = await widgets(page);
  const w = all.find((x) => x.id === id);
  if (!w) {
    const ids = all.map((x) => x.id);
    throw new Error(`widget '${id}' not found (present: ${ids.slice(0, 40).join(', ')}${ids.length > 40 ? ', …' : ''})`);
  }
  return w;
}

/** Waits until a widget with this id is drawn (and visible, unless visible:false). */
export async function waitWidget(page, id, { visible = true, timeout = 10000 } = {}) {
  try {
    await page.waitForFunction(
      ([id, visible]) => window.__bb.widgets().some((w) => w.id === id && (!visible || w.visible)),
      [id, visible],
      { timeout },
    );
  } catch {
    const ids = (await widgets(page).catch(() => [])).map((x) => x.id);
    throw new Error(`widget '${id}' did not appear within ${timeout} ms (present: ${ids.join(', ')})`);
  }
  return widget(page, id);
}

/** Waits until fn(__bb) (a function source run in the page) is true. */
export async function waitBB(page, predicate, arg, { timeout = 10000, what } = {}) {
  try {
    await page.waitForFunction(predicate, arg, { timeout });
  } catch {
    throw new Error(`timed out after ${timeout} ms waiting for ${what ?? predicate.toString()}`);
  }
}

/** Waits until a test-readable text field holds exactly `expected`. */
export async function waitField(page, id, expected, timeout = 10000) {
  try {
    await page.waitForFunction(([id, e]) => window.__bb.field(id) === e, [id, expected], { timeout });
  } catch {
    const actual = await field(page, id).catch((e) => `<${e.message}>`);
    throw new Error(`field '${id}' is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)} (waited ${timeout} ms)`);
  }
}

/** Waits until the hidden text element has (or, with false, has not) the focus. */
export async function waitTextInputFocus(page, focused = true, timeout = 5000) {
  try {
    await page.waitForFunction(
      (f) => (document.activeElement?.id === 'bb-text-input') === f, focused, { timeout });
  } catch {
    const active = await page.evaluate(() => document.activeElement ? `${document.activeElement.tagName}#${document.activeElement.id}` : 'none');
    throw new Error(`#bb-text-input ${focused ? 'did not get' : 'kept'} the focus within ${timeout} ms (activeElement: ${active})`);
  }
}

/** Waits until the app reports this screen ("start", "families", "network", "settings"). */
export async function waitScreen(page, name, timeout = 10000) {
  try {
    await page.waitForFunction((n) => window.__bb.screen() === n, name, { timeout });
  } catch {
    throw new Error(`screen '${name}' not reached within ${timeout} ms (screen is '${await screen(page).catch(() => '?')}')`);
  }
}

/**
 * Waits until __bb.frames grew by n over `since` (default: the count now).
 * Pass `since` read before an input, or the frames that input drew are missed.
 */
export async function waitFrames(page, n = 1, { since, timeout = 5000 } = {}) {
  const start = since ?? (await frames(page));
  try {
    await page.waitForFunction(([s, n]) => window.__bb.frames >= s + n, [start, n], { timeout });
  } catch {
    throw new Error(`app drew no ${n} new frame(s) within ${timeout} ms (frames went from ${start} to ${await frames(page)})`);
  }
}

/**
 * Lets n display frames pass (requestAnimationFrame in the page). Input the app
 * received before this call has been handled by the frame it requested.
 */
export function animationFrames(page, n = 2) {
  return page.evaluate((n) => new Promise((resolve) => {
    const step = (k) => (k === 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
    step(n);
  }), n);
}

// ---------------------------------------------------------------------------
// [SECTION] Input: real touch (CDP touch events), mouse and keyboard
// ---------------------------------------------------------------------------

const center = (w) => ({ x: w.x + w.w / 2, y: w.y + w.h / 2 });
const hasTouch = (page) => page.__bbOptions?.hasTouch === true;

async function cdp(page) {
  if (!page.__bbCdp) page.__bbCdp = await page.context().newCDPSession(page);
  return page.__bbCdp;
}

async function touch(page, type, points) {
  const s = await cdp(page);
  await s.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p, i) => ({ x: p.x, y: p.y, id: i, radiusX: 4, radiusY: 4, force: 1 })),
  });
}

/**
 * Taps the widget (touch in a touch context, a mouse click otherwise) at its
 * centre, or at {dx, dy} from its top-left corner.
 */
export async function tap(page, id, { dx, dy, timeout = 5000 } = {}) {
  // The widget must be in the last drawn frame: after a screen switch the
  // state may change a frame before the new screen's widgets are drawn.
  const w = await waitWidget(page, id, { timeout });
  const p = dx === undefined ? center(w) : { x: w.x + dx, y: w.y + dy };
  await tapAt(page, p.x, p.y);
  return w;
}

/** Taps at CSS pixel coordinates. */
export async function tapAt(page, x, y) {
  if (hasTouch(page)) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

/**
 * Holds a finger on the widget without moving. The app opens its menu after
 * 500 ms; we hold until `until` (a page predicate) is true or maxMs passed, then
 * lift the finger. Returns how long the finger was down.
 */
export async function longPress(page, id, { until, maxMs = 1500, minMs = 650 } = {}) {
  const w = await waitWidget(page, id);
  const p = center(w);
  const t0 = Date.now();
  await touch(page, 'touchStart', [p]);
  try {
    // The hold itself is the input here, not a synchronisation sleep: poll the
    // app's state while the finger is down.
    while (Date.now() - t0 < maxMs) {
      if (Date.now() - t0 >= minMs && until && (await page.evaluate(until).catch(() => false))) break;
      await sleep(50);
    }
  } finally {
    await touch(page, 'touchEnd', []);
  }
  return Date.now() - t0;
}

/** Drags one finger from (x0,y0) to (x1,y1) in `steps` moves (real touch events). */
export async function drag(page, from, to, { steps = 12, stepMs = 16 } = {}) {
  await touch(page, 'touchStart', [from]);
  for (let i = 1; i <= steps; i++) {
    const k = i / steps;
    await touch(page, 'touchMove', [{ x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k }]);
    await sleep(stepMs); // pace of a finger, so the app sees a drag and not a jump
  }
  await touch(page, 'touchEnd', []);
}

/** Taps a nav.* entry and waits for the screen to switch. */
export async function goTo(page, name) {
  if ((await screen(page)) === name) return;
  await tap(page, `nav.${name}`);
  await waitScreen(page, name);
}

// ---------------------------------------------------------------------------
// [SECTION] The store: lock flow and save state (docs/testing.md, "The store")
// ---------------------------------------------------------------------------

export const TEST_PASSPHRASE = 'Hauskatze Mondschein Zugvogel';

/** Taps a text field and types `text` through the hidden text element (as a keyboard would). */
export async function typeInto(page, id, text) {
  await tap(page, id);
  try {
    await waitTextInputFocus(page, true, 2500);
  } catch {
    // The layout moved under the finger (a card takes its height a frame late
    // on a busy machine): tap the field where it is now.
    await animationFrames(page, 3);
    await tap(page, id);
    await waitTextInputFocus(page, true);
  }
  await page.keyboard.insertText(text);
  await animationFrames(page, 4);
}

export const saveState = (page) => page.evaluate(() => window.__bb.saveState());

/** Waits until __bb.saveState().state is `state` ("no_store", "locked", "unlocked", ...). */
export async function waitSessionState(page, state, timeout = 20000) {
  await waitBB(page, (s) => window.__bb.saveState()?.state === s, state,
    { timeout, what: `the session state '${state}' (it is '${(await saveState(page).catch(() => null))?.state}')` });
}

/** Waits until every commit reported IndexedDB 'complete' (save state "saved"). */
export async function waitSaved(page, timeout = 10000) {
  await waitBB(page, () => window.__bb.saveState()?.save === 'saved' && window.__bb.saveState().pending === 0, null,
    { timeout, what: 'the save state "saved"' });
}

/** First start: "Neues Begleitbuch anlegen", the passphrase twice, create; ends unlocked. */
export async function createStore(page, passphrase = TEST_PASSPHRASE) {
  await tap(page, 'lock.new');
  await typeInto(page, 'lock.pass1', passphrase);
  await typeInto(page, 'lock.pass2', passphrase);
  await tap(page, 'lock.create');
  await waitSessionState(page, 'unlocked');
  await waitSaved(page);
  await waitIdle(page);
}

/** Waits until no frame was drawn for `quietMs` (the frames after an action ran out). */
export async function waitIdle(page, quietMs = 300, timeout = 10000) {
  await page.waitForFunction((q) => {
    const now = performance.now();
    if (window.__bbIdleFrames !== window.__bb.frames) { window.__bbIdleFrames = window.__bb.frames; window.__bbIdleSince = now; }
    return now - window.__bbIdleSince > q;
  }, quietMs, { timeout, polling: 50 });
}

/** Whatever the app shows after a (re)load: creates a store or unlocks it, so the app is unlocked. */
export async function ensureUnlocked(page, passphrase = TEST_PASSPHRASE) {
  await waitReady(page);
  await page.waitForFunction(() => window.__bb.saveState() !== null);
  const state = (await saveState(page)).state;
  if (state === 'no_store') await createStore(page, passphrase);
  else if (state === 'locked') await unlockStore(page, passphrase);
}

/** On the lock screen: types the passphrase and taps "Entsperren". */
export async function unlockStore(page, passphrase = TEST_PASSPHRASE, { expect = 'unlocked' } = {}) {
  await typeInto(page, 'lock.pass', passphrase);
  await tap(page, 'lock.unlock');
  if (expect === 'unlocked') await waitSessionState(page, 'unlocked');
}

// ---------------------------------------------------------------------------
// [SECTION] Screenshots and artefacts
// ---------------------------------------------------------------------------

export async function saveArtefact(dir, name, data) {
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await fsp.writeFile(file, data);
  return file;
}

// ---------------------------------------------------------------------------
// [SECTION] The test context handed to each test
// ---------------------------------------------------------------------------

/**
 * Builds the helper object for one test. Everything it opens (contexts,
 * servers, temp folders) is registered and released by dispose().
 */
export function makeTestContext({ browser, baseUrl, dist, testName, artifactsDir = ARTIFACTS_DIR }) {
  const dir = path.join(artifactsDir, slug(testName));
  const contexts = [];
  const cleanups = [];
  const diagnostics = []; // console errors, page errors, failed requests: printed on failure
  let shot = 0;

  const t = {
    browser,
    baseUrl,
    dist,
    name: testName,
    artifactsDir: dir,
    diagnostics,
    TABLET_LANDSCAPE,
    TABLET_PORTRAIT,

    /**
     * A page in a fresh browser context (own storage, own service worker).
     * options: any playwright newContext option (viewport, hasTouch, isMobile,
     * deviceScaleFactor, ...), plus url (default baseUrl; null = do not
     * navigate), ready (default true: wait for __bb.ready), store ('new',
     * the default: a store is created so the app is unlocked; 'none': the
     * first-start screen as it comes), testHooks (true: __bb.test exists) and
     * initScript (a function run in every page before the app, e.g. a stub of
     * a browser API the test browser lacks).
     */
    async newPage(options = {}) {
      const { url = baseUrl, ready = true, store = 'new', testHooks = false, initScript = null, ...ctxOptions } = options;
      const merged = { ...TABLET_LANDSCAPE, ...ctxOptions };
      const context = await browser.newContext(merged);
      if (initScript) await context.addInitScript(initScript);
      contexts.push(context);
      const page = await context.newPage();
      page.__bbOptions = merged;
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') diagnostics.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => diagnostics.push(`pageerror: ${e.message}`));
      context.on('requestfailed', (r) => diagnostics.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      if (testHooks) await context.addInitScript(() => { self.__bbTestHooks = true; });
      if (url) {
        await page.goto(url, { waitUntil: 'load' });
        if (ready) await waitReady(page);
        if (ready && store === 'new') await createStore(page);
      }
      return page;
    },

    /**
     * A browser of its own with a persistent profile in `userDataDir` (for
     * tests that look at the files a profile leaves behind); closed after the test.
     */
    async persistentContext(userDataDir, options = {}) {
      const { testHooks = false, ...ctxOptions } = options;
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, ...TABLET_LANDSCAPE, ...ctxOptions,
      });
      cleanups.push(() => context.close());
      if (testHooks) await context.addInitScript(() => { self.__bbTestHooks = true; });
      const adopt = (page) => {
        page.__bbOptions = { ...TABLET_LANDSCAPE, ...ctxOptions };
        page.on('pageerror', (e) => diagnostics.push(`pageerror: ${e.message}`));
      };
      context.pages().forEach(adopt);
      context.on('page', adopt);
      return context;
    },

    /** A temp folder removed after the test. */
    async tempDir(prefix = 'bb-') {
      const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
      cleanups.push(() => fsp.rm(tmp, { recursive: true, force: true }));
      return tmp;
    },

    /** Saves a PNG of the page under artifacts/browser/<test>/ and returns {file, buffer, stats}. */
    async screenshot(page, name) {
      const buffer = await page.screenshot({ type: 'png' });
      const file = await saveArtefact(dir, `${String(++shot).padStart(2, '0')}-${slug(name)}.png`, buffer);
      return { file, buffer, stats: imageStats(buffer) };
    },

    /** Throws unless the screenshot shows more than a solid fill. */
    assertNotBlank(shotResult, what = 'screenshot') {
      const s = shotResult.stats;
      if (isBlank(s)) {
        throw new Error(
          `${what} looks blank: ${s.distinctColours} colours, luminance stddev ${s.stddev.toFixed(2)} ` +
            `(need ≥ ${NOT_BLANK.minDistinctColours} and ≥ ${NOT_BLANK.minStddev}; see ${path.relative(REPO_ROOT, shotResult.file)})`,
        );
      }
    },

    /** Serves another folder on a free port (closed after the test). */
    async serve(root, opts = {}) {
      const srv = await startServer({ root, port: 0, ...opts });
      let closed = false;
      const close = async () => {
        if (!closed) { closed = true; await srv.close(); }
      };
      cleanups.push(close);
      return { ...srv, close };
    },

    /** Copies dist/ into a temp folder (removed after the test); returns its path. */
    async copyDist() {
      const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'bb-dist-'));
      await fsp.cp(dist, tmp, { recursive: true });
      cleanups.push(() => fsp.rm(tmp, { recursive: true, force: true }));
      return tmp;
    },

    log(...args) {
      diagnostics.push(args.join(' '));
    },

    waitReady, waitWidget, waitScreen, waitFrames, waitBB, waitField, waitTextInputFocus, animationFrames,
    widgets, widget, field, frames, screen, scrollY,
    tap, tapAt, longPress, drag, goTo, sleep, imageStats,
    touch, typeInto, saveState, waitSessionState, waitSaved, waitIdle, createStore, unlockStore, ensureUnlocked,
    TEST_PASSPHRASE,
  };

  t.dispose = async ({ failed = false } = {}) => {
    if (failed) {
      // Keep a picture of every open page at the moment of failure.
      let i = 0;
      for (const c of contexts) {
        for (const p of c.pages()) {
          try {
            await saveArtefact(dir, `failure-${i++}.png`, await p.screenshot({ type: 'png', timeout: 5000 }));
          } catch { /* page may be gone */ }
        }
      }
    }
    for (const c of contexts) await c.close().catch(() => {});
    for (const f of cleanups.reverse()) await f().catch(() => {});
  };

  return t;
}

export function distProblem(dist) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    return `no app in ${dist} (index.html missing; hint: tools/build wasm)`;
  }
  return null;
}
