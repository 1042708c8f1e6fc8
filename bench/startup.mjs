// Benchmark: cold start to the first frame in headless Chromium (issue 3, bar:
// first frame ≤ 1.5 s after navigation on this machine).
// Each run launches Chromium with a fresh profile (no HTTP cache, no code
// cache, no service worker), opens dist/ served from 127.0.0.1 in a 1024x768
// page and reads __bb.firstFrameMs: performance.now() at the first drawn
// frame, i.e. milliseconds since navigation start. The median of --runs runs
// (default 5) is the figure. Measured alongside for context: a warm start
// (reload through the service worker, same profile), the cold app in a browser
// that already runs and has drawn WebGL before, and where the cold start goes.
//   node bench/startup.mjs [--dist DIR] [--runs N]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, waitReady, CHROMIUM_ARGS } from '../tests/browser/lib/harness.mjs';
import { startServer } from '../tools/serve.mjs';
import { args, makeFloorPage, median, writeResult } from './lib.mjs';

const TARGET_MS = 1500;
const o = args({ runs: 5 });
if (!fs.existsSync(path.join(o.dist, 'index.html'))) {
  console.error(`bench: error: no app in ${o.dist} (hint: tools/build wasm)`);
  process.exit(1);
}

const srv = await startServer({ root: o.dist, port: 0 });
// Timing on a busy machine is not a figure: note the load in the result.
const loadBefore = os.loadavg()[0];
const cold = [], warm = [], loadMs = [], wasmMs = [], running = [];
const phases = { bootScript: [], moduleReady: [], fontsFetched: [], glContext: [], started: [], nextAnimationFrame: [] };
const runningPhases = { bootScript: [], moduleReady: [], fontsFetched: [], glContext: [], started: [], glContextMs: [], fontAtlasMs: [] };

// The app, cold (new context: no cache, no storage, no service worker), in a
// browser that already runs and has drawn WebGL before: as on a tablet, where
// the browser is open and its GPU process is up. Software GL needs about a
// second to create its first context in a new browser process; that one-time
// cost is the browser's, not the page's, and is what the cold figure includes.
async function coldAppInRunningBrowser() {
  const browser = await launchChromium();
  try {
    const other = await browser.newContext();
    const blank = await other.newPage();
    await blank.setContent('<canvas></canvas>');
    await blank.evaluate(() => document.querySelector('canvas').getContext('webgl2'));
    await other.close();
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(srv.url, { waitUntil: 'load' });
    await waitReady(page, 60000);
    const t = await page.evaluate(() => window.__bb.timings);
    for (const k of Object.keys(runningPhases)) runningPhases[k].push(t?.[k] ?? NaN);
    return t.firstFrame;
  } finally {
    await browser.close();
  }
}
// The floor: a page with nothing but a canvas that draws one WebGL2 frame, in a
// freshly launched browser, served the same way. No app can draw its first
// frame earlier than this on this machine; the gap above it is the app's.
const floorDir = makeFloorPage();
const floorSrv = await startServer({ root: floorDir, port: 0 });
const floor = [];
async function blankWebglFrameInNewBrowser() {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(floorSrv.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bb?.firstFrameMs > 0, null, { timeout: 60000 });
    return await page.evaluate(() => window.__bb.firstFrameMs);
  } finally {
    await browser.close();
  }
}
let chromiumVersion = '';
let appVersion = '';
try {
  for (let i = 0; i < o.runs; i++) {
    const browser = await launchChromium();
    chromiumVersion = browser.version();
    try {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await page.goto(srv.url, { waitUntil: 'load' });
      await waitReady(page, 60000);
      await page.waitForFunction(() => window.__bb.timings.nextAnimationFrame > 0, null, { timeout: 30000 });
      const r = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
        return { first: window.__bb.firstFrameMs, load: nav ? nav.loadEventEnd : NaN, wasm: wasm ? wasm.responseEnd : NaN, version: window.__bb.version, timings: window.__bb.timings };
      });
      for (const k of Object.keys(phases)) phases[k].push(r.timings?.[k] ?? NaN);
      cold.push(r.first);
      loadMs.push(r.load);
      wasmMs.push(r.wasm);
      appVersion = r.version;
      // Warm: the service worker serves everything, V8 may reuse compiled code.
      await page.waitForFunction(() => navigator.serviceWorker?.getRegistration().then((x) => !!x?.active), null, { timeout: 30000 }).catch(() => {});
      await page.reload({ waitUntil: 'load' });
      await waitReady(page, 60000);
      warm.push(await page.evaluate(() => window.__bb.firstFrameMs));
    } finally {
      await browser.close();
    }
    running.push(await coldAppInRunningBrowser());
    floor.push(await blankWebglFrameInNewBrowser());
    console.log(`startup: run ${i + 1}/${o.runs}: cold ${cold.at(-1).toFixed(0)} ms, warm ${warm.at(-1).toFixed(0)} ms, cold app in a running browser ${running.at(-1).toFixed(0)} ms, blank WebGL2 page in a new browser ${floor.at(-1).toFixed(0)} ms`);
  }
} finally {
  await srv.close();
  await floorSrv.close();
  fs.rmSync(floorDir, { recursive: true, force: true });
}

