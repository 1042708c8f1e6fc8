// Benchmark: the browser store (issue 4). Save latency = one one-row change
// (one transaction) from the commit until IndexedDB reported 'complete' for
// its record ({durability: 'strict'}), p50/p95 at database sizes of about
// 1 MB and 50 MB, and the ratio of the p95s (targets: p95 ≤ 30 ms, ratio ≤
// 1.5: the cost grows with the change, not with the database). Unlock time at
// 50 MB: reading every page from IndexedDB at start-up (store.js) plus the
// unlock itself (Argon2id key derivation, schema read, migration check).
//   node bench/store.mjs [--dist DIR] [--runs N]   (N: saves per size, default 60)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, waitReady, createStore, waitSessionState, CHROMIUM_ARGS, TEST_PASSPHRASE } from '../tests/browser/lib/harness.mjs';
import { startServer } from '../tools/serve.mjs';
import { args, median, writeResult } from './lib.mjs';

const o = args({ runs: 60 });
if (!fs.existsSync(path.join(o.dist, 'index.html'))) {
  console.error(`bench: error: no app in ${o.dist} (hint: tools/build wasm)`);
  process.exit(1);
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

const srv = await startServer({ root: o.dist, port: 0 });
const loadBefore = os.loadavg()[0];
const sizes = [{ name: '1 MB', bytes: 1e6 }, { name: '50 MB', bytes: 50e6 }];
const results = {};
let chromiumVersion = '', unlock = null;
try {
  for (const size of sizes) {
    const browser = await launchChromium();
    chromiumVersion = browser.version();
    try {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      await context.addInitScript(() => { self.__bbTestHooks = true; });
      const page = await context.newPage();
      await page.goto(srv.url, { waitUntil: 'load' });
      await waitReady(page, 60000);
      await createStore(page);
      // Grow the database in steps of ~5 MB (one transaction each).
      for (;;) {
        const pages = (await page.evaluate(() => window.__bb.storeCheck())).pages;
        if (pages * 4096 >= size.bytes) break;
        // A 1900-byte row takes a leaf cell and an overflow page (WITHOUT ROWID
        // tables keep ~1 KB in the leaf): about 1.5 pages; approach the size in steps.
        const rows = Math.min(2500, Math.max(10, Math.ceil((size.bytes - pages * 4096) / 8000)));
        await page.evaluate((r) => window.__bb.test.fill(r, 1900), rows);
      }
      const dbPages = (await page.evaluate(() => window.__bb.storeCheck())).pages;
      // With the UI drawing as it does after every save (3 frames, software GL
      // here), then the store path alone: frames stopped (rAF swallowed).
      const withFrames = [];
      for (let i = 0; i < o.runs + 5; i++) {
        const ms = await page.evaluate((k) => window.__bb.test.writeTimed(k), i + 1);
        if (i >= 5) withFrames.push(ms);  // the first few warm up the page cache
        await page.waitForTimeout(30);
      }
      await page.evaluate(() => { window.requestAnimationFrame = () => 0; });
      const times = [];
      for (let i = 0; i < o.runs + 5; i++) {
        const ms = await page.evaluate((k) => window.__bb.test.writeTimed(k), 100000 + i);
        if (i >= 5) times.push(ms);
      }
      results[size.name] = { times, withFrames, dbBytes: dbPages * 4096 };
      console.log(`store: ${size.name} (${(dbPages * 4096 / 1e6).toFixed(1)} MB): save p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms; with frames drawn p50 ${pct(withFrames, 50).toFixed(1)} ms, p95 ${pct(withFrames, 95).toFixed(1)} ms`);
      if (size.bytes === 50e6) {
        const runs = [];
        for (let i = 0; i < 3; i++) {
          await page.reload({ waitUntil: 'load' });
          await waitReady(page, 60000);
          await waitSessionState(page, 'locked');
          const loadMs = await page.evaluate(() => window.__bb.storage().loadMs);
          const unlockMs = await page.evaluate((p) => window.__bb.test.unlockTimed(p), TEST_PASSPHRASE);
          runs.push({ loadMs, unlockMs, total: loadMs + unlockMs });
          console.log(`store: 50 MB unlock run ${i + 1}: IndexedDB read ${loadMs.toFixed(0)} ms + unlock ${unlockMs.toFixed(0)} ms`);
        }
        unlock = runs;
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await srv.close();
}

const small = results['1 MB'], big = results['50 MB'];
const p95s = pct(small.times, 95), p95b = pct(big.times, 95);
const ratio = p95b / p95s;
const unlockMed = median(unlock.map((r) => r.total));
const f1 = (x) => `${x.toFixed(1)} ms`;
const file = writeResult({
  id: 'store',
  title: 'Browser store: save latency and unlock',
  order: 30,
  environment: {
    chromium: chromiumVersion,
    flags: CHROMIUM_ARGS.join(' ') + ' (headless, fresh profile per size)',
    saves: `${o.runs} one-row changes per size (after 5 warm-up saves)`,
    'database sizes': `${(small.dbBytes / 1e6).toFixed(1)} MB and ${(big.dbBytes / 1e6).toFixed(1)} MB`,
    'load average (1 min) before / after': `${loadBefore.toFixed(2)} / ${os.loadavg()[0].toFixed(2)} on ${os.availableParallelism?.() ?? os.cpus().length} cores`,
  },
  figures: [
    { name: 'save latency p50, 1 MB', value: pct(small.times, 50), unit: 'ms', display: f1(pct(small.times, 50)) },
    { name: 'save latency p95, 1 MB', value: p95s, unit: 'ms', display: f1(p95s), target: 30, targetDisplay: '≤ 30 ms', met: p95s <= 30 },
    { name: 'save latency p50, 50 MB', value: pct(big.times, 50), unit: 'ms', display: f1(pct(big.times, 50)) },
    { name: 'save latency p95, 50 MB', value: p95b, unit: 'ms', display: f1(p95b), target: 30, targetDisplay: '≤ 30 ms', met: p95b <= 30 },
    { name: 'p95 ratio 50 MB / 1 MB', value: ratio, unit: '', display: ratio.toFixed(2), target: 1.5, targetDisplay: '≤ 1.5', met: ratio <= 1.5 },
    { name: 'unlock at 50 MB: IndexedDB read + key derivation + open (median of 3)', value: unlockMed, unit: 'ms', display: `${unlockMed.toFixed(0)} ms` },
    { name: 'save latency p95 with the UI drawing its frames meanwhile, 1 MB', value: pct(small.withFrames, 95), unit: 'ms', display: f1(pct(small.withFrames, 95)) },
    { name: 'save latency p95 with the UI drawing its frames meanwhile, 50 MB', value: pct(big.withFrames, 95), unit: 'ms', display: f1(pct(big.withFrames, 95)) },
  ],
  tables: [{
    caption: 'Unlock at 50 MB, each run (ms)',
    columns: ['IndexedDB read at start-up', 'unlock (Argon2id + open)', 'total'],
    rows: unlock.map((r) => [r.loadMs.toFixed(0), r.unlockMs.toFixed(0), r.total.toFixed(0)]),
  }],
  notes: [
    'Save latency: performance.now() before the one-row UPDATE (one transaction through the core) until the IndexedDB transaction of its commit record fired complete; the record holds only the changed (encrypted) pages.',
    'The save-latency targets are measured on the store path alone (requestAnimationFrame swallowed, so no frame is drawn meanwhile). With frames, the IndexedDB complete event waits behind the three frames the app draws after a save; here they are rendered by SwiftShader on the CPU (tens of ms each on this shared 2-core machine), on a tablet GPU a frame takes a few ms.',
    'The IndexedDB read happens while app.wasm loads, before the lock screen; the unlock figure is the call to Session::unlock (Argon2id t=2, m=19 MiB, then the schema read).',
  ],
});
console.log(`store: p95 ${f1(p95s)} / ${f1(p95b)}, ratio ${ratio.toFixed(2)}, unlock at 50 MB ${unlockMed.toFixed(0)} ms -> ${path.relative(process.cwd(), file)}`);
