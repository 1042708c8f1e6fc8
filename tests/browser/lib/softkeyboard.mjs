// What a soft keyboard does to the hidden <textarea id="bb-text-input">, replayed
// as DOM events. Android's GBoard (Chrome) does not send a key per character: it
// sends keydown with keyCode 229 / key "Unidentified", composes each word
// (compositionstart/update/end with input events of inputType
// insertCompositionText) and commits spaces with an input event of inputType
// insertText, while the textarea's value changes as the browser's would.
// References: d954mas/neotolis-engine#527, emscripten-ports/SDL2#80 (STYLE.md).

export const TEXT_INPUT_ID = 'bb-text-input';

/**
 * Types `text` on the focused text element the way GBoard does: one composition
 * per word, a committed space between words. Waits two animation frames
 * between keystrokes, as a finger would give the app time between keys.
 */
export async function gboardType(page, text) {
  const words = text.split(' ');
  for (let wi = 0; wi < words.length; wi++) {
    const word = words[wi];
    const chars = Array.from(word); // keeps characters outside the BMP whole
    for (let i = 1; i <= chars.length; i++) {
      const prefix = chars.slice(0, i).join('');
      await page.evaluate(compositionStep, { id: TEXT_INPUT_ID, prefix, first: i === 1 });
    }
    if (chars.length) await page.evaluate(compositionEnd, { id: TEXT_INPUT_ID, word });
    if (wi < words.length - 1) await page.evaluate(commitText, { id: TEXT_INPUT_ID, text: ' ' });
  }
}

// The functions below run in the page (serialised by page.evaluate).

function compositionStep({ id, prefix, first }) {
  const ta = document.getElementById(id);
  if (!ta) throw new Error(`#${id} is missing`);
  const st = (window.__bbComposition ??= {});
  const key = (type) =>
    ta.dispatchEvent(new KeyboardEvent(type, { key: 'Unidentified', code: '', keyCode: 229, which: 229, isComposing: !first || type === 'keyup', bubbles: true, cancelable: true }));
  key('keydown');
  if (first) {
    st.start = ta.selectionStart ?? ta.value.length;
    st.len = 0;
    ta.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
  }
  ta.dispatchEvent(new CompositionEvent('compositionupdate', { data: prefix, bubbles: true }));
  ta.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertCompositionText', data: prefix, isComposing: true, bubbles: true, cancelable: false }));
  // The browser replaces the composition range with the new composition text.
  const start = Math.min(st.start, ta.value.length);
  const end = Math.min(start + st.len, ta.value.length);
  ta.value = ta.value.slice(0, start) + prefix + ta.value.slice(end);
  st.start = start;
  st.len = prefix.length;
  ta.setSelectionRange(start + prefix.length, start + prefix.length);
  ta.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: prefix, isComposing: true, bubbles: true }));
  key('keyup');
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

function compositionEnd({ id, word }) {
  const ta = document.getElementById(id);
  ta.dispatchEvent(new CompositionEvent('compositionend', { data: word, bubbles: true }));
  window.__bbComposition = {};
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

function commitText({ id, text }) {
  const ta = document.getElementById(id);
  const key = (type) =>
    ta.dispatchEvent(new KeyboardEvent(type, { key: 'Unidentified', code: '', keyCode: 229, which: 229, bubbles: true, cancelable: true }));
  key('keydown');
  const go = ta.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true }));
  if (go) {
    const s = ta.selectionStart ?? ta.value.length;
    const e = ta.selectionEnd ?? s;
    ta.value = ta.value.slice(0, s) + text + ta.value.slice(e);
    ta.setSelectionRange(s + text.length, s + text.length);
    ta.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: text, isComposing: false, bubbles: true }));
  }
  key('keyup');
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

/**
 * Installs (before any page script) a recorder of how the hidden text element
 * gets focus: iOS opens the soft keyboard only when focus() is called inside
 * the user's touch/click handler, so we note which event was being dispatched
 * (window.event) each time focus() is called on it.
 */
export function recordFocusCalls() {
  window.__bbFocusCalls = [];
  const orig = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function (...args) {
    if (this.id === 'bb-text-input') {
      window.__bbFocusCalls.push({ event: window.event ? window.event.type : null, t: performance.now() });
    }
    return orig.apply(this, args);
  };
}

export const USER_GESTURE_EVENTS = ['touchstart', 'touchend', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click'];
