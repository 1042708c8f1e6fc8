// Focus: the on-screen keyboard must not cover the field being typed in (issue 3,
// item 6). When the keyboard opens, the visual viewport shrinks; the app follows
// it and scrolls the active field into view above the keyboard.

import assert from 'node:assert/strict';

export default [
  {
    name: 'when the keyboard shrinks the viewport the active field is scrolled into view above it',
    async fn(t) {
      const page = await t.newPage(t.TABLET_PORTRAIT);
      await t.goTo(page, 'settings');
      const field = await t.waitWidget(page, 'settings.probe_multiline');
      await t.tap(page, 'settings.probe_multiline');
      await t.waitTextInputFocus(page, true);
      // A keyboard of about 45% of the screen, as on an iPad in portrait.
      const keyboardTop = 560;
      assert.ok(field.y + field.h > keyboardTop, `test premise: the field (bottom ${field.y + field.h}) starts below ${keyboardTop}`);
      await page.setViewportSize({ width: 768, height: keyboardTop });
      await t.waitBB(page, (limit) => {
        const w = window.__bb.widgets().find((x) => x.id === 'settings.probe_multiline');
        return w && w.visible && w.y + w.h <= limit;
      }, keyboardTop, { what: 'the multi-line field to be fully above the keyboard' });
      await page.keyboard.insertText('über der Tastatur');
      await t.waitField(page, 'settings.probe_multiline', 'über der Tastatur');
      await t.screenshot(page, 'field-above-keyboard');
    },
  },
];
