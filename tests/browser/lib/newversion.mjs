// Turns a copy of dist/ into "the next version" of the app for the update-flow
// test, the way a new deployment would look to the service worker: sw.js
// changes (its version string), and so does every file that carries the same
// version string. Replacements keep the byte length, so the wasm data segment
// stays valid when the version is compiled into app.wasm.

import fsp from 'node:fs/promises';
import path from 'node:path';

/** A different string of the same length and character classes. */
export function mutate(s) {
  const rot = (c, from, n) => String.fromCharCode(from + ((c.charCodeAt(0) - from + 1) % n));
  return Array.from(s, (c) => {
    if (c >= '0' && c <= '9') return rot(c, 48, 10);
    if (c >= 'a' && c <= 'f') return rot(c, 97, 6); // stays hex if it was hex
    if (c >= 'g' && c <= 'z') return rot(c, 103, 20);
    if (c >= 'A' && c <= 'Z') return rot(c, 65, 26);
    return c;
  }).join('');
}

async function filesUnder(dir) {
  const out = [];
  for (const e of await fsp.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function replaceAll(buf, from, to) {
  const a = Buffer.from(from), b = Buffer.from(to);
  let n = 0, i = buf.indexOf(a);
  while (i !== -1) {
    b.copy(buf, i);
    n++;
    i = buf.indexOf(a, i + a.length);
  }
  return n;
}

/**
 * Makes dir the next version, as a new build would: sw.js gets a new version
 * constant (that is what the browser's update check compares), and the
 * version the app reports (`version`, from __bb.version) is replaced in every
 * file that carries it (app.wasm, app.js, sw.js, ...), same length. Returns
 * { how, files, reported: {from, to} | null }; throws if sw.js would not change.
 */
export async function makeNextVersion(dir, version) {
  const files = {};
  const count = (f, n) => { if (n) files[f] = (files[f] ?? 0) + n; };
  const notes = [];

  // 1. The version the app reports, everywhere it is compiled in.
  let reported = null;
  const v = String(version);
  if (v.length >= 3) {
    const to = mutate(v);
    for (const f of await filesUnder(dir)) {
      const buf = await fsp.readFile(f);
      const n = replaceAll(buf, v, to);
      if (n) { await fsp.writeFile(f, buf); count(path.relative(dir, f), n); }
    }
    if (Object.keys(files).length) {
      reported = { from: v, to };
      notes.push(`replaced ${JSON.stringify(v)} by ${JSON.stringify(to)} in ${Object.keys(files).join(', ')}`);
    } else {
      notes.push(`__bb.version ${JSON.stringify(v)} occurs in no file of dist`);
    }
  }

  // 2. sw.js's own version constant, unless step 1 already changed sw.js.
  const swFile = path.join(dir, 'sw.js');
  const sw = await fsp.readFile(swFile, 'utf8');
  if (!files['sw.js']) {
    const m = sw.match(/\b([A-Z_]*VERSION[A-Z_]*|[A-Z_]*CACHE[A-Z_]*|version|cacheName)\s*[=:]\s*(['"`])([^'"`]+)\2/);
    if (!m) throw new Error(`sw.js carries neither __bb.version (${JSON.stringify(v)}) nor a VERSION/CACHE constant to change`);
    const from = m[3], to = mutate(from);
    const n = sw.split(from).length - 1;
    await fsp.writeFile(swFile, sw.split(from).join(to));
    count('sw.js', n);
    notes.push(`changed sw.js's ${m[1]} from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
  }
  return { how: notes.join('; '), files, reported };
}
