// Start-up A/B: cold first frame of several builds, interleaved run by run, with
// the floor (a blank WebGL2 page) among them. On a shared machine the load
// changes by the minute; interleaving puts every variant under the same load,
// so only differences that repeat round after round count. Writes no result
// (bench/startup.mjs gives the figure of record).
//   node bench/startup_ab.mjs [--runs N] DIR_A DIR_B ...   (each DIR: a built dist/)

import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, waitReady, sleep } from '../tests/browser/lib/harness.mjs';
import { startServer } from '../tools/serve.mjs';
import { makeFloorPage, median } from './lib.mjs';

const argv = process.argv.slice(2);
let runs = 7;
const dirs = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--runs') runs = Number(argv[++i]);
  else dirs.push(path.resolve(argv[i]));
}
if (dirs.length === 0 || dirs.some((d) => !fs.existsSync(path.join(d, 'index.html')))) {
  console.error('startup_ab: error: give built dist folders (hint: copy dist/ after tools/build wasm)');
  process.exit(2);
}
const floorDir = makeFloorPage();
const names = [...dirs.map((d, i) => `${String.fromCharCode(65 + i)} ${path.basename(d)}`), 'floor'];
const servers = [];
for (const d of [...dirs, floorDir]) servers.push(await startServer({ root: d, port: 0 }));
const first = names.map(() => []);
const phases = names.map(() => ({}));
const loads = [];
try {
  for (let r = 0; r < runs; r++) {
    const order = names.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const browser = await launchChromium();
      try {
        const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
        await page.goto(servers[i].url, { waitUntil: 'load' });
        await waitReady(page, 60000);
        const x = await page.evaluate(() => ({ first: window.__bb.firstFrameMs, t: window.__bb.timings }));
        first[i].push(x.first);
        for (const [k, v] of Object.entries(x.t || {})) (phases[i][k] ??= []).push(v);
      } finally {
        await browser.close();
      }
      await sleep(1000);  // the closed browser's processes end before the next one starts
    }
    loads.push(os.loadavg()[0]);
    console.log(`round ${r + 1}: ${names.map((n, i) => `${n} ${first[i].at(-1).toFixed(0)}`).join(', ')} (load ${loads.at(-1).toFixed(2)})`);
  }
} finally {
  for (const s of servers) await s.close();
  fs.rmSync(floorDir, { recursive: true, force: true });
}
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
console.log(`load average (1 min) per round: ${loads.map((l) => l.toFixed(2)).join(', ')}`);
for (let i = 0; i < names.length; i++) {
  console.log(`${names[i]}: first frame median ${median(first[i]).toFixed(0)} ms [${fmt(first[i])}]`);
  for (const [k, v] of Object.entries(phases[i])) console.log(`    ${k}: ${median(v).toFixed(0)} [${fmt(v)}]`);
}
