// Benchmark: download size of the app (issue 3, bar: wasm + js ≤ 1.2 MB gzipped).
// Measures app.wasm, app.js and boot.js raw and gzip -9 (the `gzip` binary
// when present, node's zlib at level 9 otherwise), their total, and lists the
// other files of dist/ (fonts, icons) for context.
//   node bench/size.mjs [--dist DIR]

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { args, kB, MB, writeResult } from './lib.mjs';

const TARGET_GZIP = 1.2e6; // bytes, decimal megabytes
const CODE = ['app.wasm', 'app.js', 'boot.js'];

function gzipSize(file) {
  try {
    return { bytes: execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 30 }).length, tool: 'gzip -9' };
  } catch {
    return { bytes: zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length, tool: 'zlib level 9' };
  }
}

function walk(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p)];
  });
}

const o = args();
if (!fs.existsSync(path.join(o.dist, 'app.wasm'))) {
  console.error(`bench: error: no app.wasm in ${o.dist} (hint: tools/build wasm)`);
  process.exit(1);
}

let tool = '';
const rows = [];
let raw = 0, gz = 0;
for (const f of CODE) {
  const file = path.join(o.dist, f);
  if (!fs.existsSync(file)) { rows.push([f, 'missing', '']); continue; }
  const r = fs.statSync(file).size;
  const g = gzipSize(file);
  tool = g.tool;
  raw += r; gz += g.bytes;
  rows.push([f, kB(r), kB(g.bytes)]);
}
rows.push(['**total**', `**${kB(raw)}**`, `**${kB(gz)}**`]);

const others = walk(o.dist).filter((f) => !CODE.includes(f)).sort();
const otherRows = others.map((f) => {
  const file = path.join(o.dist, f);
  return [f, kB(fs.statSync(file).size), kB(gzipSize(file).bytes)];
});

const file = writeResult({
  id: 'size',
  title: 'Download size',
  order: 10,
  environment: { dist: path.relative(process.cwd(), o.dist) || o.dist, compressor: tool },
  figures: [
    { name: 'wasm + js, raw', value: raw, unit: 'B', display: MB(raw) },
    { name: 'wasm + js, gzip -9', value: gz, unit: 'B', display: MB(gz), target: TARGET_GZIP, targetDisplay: '≤ 1.2 MB', met: gz <= TARGET_GZIP },
  ],
  tables: [
    { caption: 'Code (app.wasm, app.js, boot.js)', columns: ['file', 'raw', 'gzip -9'], rows },
    { caption: 'Other files of dist/ (fetched once, then served by the service worker)', columns: ['file', 'raw', 'gzip -9'], rows: otherRows },
  ],
  notes: [`gzip sizes measured with ${tool}; 1 MB = 10^6 bytes.`],
});
console.log(`size: wasm+js ${MB(raw)} raw, ${MB(gz)} gzipped (target ≤ 1.2 MB: ${gz <= TARGET_GZIP ? 'met' : 'MISSED'}) -> ${path.relative(process.cwd(), file)}`);