const med = median(cold);
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
const file = writeResult({
  id: 'startup',
  title: 'Cold start to first frame',
  order: 20,
  environment: {
    chromium: chromiumVersion,
    flags: CHROMIUM_ARGS.join(' ') + ' (headless, fresh profile per run)',
    viewport: '1024x768, devicePixelRatio 1',
    app: appVersion,
    runs: o.runs,
    'load average (1 min) before / after': `${loadBefore.toFixed(2)} / ${os.loadavg()[0].toFixed(2)} on ${os.availableParallelism?.() ?? os.cpus().length} cores`,
  },
  figures: [
    { name: 'first frame after navigation, cold (median)', value: med, unit: 'ms', display: `${med.toFixed(0)} ms`, target: TARGET_MS, targetDisplay: '≤ 1500 ms', met: med <= TARGET_MS },
    { name: 'floor: first frame of a blank WebGL2 page in a newly launched browser (median)', value: median(floor), unit: 'ms', display: `${median(floor).toFixed(0)} ms` },
    { name: 'cold start above that floor (median of cold minus median of floor)', value: med - median(floor), unit: 'ms', display: `${(med - median(floor)).toFixed(0)} ms` },
    { name: 'next animation frame after the first frame, cold (median; the floor is measured so)', value: median(phases.nextAnimationFrame), unit: 'ms', display: `${median(phases.nextAnimationFrame).toFixed(0)} ms` },
    { name: 'first frame after navigation, cold app in a running browser (median)', value: median(running), unit: 'ms', display: `${median(running).toFixed(0)} ms` },
    { name: 'first frame after navigation, warm reload (median)', value: median(warm), unit: 'ms', display: `${median(warm).toFixed(0)} ms` },
    { name: 'load event, cold (median)', value: median(loadMs), unit: 'ms', display: `${median(loadMs).toFixed(0)} ms` },
    { name: 'app.wasm downloaded, cold (median)', value: median(wasmMs), unit: 'ms', display: `${median(wasmMs).toFixed(0)} ms` },
  ],
  tables: [{ caption: 'Each run (ms)', columns: ['', 'runs'], rows: [['cold first frame', fmt(cold)], ['warm first frame', fmt(warm)], ['cold load event', fmt(loadMs)], ['cold app.wasm downloaded', fmt(wasmMs)], ['cold app in a running browser', fmt(running)], ['blank WebGL2 page in a new browser (the floor)', fmt(floor)]] },
    { caption: 'Where the cold start goes (ms since navigation, each run; from __bb.timings)', columns: ['', 'runs'],
      rows: [['boot.js starts', fmt(phases.bootScript)], ['wasm module ready', fmt(phases.moduleReady)],
             ['fonts in memory', fmt(phases.fontsFetched)], ['WebGL2 context created (UI set up)', fmt(phases.glContext)],
             ['app started (font atlas, GL objects)', fmt(phases.started)],
             ['first frame drawn', fmt(cold)], ['next animation frame', fmt(phases.nextAnimationFrame)]] },
    { caption: 'Where the cold app in a running browser spends its time (ms since navigation unless named a duration; each run)', columns: ['', 'runs'],
      rows: [['boot.js starts', fmt(runningPhases.bootScript)], ['wasm module ready', fmt(runningPhases.moduleReady)],
             ['fonts in memory', fmt(runningPhases.fontsFetched)], ['WebGL2 context created (UI set up)', fmt(runningPhases.glContext)],
             ['app started (font atlas, GL objects)', fmt(runningPhases.started)],
             ['duration: WebGL2 context and UI set-up', fmt(runningPhases.glContextMs)], ['duration: font atlas', fmt(runningPhases.fontAtlasMs)]] }],
  notes: ['Navigation start is performance.timeOrigin; __bb.firstFrameMs is performance.now() when the first frame was drawn (its GL commands issued). The floor page takes its time one animation frame after its clear; the app\'s "next animation frame" figure is the like one.',
    'Software rendering (SwiftShader): a tablet GPU draws faster, but wasm compilation and font atlas building are CPU-bound here as there.'],
});
if (loadBefore > 1) console.log(`startup: note: load average was ${loadBefore.toFixed(2)}; other work on the machine slows these figures`);
console.log(`startup: first frame median ${med.toFixed(0)} ms (target ≤ ${TARGET_MS} ms: ${med <= TARGET_MS ? 'met' : 'MISSED'}) -> ${path.relative(process.cwd(), file)}`);
