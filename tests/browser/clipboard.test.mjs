// Focus: copy and paste through the browser clipboard (issue 3, item 6): the
// long-press edit menu writes to and reads from navigator.clipboard; the
// browser's paste event (Ctrl+V, the keyboard's paste key) inserts into the
// active field.

import assert from 'node:assert/strict';

const PERMISSIONS = ['clipboard-read', 'clipboard-write'];

async function settingsWithClipboard(t) {
  const page = await t.newPage();
  await page.context().grantPermissions(PERMISSIONS, { origin: t.baseUrl });
  await t.goTo(page, 'settings');
  await t.waitWidget(page, 'settings.probe');
  return page;
}

async function openEditMenu(t, page) {
  await t.longPress(page, 'settings.probe', {
    until: () => window.__bb.widgets().some((w) => w.id === 'edit.menu'),
  });
  await t.waitWidget(page, 'edit.copy');
}

export default [
  {
    name: 'copy in the long-press menu puts the field text on the system clipboard',
    async fn(t) {
      const page = await settingsWithClipboard(t);
      await t.tap(page, 'settings.probe');
      await page.keyboard.insertText('Hausbesuch am Dienstag');
      await t.waitField(page, 'settings.probe', 'Hausbesuch am Dienstag');
      await page.evaluate(() => navigator.clipboard.writeText('vorher'));
      await openEditMenu(t, page);
      await t.tap(page, 'edit.copy');
      await t.waitBB(page, () => navigator.clipboard.readText().then((s) => s !== 'vorher'), null,
        { what: 'the clipboard text to change' });
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Hausbesuch am Dienstag');
    },
  },
  {
    name: 'paste in the long-press menu inserts the clipboard text into the field',
    async fn(t) {
      const page = await settingsWithClipboard(t);
      await page.evaluate(() => navigator.clipboard.writeText('Straße 5 – 15 €'));
      await openEditMenu(t, page);
      await t.tap(page, 'edit.paste');
      await t.waitField(page, 'settings.probe', 'Straße 5 – 15 €');
    },
  },
  {
    name: 'the browser paste event inserts its text into the active field',
    async fn(t) {
      const page = await settingsWithClipboard(t);
      await t.tap(page, 'settings.probe');
      await t.waitTextInputFocus(page, true);
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.setData('text/plain', 'Ärztin Dr. Özdemir');
        document.getElementById('bb-text-input').dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await t.waitField(page, 'settings.probe', 'Ärztin Dr. Özdemir');
    },
  },
];
