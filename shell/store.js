// Begleitbuch's durable storage in the browser (self.__bbStore): the JavaScript
// half of src/platform/storage_web.cpp. docs/store.md, "The browser store".
//
// - One writer: the tab that gets the Web Lock 'begleitbuch-writer' holds it
//   for its whole life; a second tab opens nothing and never writes (it tells
//   the first one through a BroadcastChannel).
// - Start-up (no Asyncify): before the app starts, every page is read from
//   IndexedDB ('pages': page number -> ciphertext page, 'commits': 'last' ->
//   {sequence, pageSize, pageCount, checksum, pages}) and handed to wasm in one
//   go (handOver); the C++ side checks the last commit row against the pages.
// - Each commit record is written in ONE readwrite transaction opened with
//   {durability: 'strict'}: its pages, the deletion of pages past the new end,
//   and the commit row. Completion goes back to C++ only on 'complete';
//   'abort'/'error' report the reason (QuotaExceededError: code 1).
// - Only ciphertext reaches IndexedDB: SQLite3 Multiple Ciphers encrypts every
//   page above the page VFS. Nothing here ever sees plaintext.
//
// Index of this file:
// [SECTION] Environment (installed? iOS?)
// [SECTION] Single writer (Web Lock, BroadcastChannel)
// [SECTION] Reading at start-up
// [SECTION] Writing commit records
// [SECTION] Storage care (persist, estimate)
// [SECTION] Files (backup download, share sheet, restore pick)
'use strict';

