// Begleitbuch boot and browser glue: the one JavaScript file that talks to the DOM.
//
// Index of this file:
// [SECTION] Messages before the app runs (German first, English second)
// [SECTION] Host services for the C++ platform layer (window.__bbHost)
// [SECTION] Canvas size and device pixel ratio
// [SECTION] Frame scheduling (event-driven: no input, no frames)
// [SECTION] Pointer input (mouse, touch, pen)
// [SECTION] Keyboard and the hidden text element (on-screen keyboard)
// [SECTION] Clipboard
// [SECTION] Service worker: offline and updates
// [SECTION] Test API (window.__bb)
// [SECTION] Start
// (Storage — IndexedDB, Web Lock, persist — lives in shell/store.js.)
'use strict';

(function () {
  const canvas = document.getElementById('bb-canvas');
  const textInput = document.getElementById('bb-text-input');
  const messageBox = document.getElementById('bb-message');
  let M = null;            // the Emscripten module once started
  let started = false;

  // [SECTION] Messages before the app runs (German first, English second) -----------
  const english = (() => {
    try { return localStorage.getItem('bb.language') === 'en'; } catch (e) { return false; }
  })();
  const MESSAGES = {
    noWebGL: ['Dieser Browser kann Begleitbuch nicht anzeigen (WebGL 2 fehlt). Bitte einen aktuellen Browser verwenden (Safari ab iPadOS 15, Chrome, Firefox, Edge).',
              'This browser cannot display Begleitbuch (WebGL 2 is missing). Please use a current browser.'],
    noWasm: ['Dieser Browser kann Begleitbuch nicht starten (WebAssembly fehlt).',
             'This browser cannot start Begleitbuch (WebAssembly is missing).'],
    loadFailed: ['Begleitbuch konnte nicht geladen werden. Bitte die Verbindung prüfen und neu laden. Gespeicherte Daten sind nicht betroffen.',
                 'Begleitbuch could not be loaded. Please check the connection and reload. Saved data is not affected.'],
    slow: ['Begleitbuch startet noch … Falls nichts passiert, bitte die Seite neu laden.',
           'Begleitbuch is still starting … If nothing happens, please reload the page.'],
    contextLost: ['Die Anzeige wurde vom Browser zurückgesetzt. Bitte neu laden – es gehen keine gespeicherten Daten verloren.',
                  'The browser reset the display. Please reload – no saved data is lost.'],
    reload: ['Neu laden', 'Reload'],
  };
  const msg = (key) => MESSAGES[key][english ? 1 : 0];

  function showMessage(key, withReload) {
    messageBox.textContent = msg(key);
    if (withReload) {
      const b = document.createElement('button');
      b.textContent = msg('reload');
      b.addEventListener('click', () => location.reload());
      messageBox.appendChild(document.createElement('br'));
      messageBox.appendChild(b);
    }
    messageBox.hidden = false;
  }
  function hideMessage() { messageBox.hidden = true; }

  // [SECTION] Host services for the C++ platform layer (window.__bbHost) ------------
  const host = {
    updateAvailable: false,
    loadPreference(key) {
      try { return localStorage.getItem('bb.' + key); } catch (e) { return null; }
    },
    savePreference(key, value) {
      // Only non-personal UI preferences (language, theme, font size) come here.
      try { localStorage.setItem('bb.' + key, value); } catch (e) { /* private mode: keep defaults */ }
    },
    setClipboard(text) {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(() => {});
      }
    },
    requestPaste() {
      if (!(navigator.clipboard && navigator.clipboard.readText)) return;
      navigator.clipboard.readText().then((text) => {
        if (text) { callWithString('bb_paste', text); requestFrame(); }
      }).catch(() => {});
    },
    applyUpdate() { applyUpdate(); },
    requestFrame() { requestFrame(); },
    printHtml(html) { printHtml(html); },
    discardPrint() { discardPrint(); },
  };
  self.__bbHost = host;

  // Text goes through a heap buffer that is zeroed afterwards: a 'string'
  // argument of ccall would leave its copy on the wasm stack (typed text may be
  // personal; after locking nothing of it may stay in wasm memory).
  function callWithString(fn, text) {
    const size = M.lengthBytesUTF8(text) + 1;
    const ptr = M._malloc(size);
    M.stringToUTF8(text, ptr, size);
    M.ccall(fn, null, ['number'], [ptr]);
    M.HEAPU8.fill(0, ptr, ptr + size);
    M._free(ptr);
  }

  // Printing (src/platform/print.h): the page goes into a hidden same-origin
  // frame (srcdoc: no URL, nothing stored) whose own print dialog opens; its
  // look is print.css (the CSP allows no inline style). The frame goes after
  // printing and when the app locks.
  let lastPrint = '';  // kept only for the tests (test hooks on)
  function discardPrint() {
    for (const f of document.querySelectorAll('iframe.bb-print')) f.remove();
    lastPrint = '';
  }
  function printHtml(html) {
    discardPrint();
    const frame = document.createElement('iframe');
    frame.className = 'bb-print';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.addEventListener('load', () => {
      const w = frame.contentWindow;
      if (!w) return;
      w.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0));
      w.focus();
      w.print();
    }, { once: true });
    frame.srcdoc = html;
    document.body.appendChild(frame);
    if (self.__bbTestHooks === true) lastPrint = html;
  }

  // [SECTION] Canvas size and device pixel ratio ----------------------------------------
  // The canvas fills the visual viewport (which shrinks when the on-screen keyboard
  // opens on iOS) and is sized in device pixels so text stays sharp.
  let cssW = 0, cssH = 0, dpr = 1;
  function measure() {
    const vv = window.visualViewport;
    const w = vv ? vv.width : window.innerWidth;
    const h = vv ? vv.height : window.innerHeight;
    return { w: Math.max(1, Math.round(w)), h: Math.max(1, Math.round(h)),
             top: vv ? vv.offsetTop : 0, dpr: window.devicePixelRatio || 1 };
  }
  function resize() {
    const m = measure();
    canvas.style.width = m.w + 'px';
    canvas.style.height = m.h + 'px';
    canvas.style.top = m.top + 'px';
    const pw = Math.round(m.w * m.dpr), ph = Math.round(m.h * m.dpr);
    if (canvas.width !== pw) canvas.width = pw;
    if (canvas.height !== ph) canvas.height = ph;
    const changed = m.w !== cssW || m.h !== cssH || m.dpr !== dpr;
    cssW = m.w; cssH = m.h; dpr = m.dpr;
    if (started && changed) { M._bb_resize(cssW, cssH, dpr); requestFrame(); }
  }
  window.addEventListener('resize', resize);
  if (window.visualViewport) {
    window.visualViewport.addEventListener('resize', resize);
    window.visualViewport.addEventListener('scroll', resize);
  }
  // A change of devicePixelRatio (zoom, moving to another screen) fires no resize everywhere.
  function watchDpr() {
    const mq = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    mq.addEventListener('change', () => { resize(); watchDpr(); }, { once: true });
  }

  // [SECTION] Frame scheduling (event-driven: no input, no frames) ----------------------
  let rafPending = false, timer = 0, frames = 0, firstFrameMs = 0;
  function requestFrame() {
    if (!started || rafPending) return;
    rafPending = true;
    requestAnimationFrame(onAnimationFrame);
  }
  function onAnimationFrame() {
    rafPending = false;
    drawFrame();
  }
  function drawFrame() {
    if (timer) { clearTimeout(timer); timer = 0; }
    const delay = M._bb_frame(performance.now());
    frames++;
    if (frames === 1) { firstFrameMs = performance.now(); hideMessage(); }
    syncTextInput(false);
    if (delay === 0) requestFrame();
    else if (delay > 0) timer = setTimeout(requestFrame, delay);
  }
  // Runs queued input through ImGui now, inside the event handler: only there may
  // a text element take focus on iOS (it refuses focus outside a user gesture).
  function settleNow() {
    for (let i = 0; i < 3; i++) drawFrame();
  }

  // [SECTION] Pointer input (mouse, touch, pen) ------------------------------------------
  const KIND = { mouse: 0, touch: 1, pen: 2 };
  const TYPE = { down: 0, move: 1, up: 2, cancel: 3 };
  function sendPointer(type, e) {
    const r = canvas.getBoundingClientRect();
    M._bb_pointer(type, e.pointerId, KIND[e.pointerType] ?? 0, e.isPrimary ? 1 : 0,
                  e.button === 2 ? 1 : e.button === 1 ? 2 : 0,
                  e.clientX - r.left, e.clientY - r.top, e.timeStamp || performance.now());
  }
  canvas.addEventListener('pointerdown', (e) => {
    if (!started) return;
    e.preventDefault();
    canvas.setPointerCapture?.(e.pointerId);
    resetTextInput();  // the caret may move: the keyboard's context is stale
    sendPointer(TYPE.down, e);
    requestFrame();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!started) return;
    // Coalesced events give smooth drags without a frame per event.
    sendPointer(TYPE.move, e);
    requestFrame();
  });
  canvas.addEventListener('pointerup', (e) => {
    if (!started) return;
    e.preventDefault();
    sendPointer(TYPE.up, e);
    settleNow();
    syncTextInput(true);
  });
  canvas.addEventListener('pointercancel', (e) => {
    if (!started) return;
    sendPointer(TYPE.cancel, e);
    requestFrame();
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  canvas.addEventListener('wheel', (e) => {
    if (!started) return;
    e.preventDefault();
    // ImGui scrolls about five lines per wheel unit; browsers report pixels.
    const unit = e.deltaMode === 1 ? 3 : e.deltaMode === 2 ? 30 : 100;
    M._bb_wheel(-e.deltaX / unit, -e.deltaY / unit);
    requestFrame();
  }, { passive: false });

  // [SECTION] Keyboard and the hidden text element (on-screen keyboard) --------------------
  // ImGui draws the text fields; the browser only opens its keyboard for a focused
  // text element. So a hidden <textarea> takes focus while ImGui wants text, and
  // whatever lands in it (typing, IME composition, autocorrect, Android's key 229
  // input) is diffed against what it held before and replayed to ImGui as
  // characters and Backspaces.
  const SENTINEL = '\u200B';  // so Backspace on an empty field still fires an input event
  let lastValue = SENTINEL, composing = false, activeField = 0;

  function resetTextInput() {
    if (composing) return;
    textInput.value = SENTINEL;
    lastValue = SENTINEL;
    try { textInput.setSelectionRange(1, 1); } catch (e) { /* not focused */ }
  }
  function sendKey(key, code, down) {
    return M.ccall('bb_key', 'number', ['string', 'string', 'number', 'number'], [key, code, down ? 1 : 0, 0]);
  }
  function replayDiff() {
    const now = textInput.value;
    const before = lastValue;
    let p = 0;
    while (p < before.length && p < now.length && before[p] === now[p]) p++;
    let s = 0;
    while (s < before.length - p && s < now.length - p &&
           before[before.length - 1 - s] === now[now.length - 1 - s]) s++;
    const removed = before.length - p - s;
    const inserted = now.slice(p, now.length - s).replace(/\u200B/g, '');
    for (let i = 0; i < s; i++) { sendKey('ArrowLeft', 'ArrowLeft', true); sendKey('ArrowLeft', 'ArrowLeft', false); }
    for (let i = 0; i < removed; i++) { sendKey('Backspace', 'Backspace', true); sendKey('Backspace', 'Backspace', false); }
    if (inserted) callWithString('bb_text', inserted);
    for (let i = 0; i < s; i++) { sendKey('ArrowRight', 'ArrowRight', true); sendKey('ArrowRight', 'ArrowRight', false); }
    lastValue = now;
    // A passphrase must not linger in the DOM: emptied after every input.
    const secret = M._bb_text_input_password() === 1;
    if (!composing && (secret || now.length > 64 || !now.startsWith(SENTINEL))) resetTextInput();
    requestFrame();
  }
  textInput.addEventListener('input', () => { if (started) replayDiff(); });
  textInput.addEventListener('compositionstart', () => { composing = true; });
  textInput.addEventListener('compositionend', () => {
    composing = false;
    if (started) replayDiff();
  });

  function modifiers(e) {
    return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
  }
  function onKey(e, down) {
    if (!started) return;
    // IME and Android soft keyboards: the text comes through the input event.
    if (e.isComposing || e.keyCode === 229 || e.key === 'Unidentified' || e.key === 'Process') return;
    const used = M.ccall('bb_key', 'number', ['string', 'string', 'number', 'number'],
                         [e.key, e.code || '', down ? 1 : 0, modifiers(e)]);
    if (used) e.preventDefault();
    requestFrame();
  }
  window.addEventListener('keydown', (e) => onKey(e, true));
  window.addEventListener('keyup', (e) => onKey(e, false));

  // After each frame: focus the text element while ImGui wants text (this opens
  // the keyboard; inside a tap it works on iOS too), blur it when not, and keep
  // it over the caret so the browser scrolls and places its pop-ups right.
  function syncTextInput(inGesture) {
    const wants = M._bb_wants_text_input() === 1;
    const focused = document.activeElement === textInput;
    const field = M._bb_text_input_id() >>> 0;
    if (field !== activeField) { activeField = field; resetTextInput(); }
    if (wants) {
      const x = M._bb_text_input_x(), y = M._bb_text_input_y(), h = M._bb_text_input_h();
      textInput.style.left = Math.max(0, Math.min(cssW - 40, x)) + 'px';
      textInput.style.top = Math.max(0, Math.min(cssH - 24, y + h - 24)) + 'px';
      if (!focused && (inGesture || !isTouchDevice)) {
        textInput.focus({ preventScroll: true });
        resetTextInput();
      }
    } else if (focused) {
      textInput.blur();
      resetTextInput();  // nothing typed stays in the hidden element
    }
  }
  const isTouchDevice = navigator.maxTouchPoints > 0;

  // [SECTION] Clipboard -------------------------------------------------------------------
  // A web page may read the clipboard only in a paste event (or after a permission
  // prompt): Ctrl+V and the keyboard's paste button arrive here.
  window.addEventListener('paste', (e) => {
    if (!started) return;
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    e.preventDefault();
    if (text) { callWithString('bb_paste', text); requestFrame(); }
  });

  window.addEventListener('focus', () => { if (started) { M._bb_focus(1); requestFrame(); } });
  window.addEventListener('blur', () => { if (started) { M._bb_focus(0); requestFrame(); } });
  // Saving and auto-lock: every commit is already on its way to IndexedDB; on
  // hide a failed one is tried again (never rely on beforeunload/unload, which
  // mobile browsers often skip). A hidden tab draws no frames, so the
  // auto-lock runs on its own timer there (src/core/auto_lock.h).
  let lockTimer = 0;
  function scheduleLockTimer() {
    if (lockTimer) { clearTimeout(lockTimer); lockTimer = 0; }
    const due = M._bb_lock_due_in(performance.now());
    if (due < 0) return;
    lockTimer = setTimeout(() => {
      lockTimer = 0;
      if (M._bb_tick(performance.now())) { resetTextInput(); requestFrame(); }
      if (document.visibilityState === 'hidden') scheduleLockTimer();
    }, Math.min(due + 50, 2147483647));
  }
  document.addEventListener('visibilitychange', () => {
    if (!started) return;
    const hidden = document.visibilityState === 'hidden';
    M._bb_visibility(hidden ? 1 : 0, performance.now());
    if (hidden) {
      M._bb_flush();
      scheduleLockTimer();
    } else {
      if (lockTimer) { clearTimeout(lockTimer); lockTimer = 0; }
      M._bb_tick(performance.now());  // back after a long time: lock before drawing anything
      requestFrame();
    }
  });
  window.addEventListener('pagehide', () => {
    if (!started) return;
    M._bb_flush();
    resetTextInput();
  });

  // [SECTION] Service worker: offline and updates ---------------------------------------------
  // sw.js precaches every file of one version in its own cache. A new version
  // installs in the background and waits; the app offers a reload, and only then
  // does the new worker take over: never half old, half new.
  let waitingWorker = null, applying = false;
  function offerUpdate(worker) {
    waitingWorker = worker;
    host.updateAvailable = true;
    if (started) { M._bb_update_available(1); requestFrame(); }
  }
  function applyUpdate() {
    if (!waitingWorker) { location.reload(); return; }
    applying = true;
    waitingWorker.postMessage({ type: 'SKIP_WAITING' });
  }
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (applying) location.reload();
    });
    navigator.serviceWorker.register('sw.js').then((reg) => {
      if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const w = reg.installing;
        if (!w) return;
        w.addEventListener('statechange', () => {
          if (w.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(w);
        });
      });
      // Look for a new version when the app comes back to the foreground.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') reg.update().catch(() => {});
      });
    }).catch(() => { /* no offline support here (e.g. private mode); the app still runs */ });
  }

  // [SECTION] Test API (window.__bb) ------------------------------------------------------------
  // Read-only state for the browser tests: widget rectangles by stable ID, frame
  // counts, the current screen. Never personal data (see src/ui/widget_registry.h).
  window.__bb = {
    ready: false,
    firstFrameMs: 0,
    get frames() { return frames; },
    version: '',
    widgets() { return started ? JSON.parse(M.UTF8ToString(M._bb_widgets_json())) : []; },
    field(id) {
      if (!started) return null;
      const p = M.ccall('bb_probe_text', 'number', ['string'], [id]);
      return p ? M.UTF8ToString(p) : null;
    },
    screen() { return started ? M.UTF8ToString(M._bb_screen()) : ''; },
    scrollY() { return started ? M._bb_scroll_y() : 0; },
    get timings() { return Object.assign({}, timings); },
    get updateAvailable() { return host.updateAvailable; },
    // The store (src/app/store_web.cpp): states, sequences and counts, never personal data.
    saveState() { return started ? JSON.parse(M.UTF8ToString(M._bb_save_state_json())) : null; },
    storeCheck() { return started ? JSON.parse(M.UTF8ToString(M._bb_store_check_json())) : null; },
    storage() {
      const s = self.__bbStore || {};
      return { writer: !!s.writer, standalone: !!s.standalone, iosTab: !!s.iosTab, info: s.info || null,
               otherTabSeen: !!s.otherTabSeen, writes: s.writes || 0, completed: s.completed || 0,
               failed: s.failed || 0, loadMs: s.loadMs || 0 };
    },
  };
  // Hooks that write or inspect memory exist only when a test asked for them
  // before the page loaded (page.addInitScript: self.__bbTestHooks = true).
  if (self.__bbTestHooks === true) {
    window.__bb.test = {
      write(k) { return M._bb_test_write(k); },          // one transaction; returns its sequence
      // One transaction, resolved with ms from the commit until IndexedDB's 'complete'.
      writeTimed(k) {
        const t0 = performance.now();
        const seq = M._bb_test_write(k);
        return self.__bbStore.whenComplete(seq).then(() => performance.now() - t0);
      },
      fill(rows, bytes) { return self.__bbStore.whenComplete(M._bb_test_fill(rows, bytes)); },
      unlockTimed(passphrase) { const ms = M.ccall('bb_test_unlock', 'number', ['string'], [passphrase]); requestFrame(); return ms; },
      read() { return JSON.parse(M.UTF8ToString(M._bb_test_read_json())); },
      // Fictional demo families in one transaction; resolved when IndexedDB completed it.
      demo(families, contactsPerFamily, seed) {
        const seq = M._bb_test_demo(families, contactsPerFamily ?? 30, seed ?? 1);
        requestFrame();
        return seq ? self.__bbStore.whenComplete(seq).then(() => seq) : Promise.resolve(0);
      },
      // The page of the last print (until printed frames are discarded at the lock).
      lastPrint() { return lastPrint; },
      printFrames() { return document.querySelectorAll('iframe.bb-print').length; },
      search(text) { return JSON.parse(M.UTF8ToString(M.ccall('bb_test_search', 'number', ['string'], [text]))); },
      // A fictional network directory read and imported in one transaction; resolved when IndexedDB completed it.
      directoryImport(partners, offers) {
        const r = JSON.parse(M.UTF8ToString(M._bb_test_directory_import(partners, offers)));
        requestFrame();
        return r ? self.__bbStore.whenComplete(r.seq).then(() => r) : Promise.resolve(null);
      },
      // Benchmarks: an age round trip of `mb` MB to a fresh key in memory (src/app/crypto_bench_web.cpp).
      ageThroughput(mb) { return JSON.parse(M.UTF8ToString(M._bb_test_age_throughput(mb))); },
      offerSearch(text, need) { return JSON.parse(M.UTF8ToString(M.ccall('bb_test_offer_search', 'number', ['string', 'string'], [text, need ?? '']))); },
      // The next `count` IndexedDB writes fail with this DOMException name (a full disk stays full).
      failWrites(name, count) { self.__bbStore.failWrites = { name: name || 'QuotaExceededError', count: count ?? 1 }; },
      // Occurrences of `text` in wasm memory, UTF-8 and UTF-16LE.
      memoryCount(text) {
        const heap = M.HEAPU8;
        const utf8 = new TextEncoder().encode(text);
        const utf16 = new Uint8Array(text.length * 2);
        for (let i = 0; i < text.length; i++) { utf16[2 * i] = text.charCodeAt(i) & 255; utf16[2 * i + 1] = text.charCodeAt(i) >> 8; }
        let count = 0;
        for (const needle of [utf8, utf16]) {
          const first = needle[0];
          for (let i = heap.indexOf(first); i >= 0 && i <= heap.length - needle.length; i = heap.indexOf(first, i + 1)) {
            let j = 1;
            while (j < needle.length && heap[i + j] === needle[j]) j++;
            if (j === needle.length) count++;
          }
        }
        return count;
      },
    };
  }

  // [SECTION] Start ---------------------------------------------------------------------------
  function handOverFont(slot, bytes) {
    const ptr = M._malloc(bytes.length);
    M.HEAPU8.set(bytes, ptr);
    M._bb_set_font(slot, ptr, bytes.length);
    M._free(ptr);
  }

  // Where start-up time goes (ms since navigation), for tools/bench.
  const timings = { bootScript: performance.now() };

  async function start() {
    if (typeof WebAssembly !== 'object') { showMessage('noWasm', false); return; }
    const slowTimer = setTimeout(() => { if (!started) showMessage('slow', true); }, 8000);
    canvas.addEventListener('webglcontextlost', (e) => { e.preventDefault(); showMessage('contextLost', true); });
    resize();
    watchDpr();
    try {
      const storeFound = self.__bbStore ? self.__bbStore.ready
                                        : Promise.resolve({ ok: false, writer: true, detail: 'store.js missing' });
      // shell/early.js began compiling the wasm and reading the fonts.
      const early = self.__bbEarly;
      if (!early) throw new Error('early.js missing');
      let wasmFailed = null;
      const wasmFailure = new Promise((resolve, reject) => { wasmFailed = reject; });
      const module = createBegleitbuch({
        canvas,
        locateFile: (path) => path,
        print: (t) => console.log(t),
        printErr: (t) => console.warn(t),
        instantiateWasm(imports, receive) {
          early.wasm.then((compiled) => WebAssembly.instantiate(compiled, imports))
            .then((instance) => receive(instance), wasmFailed);
          return {};
        },
      });
      // The WebGL context is created only after this (in bb_start): creating it
      // blocks this thread (in software GL for up to a second), and the wasm's
      // streaming compilation needs this thread to hand it the bytes. Created
      // while the wasm compiled, it held the compilation back by that second
      // (docs/build.md, start-up).
      M = await Promise.race([module, wasmFailure]);
      timings.moduleReady = performance.now();
      const [regular, semibold, icons] = await early.fonts;
      timings.fontsFetched = performance.now();
      handOverFont(0, regular);
      handOverFont(1, semibold);
      handOverFont(2, icons);
      // The stored pages go into wasm memory before the store can be opened (no Asyncify).
      const found = await storeFound;
      if (self.__bbStore) self.__bbStore.handOver(M, found, () => requestFrame());
      else M.ccall('bb_store_loaded', 'number', ['number', 'number', 'number', 'number', 'number', 'string', 'number', 'number', 'string'],
                   [0, 1, 0, 0, 0, '', 0, 0, found.detail]);
    } catch (err) {
      clearTimeout(slowTimer);
      console.error(err);
      showMessage('loadFailed', true);
      return;
    }
    clearTimeout(slowTimer);
    const startCalled = performance.now();
    if (M._bb_start(cssW, cssH, dpr) !== 0) { showMessage('noWebGL', false); return; }
    timings.started = performance.now();
    timings.glContextMs = M._bb_context_ms();
    timings.glContext = startCalled + timings.glContextMs;
    timings.fontAtlasMs = M._bb_fonts_ms();
    if (self.__bbTestHooks === true) M._bb_test_reveal_labels(1);  // personal labels for the tests
    started = true;
    window.__bb.version = M.UTF8ToString(M._bb_version());
    if (host.updateAvailable) M._bb_update_available(1);
    drawFrame();
    timings.firstFrame = firstFrameMs;
    // The next animation frame: by then the browser has taken the first frame for
    // compositing (the floor page of bench/startup.mjs is measured the same way).
    requestAnimationFrame(() => { timings.nextAnimationFrame = performance.now(); });
    window.__bb.firstFrameMs = firstFrameMs;
    window.__bb.ready = true;
    // Only now: installing the worker downloads every file of this version a second
    // time (cache: 'reload') and writes it to Cache Storage. Registered at the start,
    // those downloads held the connections and the CPU the fonts and the first frame
    // wait for (docs/build.md, start-up).
    registerServiceWorker();
  }
  start();
})();
