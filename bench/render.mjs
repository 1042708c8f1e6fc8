// Writes bench/README.md from every bench/results/*.json (see lib.mjs for the
// result format), one section per result, ordered by `order`. A new benchmark
// only has to write its JSON; it appears here on the next `tools/bench`.
//   node bench/render.mjs

import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, RESULTS_DIR } from './lib.mjs';

const results = fs.existsSync(RESULTS_DIR)
  ? fs.readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json')).sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), 'utf8')))
  : [];
results.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));

const esc = (s) => String(s).replace(/\|/g, '\\|');
const table = (columns, rows) =>
  [`| ${columns.map(esc).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
const mark = (f) => (f.met === true ? 'met' : f.met === false ? '**missed**' : '');

const out = [];
out.push('# Benchmarks');
out.push('');
out.push('Written by `tools/bench` (bench/render.mjs from bench/results/*.json); do not edit by hand.');
out.push('Benchmarks report figures against targets; they never fail the test run.');
out.push('');

// Machines: normally one; list each distinct machine once.
const machines = new Map();
for (const r of results) machines.set(JSON.stringify(r.machine), r.machine);
out.push('## Machine');
out.push('');
for (const m of machines.values()) {
  out.push(`- CPU: ${m.cpu}, ${m.nproc} cores (nproc)`);
  out.push(`- RAM: ${m.ramGiB} GiB`);
  out.push(`- OS: ${m.os}; node ${m.node}`);
}
const chromium = [...new Set(results.map((r) => r.environment?.chromium).filter(Boolean))];
if (chromium.length) out.push(`- Chromium: ${chromium.join(', ')}`);
out.push('');

out.push('## Summary');
out.push('');
const summary = results.flatMap((r) => r.figures.filter((f) => f.target !== undefined)
  .map((f) => [r.title, f.name, f.display ?? `${f.value} ${f.unit}`, f.targetDisplay ?? String(f.target), mark(f), r.measuredAt.slice(0, 10)]));
out.push(summary.length ? table(['benchmark', 'figure', 'value', 'target', 'status', 'date'], summary) : 'No results yet: run `tools/bench`.');
out.push('');

for (const r of results) {
  out.push(`## ${r.title}`);
  out.push('');
  out.push(`Measured ${r.measuredAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} by \`bench/${r.id}.mjs\`.`);
  out.push('');
  out.push(table(['figure', 'value', 'target', 'status'], r.figures.map((f) => [f.name, f.display ?? `${f.value} ${f.unit}`, f.targetDisplay ?? '', mark(f)])));
  out.push('');
  for (const t of r.tables ?? []) {
    out.push(`${t.caption}:`);
    out.push('');
    out.push(table(t.columns, t.rows));
    out.push('');
  }
  const env = Object.entries(r.environment ?? {});
  if (env.length) {
    for (const [k, v] of env) out.push(`- ${k}: ${v}`);
    out.push('');
  }
  for (const n of r.notes ?? []) out.push(`- ${n}`);
  if (r.notes?.length) out.push('');
}

out.push('## Adding a benchmark');
out.push('');
out.push('Write `bench/<topic>.mjs` that measures and calls `writeResult({id, title, order, figures, tables, notes})`');
out.push('from `bench/lib.mjs`, and add it to the list in `tools/bench`. See docs/testing.md.');
out.push('');

fs.writeFileSync(path.join(BENCH_DIR, 'README.md'), out.join('\n'));
console.log(`bench: wrote bench/README.md (${results.length} result(s))`);