(function () {
  const DB_NAME = 'begleitbuch';
  const DB_VERSION = 1;
  const LOCK_NAME = 'begleitbuch-writer';
  const CHANNEL_NAME = 'begleitbuch';

  const api = {
    writer: false,
    db: null,
    M: null,               // the wasm module, once attached
    requestFrame: () => {},
    failWrites: null,      // test hook: {name, count}: the next `count` writes fail with this DOMException
    otherTabSeen: false,   // a second tab tried to open while this one writes
    writes: 0,             // transactions started / completed / failed (test and bench figures)
    completed: 0,
    failed: 0,
    lastComplete: 0,       // the newest sequence IndexedDB reported complete
    waiters: [],
  };
  // Resolves once the commit `sequence` is complete in IndexedDB (benchmarks).
  api.whenComplete = (sequence) => new Promise((resolve) => {
    if (sequence <= api.lastComplete) resolve(); else api.waiters.push([sequence, resolve]);
  });
  self.__bbStore = api;

  // [SECTION] Environment (installed? iOS?) --------------------------------------------
  const standalone = (() => {
    try {
      return window.matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
    } catch (e) { return false; }
  })();
  // Every browser on iOS/iPadOS is WebKit with Safari's storage rules; iPadOS
  // presents itself as a Mac with a touch screen.
  const ios = /iPad|iPhone|iPod/.test(navigator.userAgent) ||
              (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  api.standalone = standalone;
  api.iosTab = ios && !standalone;

  // [SECTION] Single writer (Web Lock, BroadcastChannel) -----------------------------
  let channel = null;
  try { channel = new BroadcastChannel(CHANNEL_NAME); } catch (e) { channel = null; }

  // A tab that was just closed (or reloaded) gives its lock back a moment after it is
  // gone, so a tab opened at once waits up to LOCK_WAIT_MS before it calls itself the
  // second tab; with the lock free (the usual start) it is granted at once.
  const LOCK_WAIT_MS = 3000;
  function acquireWriterLock() {
    if (!(navigator.locks && navigator.locks.request)) return Promise.resolve(true);  // Safari < 15.4
    return new Promise((resolve) => {
      const abort = typeof AbortController === 'function' ? new AbortController() : null;
      const options = abort ? { signal: abort.signal } : { ifAvailable: true };
      const timer = abort ? setTimeout(() => abort.abort(), LOCK_WAIT_MS) : 0;
      navigator.locks.request(LOCK_NAME, options, (lock) => {
        clearTimeout(timer);
        if (!lock) { resolve(false); return undefined; }
        resolve(true);
        return new Promise(() => {});  // held until this tab closes
      }).catch((e) => resolve(!(e && e.name === 'AbortError')));
    });
  }

  // [SECTION] Reading at start-up ---------------------------------------------------------
  function openDb() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('pages')) db.createObjectStore('pages');
        if (!db.objectStoreNames.contains('commits')) db.createObjectStore('commits');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  function readAll(db) {
    return new Promise((resolve, reject) => {
      const tx = db.transaction(['pages', 'commits'], 'readonly');
      const out = { commit: null, keys: [], values: [] };
      tx.objectStore('commits').get('last').onsuccess = (e) => { out.commit = e.target.result || null; };
      tx.objectStore('pages').getAllKeys().onsuccess = (e) => { out.keys = e.target.result; };
      tx.objectStore('pages').getAll().onsuccess = (e) => { out.values = e.target.result; };
      tx.oncomplete = () => resolve(out);
      tx.onabort = () => reject(tx.error || new Error('read aborted'));
    });
  }

  // Started at once (in parallel with loading the wasm); boot.js awaits it.
  api.ready = (async () => {
    const t0 = performance.now();
    try {
      api.writer = await acquireWriterLock();
      if (!api.writer) {
        if (channel) channel.postMessage({ type: 'second-tab' });
        return { ok: true, writer: false };
      }
      if (channel) channel.onmessage = (e) => { if (e.data && e.data.type === 'second-tab') api.otherTabSeen = true; };
      api.db = await openDb();
      const data = await readAll(api.db);
      api.loadMs = performance.now() - t0;
      return Object.assign({ ok: true, writer: true }, data);
    } catch (e) {
      return { ok: false, writer: true, detail: (e && (e.name || e.message)) || String(e) };
    }
  })();

  // Copies the pages straight into wasm memory and tells C++ what was found.
  // Returns false when the storage is unusable (C++ then shows why).
  api.handOver = function (M, found, requestFrame) {
    api.M = M;
    api.requestFrame = requestFrame;
    M._bb_install_info(standalone ? 1 : 0, api.iosTab ? 1 : 0);
    let ok = found.ok, detail = found.detail || '';
    let sequence = 0, pageSize = 0, pageCount = 0, checksum = '', last = [];
    const c = found.commit;
    if (ok && found.writer && c) {
      sequence = c.sequence; pageSize = c.pageSize; pageCount = c.pageCount;
      checksum = c.checksum || ''; last = c.pages || [];
      const ptr = M._bb_store_image_alloc(pageSize * pageCount);
      const heap = M.HEAPU8;  // read after the allocation: memory may have grown
      let present = 0;
      for (let i = 0; i < found.keys.length; i++) {
        const n = found.keys[i];
        if (n < 1 || n > pageCount) continue;
        const bytes = new Uint8Array(found.values[i]);
        if (bytes.length !== pageSize) { ok = false; detail = 'page ' + n + ' has ' + bytes.length + ' bytes'; break; }
        heap.set(bytes, ptr + (n - 1) * pageSize);
        present++;
      }
      if (ok && present !== pageCount) { ok = false; detail = (pageCount - present) + ' pages missing'; }
    }
    found.keys = found.values = null;
    const lastPtr = M._malloc(Math.max(4, last.length * 4));
    M.HEAPU32.set(last, lastPtr >> 2);
    const rc = M.ccall('bb_store_loaded', 'number',
      ['number', 'number', 'number', 'number', 'number', 'string', 'number', 'number', 'string'],
      [ok ? 1 : 0, found.writer ? 1 : 0, sequence, pageSize, pageCount, checksum, lastPtr, last.length, detail]);
    M._free(lastPtr);
    return rc === 0;
  };

  // [SECTION] Writing commit records ---------------------------------------------------------
  // record: {sequence, pageSize, pageCount, checksum, pages: [[number, Uint8Array]]}
  // report(code, message): 0 complete, 1 quota exceeded, 2 other failure. Exactly once.
  api.write = function (record, report) {
    api.writes++;
    let reported = false;
    const finish = (code, message) => {
      if (reported) return;
      reported = true;
      if (code === 0) api.completed++; else api.failed++;
      report(code, message);
    };
    const codeOf = (e) => (e && e.name === 'QuotaExceededError' ? 1 : 2);
    const describe = (e) => (e ? (e.name || 'Error') + ': ' + (e.message || '') : 'transaction aborted');
    if (!api.db) { finish(2, 'IndexedDB is not open'); return; }
    let tx;
    try {
      tx = api.db.transaction(['pages', 'commits'], 'readwrite', { durability: 'strict' });
    } catch (e) { finish(codeOf(e), describe(e)); return; }
    tx.oncomplete = () => {
      api.lastComplete = Math.max(api.lastComplete, record.sequence);
      finish(0, '');
      api.waiters = api.waiters.filter(([seq, resolve]) => (seq <= api.lastComplete ? (resolve(), false) : true));
    };
    tx.onabort = () => finish(codeOf(tx.error), describe(tx.error));
    try {
      const pages = tx.objectStore('pages');
      if (api.failWrites && api.failWrites.count > 0) {  // test hook: as if the put hit the quota
        api.failWrites.count--;
        throw new DOMException('simulated by a test', api.failWrites.name);
      }
      for (const [number, bytes] of record.pages) pages.put(bytes.buffer, number);
      pages.delete(IDBKeyRange.lowerBound(record.pageCount + 1));  // the file shrank
      tx.objectStore('commits').put({
        sequence: record.sequence, pageSize: record.pageSize, pageCount: record.pageCount,
        checksum: record.checksum, pages: record.pages.map((p) => p[0]),
      }, 'last');
      if (tx.commit) tx.commit();  // nothing more comes: do not wait for the event loop
    } catch (e) {
      try { tx.abort(); } catch (ignored) { /* already finished */ }
      finish(codeOf(e), describe(e));
    }
  };

  // [SECTION] Storage care (persist, estimate) -------------------------------------------------
  let persistAsked = false;
  api.refreshInfo = async function () {
    let persisted = -1, usage = 0, quota = 0;
    const s = navigator.storage;
    try {
      if (s && s.persisted) persisted = (await s.persisted()) ? 1 : 0;
      if (s && s.persist && persisted !== 1 && !persistAsked) {
        persistAsked = true;
        persisted = (await s.persist()) ? 1 : 0;
      }
      if (s && s.estimate) {
        const e = await s.estimate();
        usage = e.usage || 0;
        quota = e.quota || 0;
      }
    } catch (e) { /* the browser gives no answer: shown as unknown */ }
    api.info = { persisted, usage, quota };
    if (api.M) { api.M._bb_storage_info(persisted, usage, quota); api.requestFrame(); }
  };

  // [SECTION] Files (backup download, share sheet, restore pick) -----------------------------------------------
  api.download = function (name, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };

  // The share sheet (Web Share with files). Asked with the real name: Chrome on
  // Android shares only some file types, Safari any; the answer is kept per extension.
  const shareable = new Map();
  api.canShareFiles = function (name) {
    const ext = name.slice(name.lastIndexOf('.'));
    if (!shareable.has(ext)) {
      let ok = false;
      try {
        ok = typeof navigator.share === 'function' && typeof navigator.canShare === 'function' &&
          navigator.canShare({ files: [new File([new Uint8Array(1)], 'probe' + ext, { type: 'application/octet-stream' })] });
      } catch (e) {
        ok = false;
      }
      shareable.set(ext, !!ok);
    }
    return shareable.get(ext);
  };
  // Called inside a tap (the share sheet opens only in a user gesture). The
  // outcome goes back to the app: 2 shared, 3 cancelled by the user, 4 failed.
  api.share = function (name, bytes) {
    const done = (outcome) => {
      if (api.M) api.M._bb_share_done(outcome);
      api.requestFrame();
    };
    let sharing;
    try {
      sharing = navigator.share({ files: [new File([bytes], name, { type: 'application/octet-stream' })], title: name });
    } catch (e) {
      sharing = Promise.reject(e);
    }
    sharing.then(() => done(2), (e) => done(e && e.name === 'AbortError' ? 3 : 4));
  };

  // Called inside a tap (the browser opens a file picker only in a user gesture).
  api.pickFile = function (accept) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept || '.bbstore,application/octet-stream';
    input.addEventListener('change', async () => {
      const file = input.files && input.files[0];
      if (!file || !api.M) return;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const ptr = api.M._malloc(Math.max(1, bytes.length));
      api.M.HEAPU8.set(bytes, ptr);
      api.M._bb_file_picked(ptr, bytes.length);
      api.M.HEAPU8.fill(0, ptr, ptr + bytes.length);
      api.M._free(ptr);
      api.requestFrame();
    });
    input.click();
  };
})();
