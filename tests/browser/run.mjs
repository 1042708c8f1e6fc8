#!/usr/bin/env node
// Browser test runner: serves dist/ on a free port, launches Debian's Chromium
// headless through playwright-core, runs every test of tests/browser/*.test.mjs
// in a fresh browser context with a time limit, keeps screenshots under
// artifacts/browser/<test>/, prints one `ok - name` / `not ok - name: reason`
// line per test and ends with exactly one line `browser: N passed, M failed`.
// Exit code 1 on any failure.
//
//   node tests/browser/run.mjs [--filter SUBSTRING] [--dist DIR] [--timeout MS] [--list]
//
// A test file exports (default or `tests`) an array of {name, fn, timeout?} or
// an object {name: fn | {fn, timeout}}. fn receives the helpers of
// lib/harness.mjs (makeTestContext). See docs/testing.md.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_DIST = path.join(REPO, 'dist');
// The harness pulls in playwright-core: loaded in main() so that a missing
// install still ends with the summary line.
let ARTIFACTS_DIR, distProblem, launchChromium, makeTestContext, slug;

const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_TIMEOUT = 60000;

function parseArgs(argv) {
  const o = { filter: '', dist: DEFAULT_DIST, timeout: DEFAULT_TIMEOUT, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`option ${a} needs a value`);
      return argv[++i];
    };
    if (a === '--filter') o.filter = val();
    else if (a.startsWith('--filter=')) o.filter = a.slice(9);
    else if (a === '--dist') o.dist = path.resolve(val());
    else if (a.startsWith('--dist=')) o.dist = path.resolve(a.slice(7));
    else if (a === '--timeout') o.timeout = Number(val());
    else if (a === '--list') o.list = true;
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown option '${a}' (hint: --filter SUBSTRING, --dist DIR, --timeout MS, --list)`);
  }
  return o;
}

/** Normalises a test module's export to [{name, fn, timeout, file}]. */
function collect(mod, file) {
  const exp = mod.default ?? mod.tests;
  if (!exp) throw new Error(`${file}: exports no tests (hint: export default [{name, fn}])`);
  const list = Array.isArray(exp)
    ? exp
    : Object.entries(exp).map(([name, v]) => (typeof v === 'function' ? { name, fn: v } : { name, ...v }));
  return list.map((t) => {
    if (!t.name || typeof t.fn !== 'function') throw new Error(`${file}: a test needs a name and a function fn`);
    return { ...t, file };
  });
}

async function discover() {
  const files = (await fsp.readdir(here)).filter((f) => f.endsWith('.test.mjs')).sort();
  const tests = [];
  for (const f of files) tests.push(...collect(await import(pathToFileURL(path.join(here, f))), f));
  const seen = new Set();
  for (const t of tests) {
    if (seen.has(t.name)) throw new Error(`two tests are named '${t.name}'`);
    seen.add(t.name);
  }
  return tests;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms (${what})`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const oneLine = (s) => String(s).split('\n')[0].replace(/\s+/g, ' ').trim();

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`browser: error: ${e.message}`);
    console.log('browser: 0 passed, 1 failed');
    return 2;
  }
  if (opts.help) {
    console.log('usage: node tests/browser/run.mjs [--filter SUBSTRING] [--dist DIR] [--timeout MS] [--list]');
    return 0;
  }

  let tests;
  try {
    ({ ARTIFACTS_DIR, distProblem, launchChromium, makeTestContext, slug } = await import('./lib/harness.mjs'));
  } catch (e) {
    console.log(`not ok - loading the harness: ${oneLine(e.message)} (hint: tools/setup installs playwright-core)`);
    console.log('browser: 0 passed, 1 failed');
    return 1;
  }
  try {
    tests = (await discover()).filter((t) => t.name.includes(opts.filter) || t.file.includes(opts.filter));
  } catch (e) {
    console.log(`not ok - loading the tests: ${oneLine(e.message)}`);
    console.log('browser: 0 passed, 1 failed');
    return 1;
  }
  if (opts.list) {
    for (const t of tests) console.log(`${t.file}: ${t.name}`);
    return 0;
  }
  if (tests.length === 0) {
    console.log(`not ok - no test matches '${opts.filter}'`);
    console.log('browser: 0 passed, 1 failed');
    return 1;
  }

  const problem = distProblem(opts.dist);
  if (problem) {
    console.log(`not ok - the app is built: ${problem}`);
    console.log('browser: 0 passed, 1 failed');
    return 1;
  }

  await fsp.mkdir(ARTIFACTS_DIR, { recursive: true });
  const server = await startServer({ root: opts.dist, port: 0 });
  console.log(`# serving ${opts.dist} at ${server.url}`);
  let browser = await launchChromium();
  console.log(`# chromium ${browser.version()}, ${tests.length} test(s)`);

  let passed = 0, failed = 0;
  for (const test of tests) {
    if (!browser.isConnected()) browser = await launchChromium(); // a crash must not fail the rest
    const dir = path.join(ARTIFACTS_DIR, slug(test.name));
    await fsp.rm(dir, { recursive: true, force: true });
    const t = makeTestContext({ browser, baseUrl: server.url, dist: opts.dist, testName: test.name });
    const t0 = Date.now();
    let error = null;
    try {
      await withTimeout(Promise.resolve().then(() => test.fn(t)), test.timeout ?? opts.timeout, test.name);
    } catch (e) {
      error = e ?? new Error('failed without an error');
    }
    await withTimeout(t.dispose({ failed: !!error }), 20000, 'cleanup').catch(() => {});
    const ms = Date.now() - t0;
    if (!error) {
      passed++;
      console.log(`ok - ${test.name} (${ms} ms)`);
    } else {
      failed++;
      console.log(`not ok - ${test.name}: ${oneLine(error.message ?? error)}`);
      const detail = String(error.message ?? error).split('\n').slice(1, 8);
      for (const l of detail) if (l.trim()) console.log(`#   ${l}`);
      for (const d of t.diagnostics.slice(-10)) console.log(`#   ${oneLine(d).slice(0, 300)}`);
      if (fs.existsSync(dir)) console.log(`#   artefacts: ${path.relative(process.cwd(), dir) || dir}`);
    }
  }

  await browser.close().catch(() => {});
  await server.close();
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`not ok - the runner: ${oneLine(e?.stack ?? e)}`);
    console.log('browser: 0 passed, 1 failed');
    process.exit(1);
  },
);
