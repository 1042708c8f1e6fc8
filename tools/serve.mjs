#!/usr/bin/env node
// Static file server for the built app (dist/): what `tools/run` serves and what
// the browser tests and benchmarks load the app from. No dependencies beyond node.
//
//   node tools/serve.mjs [DIR] [--port N]     DIR defaults to <repo>/dist, N to 8080;
//                                             --port 0 picks a free port.
//   import { startServer } from './serve.mjs';
//   const { url, close } = await startServer({ root, port: 0 });
//
// Behaves like a plain static web host: binds 127.0.0.1 only, GET/HEAD only,
// `Cache-Control: no-cache` on every response (the service worker does the
// caching, the server must not), a MIME type for each file the app ships, no
// directory listing (a directory serves its index.html or 404), and paths that
// would leave DIR (`..`, encoded or not, NUL bytes, symlinks pointing outside)
// are refused with 403/404.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(here, '..', 'dist');
export const DEFAULT_PORT = 8080;

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** MIME type for a file name; unknown types are served as opaque bytes. */
export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function send(res, status, body, headers = {}) {
  const text = body ?? '';
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/**
 * Maps a request path to a file below root, or returns {status} when refused.
 * root must be a real (symlink-resolved) absolute path.
 */
async function resolveFile(root, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://x').pathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { status: 400 };
  // Refuse any `..` segment outright instead of normalising it away.
  if (pathname.split('/').includes('..')) return { status: 403 };
  let file = path.join(root, pathname);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  let st;
  try {
    st = await fsp.stat(file);
    if (st.isDirectory()) {
      // Like a static host: /dir -> /dir/ so relative URLs in its page resolve.
      if (!pathname.endsWith('/')) return { status: 301, location: encodeURI(pathname + '/') };
      file = path.join(file, 'index.html');
      st = await fsp.stat(file);
    }
    if (!st.isFile()) return { status: 404 };
    const real = await fsp.realpath(file);
    if (real !== root && !real.startsWith(root + path.sep)) return { status: 403 };
  } catch {
    return { status: 404 };
  }
  return { file, size: st.size, mtime: st.mtime };
}

/**
 * Starts serving root on 127.0.0.1:port (0 = any free port).
 * Resolves to { url, port, server, close() }; close() also drops open
 * keep-alive connections, so a test can take the "network" away at once.
 * onRequest(method, pathname, status) is called for every request (optional).
 */
export async function startServer({ root = DEFAULT_ROOT, port = DEFAULT_PORT, host = '127.0.0.1', onRequest } = {}) {
  const realRoot = await fsp.realpath(path.resolve(root)).catch(() => {
    throw new Error(`serve: no such directory: ${root}`);
  });
  if (!(await fsp.stat(realRoot)).isDirectory()) throw new Error(`serve: not a directory: ${root}`);

  const server = http.createServer(async (req, res) => {
    res.on('finish', () => onRequest?.(req.method, req.url, res.statusCode));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    }
    const r = await resolveFile(realRoot, req.url);
    if (r.status === 301) return send(res, 301, 'moved\n', { Location: r.location });
    if (r.status) {
      const text = { 400: 'bad request\n', 403: 'forbidden\n', 404: 'not found\n' }[r.status];
      return send(res, r.status, text);
    }
    res.writeHead(200, {
      'Content-Type': mimeType(r.file),
      'Content-Length': r.size,
      'Cache-Control': 'no-cache',
      'Last-Modified': r.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    const stream = fs.createReadStream(r.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}/`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  return { url, port: actualPort, server, root: realRoot, close };
}

function parseArgs(argv) {
  const opts = { root: DEFAULT_ROOT, port: DEFAULT_PORT, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port' || a === '-p') opts.port = argv[++i];
    else if (a.startsWith('--port=')) opts.port = a.slice(7);
    else if (a === '--quiet' || a === '-q') opts.quiet = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option '${a}' (hint: [DIR] [--port N] [--quiet])`);
    else opts.root = path.resolve(a);
  }
  if (!/^\d+$/.test(String(opts.port)) || Number(opts.port) > 65535) {
    throw new Error(`bad port '${opts.port}' (hint: a number 0..65535, 0 = any free port)`);
  }
  opts.port = Number(opts.port);
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve: error: ${e.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log('usage: node tools/serve.mjs [DIR] [--port N] [--quiet]\n  DIR defaults to dist/, N to 8080 (0 = any free port)');
    return;
  }
  let srv;
  try {
    srv = await startServer({
      root: opts.root,
      port: opts.port,
      onRequest: opts.quiet ? undefined : (m, u, s) => console.log(`${s} ${m} ${u}`),
    });
  } catch (e) {
    const hint = e.code === 'EADDRINUSE' ? ' (hint: another server runs there; try --port 0)' : '';
    console.error(`serve: error: ${e.message}${hint}`);
    process.exit(1);
  }
  console.log(`serving ${srv.root} at ${srv.url}`);
  const stop = () => srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
