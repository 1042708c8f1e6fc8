// Focus: tablet input (issue 3, item 6): the soft keyboard through the hidden
// <textarea id="bb-text-input">, focused inside the tap itself; text from the
// keyboard (plain and Android composition) arriving intact; Backspace and
// Enter; blur on a tap elsewhere; long-press as right-click (edit menu).

import assert from 'node:assert/strict';
import { gboardType, recordFocusCalls, USER_GESTURE_EVENTS } from './lib/softkeyboard.mjs';

const GERMAN = 'Müßiggang äöü ÄÖÜ ß';

/** A touch tablet page on the settings screen, with focus() calls recorded. */
async function settingsPage(t, options = {}) {
  const page = await t.newPage({ url: null, ...options });
  await page.addInitScript(recordFocusCalls);
  await page.goto(t.baseUrl);
  await t.ensureUnlocked(page);  // the keyboard test is reachable when unlocked
  await t.goTo(page, 'settings');
  await t.waitWidget(page, 'settings.probe');
  return page;
}

/** Taps a text field and checks the soft keyboard would open (focus inside the tap). */
async function tapField(t, page, id) {
  const calls = await page.evaluate(() => window.__bbFocusCalls.length);
  await t.tap(page, id);
  // Right after the tap: the hidden textarea must already own the focus.
  const active = await page.evaluate(() => document.activeElement?.id ?? null);
  assert.equal(active, 'bb-text-input', `after tapping ${id}, document.activeElement is #${active}, not #bb-text-input`);
  const focusCalls = await page.evaluate((n) => window.__bbFocusCalls.slice(n), calls);
  // focus() may also have been called earlier in the session and kept; if it was
  // called for this tap, it must have been called inside the touch/click handler.
  for (const c of focusCalls) {
    assert.ok(USER_GESTURE_EVENTS.includes(c.event),
      `#bb-text-input.focus() was called outside a user gesture (during: ${c.event ?? 'no event, e.g. a requestAnimationFrame callback'}); iOS would not open the keyboard`);
  }
}

/** Empties a probe field through the keyboard path (select all + Backspace is app-specific, so: Backspace until empty). */
async function expectEmpty(t, page, id) {
  const v = await t.field(page, id);
  assert.equal(v, '', `${id} is not empty at the start of a fresh profile: ${JSON.stringify(v)}`);
}

/** A point on the current screen that no widget covers (inside the content area). */
async function emptySpot(t, page) {
  const vp = page.viewportSize();
  const ws = (await t.widgets(page)).filter((w) => w.visible);
  const inside = (x, y) => ws.some((w) => x >= w.x - 8 && x <= w.x + w.w + 8 && y >= w.y - 8 && y <= w.y + w.h + 8);
  // Prefer the lower right of the screen, away from navigation and headings.
  for (let y = vp.height - 30; y > vp.height / 3; y -= 20) {
    for (let x = vp.width - 30; x > vp.width / 3; x -= 20) {
      if (!inside(x, y)) return { x, y };
    }
  }
  throw new Error('no spot on the settings screen is free of widgets');
}

export default [
  {
    name: 'text typed through the on-screen keyboard after a touch tap arrives intact',
    async fn(t) {
      const page = await settingsPage(t);
      await expectEmpty(t, page, 'settings.probe');
      await tapField(t, page, 'settings.probe');
      await page.keyboard.insertText(GERMAN);
      await t.waitField(page, 'settings.probe', GERMAN);
      await t.screenshot(page, 'typed');
    },
  },
  {
    name: 'text composed by an Android keyboard (keyCode 229 and composition events) arrives intact',
    async fn(t) {
      const page = await settingsPage(t);
      await expectEmpty(t, page, 'settings.probe');
      await tapField(t, page, 'settings.probe');
      await gboardType(page, GERMAN);
      await t.waitField(page, 'settings.probe', GERMAN);
      await t.screenshot(page, 'composed');
    },
  },
  {
    name: 'Backspace removes a character and Enter in the multi-line field starts a new line',
    async fn(t) {
      const page = await settingsPage(t);
      await tapField(t, page, 'settings.probe');
      await page.keyboard.insertText('Haus');
      await t.waitField(page, 'settings.probe', 'Haus');
      await page.keyboard.press('Backspace');
      await t.waitField(page, 'settings.probe', 'Hau');
      // Single line: Enter confirms (ImGui may end the editing) but adds no line break.
      const since = await t.frames(page);
      await page.keyboard.press('Enter');
      await t.waitFrames(page, 1, { since });
      await t.animationFrames(page, 2);
      assert.equal(await t.field(page, 'settings.probe'), 'Hau', 'Enter changed the single-line field');

      await t.waitWidget(page, 'settings.probe_multiline');
      await expectEmpty(t, page, 'settings.probe_multiline');
      await tapField(t, page, 'settings.probe_multiline');
      await page.keyboard.insertText('eins');
      await t.waitField(page, 'settings.probe_multiline', 'eins');
      await page.keyboard.press('Enter');
      await page.keyboard.insertText('zwei');
      await t.waitField(page, 'settings.probe_multiline', 'eins\nzwei');
      await page.keyboard.press('Backspace');
      await t.waitField(page, 'settings.probe_multiline', 'eins\nzwe');
      // The single-line field kept its text while the other one was edited.
      assert.equal(await t.field(page, 'settings.probe'), 'Hau');
    },
  },
  {
    name: 'a tap outside a text field takes the focus from the hidden textarea',
    async fn(t) {
      const page = await settingsPage(t);
      await tapField(t, page, 'settings.probe');
      await page.keyboard.insertText('a');
      await t.waitField(page, 'settings.probe', 'a');
      const spot = await emptySpot(t, page);
      await t.tapAt(page, spot.x, spot.y);
      await t.waitTextInputFocus(page, false);
      // Typing now must not reach the field any more.
      await page.keyboard.insertText('b');
      await t.animationFrames(page, 3);
      assert.equal(await t.field(page, 'settings.probe'), 'a', 'text still reached the field after the tap outside');
    },
  },
  {
    name: 'a long press on a text field opens the edit menu',
    async fn(t) {
      const page = await settingsPage(t);
      assert.ok(!(await t.widgets(page)).some((w) => w.id === 'edit.menu' && w.visible), 'edit.menu is open before the long press');
      const held = await t.longPress(page, 'settings.probe', {
        until: () => window.__bb.widgets().some((w) => w.id === 'edit.menu' && w.visible),
      });
      await t.waitWidget(page, 'edit.menu');
      for (const id of ['edit.cut', 'edit.copy', 'edit.paste', 'edit.select_all']) await t.waitWidget(page, id);
      await t.screenshot(page, `edit-menu-after-${held}ms`);
    },
  },
  {
    name: 'a short tap on a text field does not open the edit menu',
    async fn(t) {
      const page = await settingsPage(t);
      await tapField(t, page, 'settings.probe');
      // Waiting for something not to happen: past the 500 ms long-press timer.
      await t.sleep(800);
      await t.animationFrames(page, 2);
      const open = (await t.widgets(page)).some((w) => w.id === 'edit.menu' && w.visible);
      assert.ok(!open, 'edit.menu opened on a plain tap');
    },
  },
];
