// Benchmark: age encryption and backups (issue 8). Native for now: the
// `begleitbuch` CLI (src/crypto via `begleitbuch age`) against the reference
// `age` CLI on the same 50 MB in the same run, and `begleitbuch backup` /
// `restore` of the demo store (`begleitbuch demo`, 10,000 families).
// Writes bench/results/crypto.json. The browser figure (wasm vs native age,
// goal ratio >= 0.5) is still to come.
//
//   node bench/crypto.mjs [--cli PATH] [--mb 50] [--families 10000] [--runs 3]
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { args, machine, median, writeResult, REPO_ROOT, MB } from './lib.mjs';

const o = args({ cli: path.join(REPO_ROOT, 'build/native/src/begleitbuch'), mb: '50', families: '10000', runs: '3' });
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
    title: 'age encryption and backup (native)',
    order: 40,
    environment: { cli: path.relative(REPO_ROOT, cli), payload: MB(bytes), runs, families: Number(o.families) },
    figures: [
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
  });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
