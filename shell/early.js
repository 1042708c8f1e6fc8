// Begleitbuch: what the start waits for, begun while the page is still parsed
// (self.__bbEarly; boot.js takes it over).
//
// A classic script in the head runs as soon as it is loaded; the deferred
// scripts (store.js, app.js, boot.js) run only after all of them arrived. The
// wasm's streaming compilation needs the main thread to start it and to hand it
// the bytes, so it begins here, hundreds of milliseconds earlier than from
// app.js, and the fonts are read into memory meanwhile (docs/build.md, start-up).
'use strict';

(function () {
  if (typeof WebAssembly !== 'object') return;  // boot.js says so to the user
  function bytes(url) {
    return fetch(url).then((r) => {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.arrayBuffer();
    }).then((b) => new Uint8Array(b));
  }
  // A server that does not send application/wasm breaks only the streaming path.
  const wasm = (WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch('app.wasm'))
                                             : Promise.reject(new Error('no compileStreaming')))
    .catch(() => bytes('app.wasm').then((b) => WebAssembly.compile(b)));
  // Slots of bb_set_font: 0 regular, 1 semibold, 2 icons.
  const fonts = Promise.all([
    bytes('fonts/OpenSans-Regular.ttf'),
    bytes('fonts/OpenSans-Semibold.ttf'),
    bytes('fonts/forkawesome-webfont.ttf'),
  ]);
  // boot.js handles failures; until then they are not unhandled rejections.
  wasm.catch(() => {});
  fonts.catch(() => {});
  self.__bbEarly = { wasm, fonts };
})();
