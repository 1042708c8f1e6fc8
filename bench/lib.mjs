// Shared by the benchmark scripts in bench/: where results go, what machine
// they were measured on, and small statistics. Each script measures one topic
// and writes bench/results/<id>.json; bench/render.mjs turns all results into
// bench/README.md. Benchmarks are never tests: a missed target is reported,
// not failed (ARCHITECTURE.md, "Tests", point 6).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BENCH_DIR = here;
export const RESULTS_DIR = path.join(here, 'results');
export const REPO_ROOT = path.resolve(here, '..');
export const DEFAULT_DIST = path.join(REPO_ROOT, 'dist');

/** The machine the figures belong to. */
export function machine() {
  let cpu = 'unknown';
  try {
    const m = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) cpu = m[1].trim();
  } catch { cpu = os.cpus()[0]?.model ?? 'unknown'; }
  let ramKiB = os.totalmem() / 1024;
  try {
    const m = fs.readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s*(\d+)\s*kB/m);
    if (m) ramKiB = Number(m[1]);
  } catch { /* keep os.totalmem */ }
  let osName = `${os.type()} ${os.release()}`;
  try {
    const m = fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?$/m);
    if (m) osName = m[1];
  } catch { /* keep uname */ }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    ramGiB: Math.round((ramKiB / 1024 / 1024) * 10) / 10,
    os: osName,
    node: process.version,
  };
}

/** Parses --dist DIR and --runs N (and --key value pairs in general). */
export function args(defaults = {}) {
  const o = { dist: DEFAULT_DIST, ...defaults };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    if (!a[i].startsWith('--')) throw new Error(`unexpected argument '${a[i]}'`);
    const [k, v] = a[i].includes('=') ? a[i].slice(2).split(/=(.*)/) : [a[i].slice(2), a[++i]];
    if (v === undefined) throw new Error(`option --${k} needs a value`);
    o[k] = k === 'dist' ? path.resolve(v) : /^\d+$/.test(v) ? Number(v) : v;
  }
  return o;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * Writes bench/results/<id>.json. A result is
 * { id, title, order, measuredAt, machine, environment?, figures: [
 *     { name, value, unit, display?, target?, targetDisplay?, met? } ],
 *   tables?: [{ caption, columns: [...], rows: [[...]] }], notes?: [...] }.
 * `order` sorts the sections of README.md; `met` is true/false when a target applies.
 */
export function writeResult(result) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const full = { measuredAt: new Date().toISOString(), machine: machine(), ...result };
  const file = path.join(RESULTS_DIR, `${result.id}.json`);
  fs.writeFileSync(file, JSON.stringify(full, null, 2) + '\n');
  return file;
}

export const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
export const MB = (n) => `${(n / 1e6).toFixed(3)} MB`;

/**
 * The start-up floor: a folder with a page that has nothing but a canvas and
 * draws one WebGL2 frame, then sets window.__bb like the app (ready,
 * firstFrameMs). No app can draw its first frame earlier on this machine.
 */
export function makeFloorPage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-floor-'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><canvas width="1024" height="768"></canvas>
<script>
const gl = document.querySelector('canvas').getContext('webgl2');
requestAnimationFrame(() => { gl.clearColor(0.96, 0.95, 0.93, 1); gl.clear(gl.COLOR_BUFFER_BIT);
  requestAnimationFrame(() => { window.__bb = { ready: true, firstFrameMs: performance.now(), timings: {} }; }); });
</script>`);
  return dir;
}
