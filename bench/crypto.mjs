// Benchmark: age encryption and backups (issue 8). The browser build (wasm in
// headless Chromium: __bb.test.ageThroughput, src/app/crypto_bench_web.cpp) and
// the `begleitbuch` CLI (src/crypto via `begleitbuch age`) against the
// reference `age` CLI on the same 50 MB in the same run (goal: the browser at
// least 0.5 of the CLI's throughput), and `begleitbuch backup` / `restore` of
// the demo store (`begleitbuch demo`, 10,000 families).
// Writes bench/results/crypto.json.
//
//   node bench/crypto.mjs [--cli PATH] [--dist DIR] [--mb 50] [--families 10000] [--runs 3]
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, waitReady } from '../tests/browser/lib/harness.mjs';
import { startServer } from '../tools/serve.mjs';
import { args, machine, median, writeResult, REPO_ROOT, MB } from './lib.mjs';

// The age round trip in the browser build: `runs` times, median of each direction.
async function browserThroughput(dist, mb, runs) {
  const srv = await startServer({ root: dist, port: 0 });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await context.addInitScript(() => { self.__bbTestHooks = true; });
    const page = await context.newPage();
    await page.goto(srv.url, { waitUntil: 'load' });
    await waitReady(page, 60000);
    const enc = [], dec = [];
    for (let i = 0; i < runs; i++) {
      const r = await page.evaluate((n) => window.__bb.test.ageThroughput(n), mb);
      if (r.error) throw new Error(`browser age round trip: ${r.error}`);
      enc.push(r.encrypt_ms);
      dec.push(r.decrypt_ms);
    }
    return { encMs: median(enc), decMs: median(dec), version: browser.version() };
  } finally {
    await browser.close();
    await srv.close();
  }
}

const o = args({ cli: path.join(REPO_ROOT, 'build/native/src/begleitbuch'), mb: '50', families: '10000', runs: '3' });
if (!fs.existsSync(path.join(o.dist, 'index.html'))) {
  console.error(`bench: error: no app in ${o.dist} (hint: tools/build wasm)`);
  process.exit(1);
}
const cli = path.resolve(o.cli);
const bytes = Number(o.mb) * 1e6;
const runs = Number(o.runs);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-crypto-'));
const f = (name) => path.join(work, name);
const run = (cmd, argv, opts = {}) => execFileSync(cmd, argv, { stdio: ['pipe', 'pipe', 'pipe'], ...opts });
const time = (fn) => {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(xs);
};

try {
  fs.writeFileSync(f('plain'), crypto.randomBytes(bytes));
  run('age-keygen', ['-o', f('key')]);
  const recipient = fs.readFileSync(f('key'), 'utf8').match(/age1[a-z0-9]+/)[0];

  const bbEnc = time(() => run(cli, ['age', 'encrypt', '-r', recipient, '-o', f('bb.age'), f('plain')]));
  const ageEnc = time(() => run('age', ['-e', '-r', recipient, '-o', f('age.age'), f('plain')]));
  const bbDec = time((i) => run(cli, ['age', 'decrypt', '-i', f('key'), '-o', f(`bb.out${i}`), f('age.age')]));
  const ageDec = time((i) => run('age', ['-d', '-i', f('key'), '-o', f(`age.out${i}`), f('bb.age')]));
  const mbps = (ms) => bytes / 1e6 / (ms / 1000);
  const web = await browserThroughput(o.dist, Number(o.mb), runs);

  // Backup and restore of the demo store.
  const pass = 'Hauskatze Mondschein Zugvogel';
  fs.writeFileSync(f('pass'), `${pass}\n`);
  run(cli, ['init', f('store.db'), '--passphrase-file', f('pass')]);
  run(cli, ['demo', f('store.db'), '--families', o.families, '--seed', '1', '--passphrase-file', f('pass')]);
  const storeBytes = fs.statSync(f('store.db')).size;
  const backupMs = time(() => run(cli, ['backup', f('store.db'), '-o', f('b.age'), '--passphrase-file', f('pass')]));
  const restoreMs = time((i) =>
    run(cli, ['restore', f(`r${i}.db`), f('b.age'), '--passphrase-file', f('pass')]));

  const fig = (name, value, unit, display, extra = {}) => ({ name, value, unit, display, ...extra });
  writeResult({
    measuredAt: new Date().toISOString(),
    machine: machine(),
    id: 'crypto',
    title: 'age encryption and backup',
    order: 40,
    environment: { cli: path.relative(REPO_ROOT, cli), chromium: web.version, payload: MB(bytes), runs, families: Number(o.families) },
    figures: [
      fig('encrypt, browser build (wasm)', mbps(web.encMs), 'MB/s', `${mbps(web.encMs).toFixed(0)} MB/s`),
      fig('browser encrypt ratio (wasm / age CLI)', ageEnc / web.encMs, 'x', (ageEnc / web.encMs).toFixed(2),
        { target: 0.5, targetDisplay: '≥ 0.5', met: ageEnc / web.encMs >= 0.5 }),
      fig('decrypt, browser build (wasm)', mbps(web.decMs), 'MB/s', `${mbps(web.decMs).toFixed(0)} MB/s`),
      fig('browser decrypt ratio (wasm / age CLI)', ageDec / web.decMs, 'x', (ageDec / web.decMs).toFixed(2),
        { target: 0.5, targetDisplay: '≥ 0.5', met: ageDec / web.decMs >= 0.5 }),
      fig('encrypt, begleitbuch age', mbps(bbEnc), 'MB/s', `${mbps(bbEnc).toFixed(0)} MB/s`),
      fig('encrypt, age CLI', mbps(ageEnc), 'MB/s', `${mbps(ageEnc).toFixed(0)} MB/s`),
      fig('encrypt ratio (begleitbuch / age)', ageEnc / bbEnc, 'x', (ageEnc / bbEnc).toFixed(2),
        { target: 0.5, targetDisplay: '≥ 0.5', met: ageEnc / bbEnc >= 0.5 }),
      fig('decrypt, begleitbuch age', mbps(bbDec), 'MB/s', `${mbps(bbDec).toFixed(0)} MB/s`),
      fig('decrypt, age CLI', mbps(ageDec), 'MB/s', `${mbps(ageDec).toFixed(0)} MB/s`),
      fig('decrypt ratio (begleitbuch / age)', ageDec / bbDec, 'x', (ageDec / bbDec).toFixed(2),
        { target: 0.5, targetDisplay: '≥ 0.5', met: ageDec / bbDec >= 0.5 }),
      fig('demo store size', storeBytes, 'B', MB(storeBytes)),
      fig('backup (scrypt 2^18 + snapshot + encrypt)', backupMs, 'ms', `${backupMs.toFixed(0)} ms`),
      fig('restore (decrypt + validate + write + Argon2id open)', restoreMs, 'ms', `${restoreMs.toFixed(0)} ms`),
    ],
    notes: ['The CLI figures include starting the process and reading and writing files; the browser figure is the round trip in memory (the file a handover or backup is offered as).',
      'The browser build encrypts with libsodium compiled to wasm (no SIMD); the age CLI uses assembly.'],
  });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
