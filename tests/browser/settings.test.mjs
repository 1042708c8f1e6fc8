// Focus: the settings that change the whole shell (issue 3, item 5): language
// (German first, English second), font size, light/dark theme, and touch
// scrolling of content that no longer fits (item 6).

import assert from 'node:assert/strict';

async function settingsPage(t, options) {
  const page = await t.newPage(options);
  await t.goTo(page, 'settings');
  return page;
}

/** Screenshots until the mean luminance satisfies ok(mean) (the theme applies within a few frames). */
async function shotUntil(t, page, name, ok, timeout = 5000) {
  const t0 = Date.now();
  let shot;
  do {
    shot = await t.screenshot(page, name);
    if (ok(shot.stats.meanLuminance)) return shot;
    await t.animationFrames(page, 2);
  } while (Date.now() - t0 < timeout);
  return shot;
}

export default [
  {
    name: 'tapping English makes the navigation English and tapping Deutsch makes it German again',
    async fn(t) {
      const page = await settingsPage(t);
      const german = (await t.waitWidget(page, 'nav.families')).label;
      assert.ok(german && german !== 'Families', `the app does not start in German (nav.families is ${JSON.stringify(german)})`);
      await t.tap(page, 'settings.language.en');
      await t.waitBB(page, () => window.__bb.widgets().find((w) => w.id === 'nav.families')?.label === 'Families', null,
        { what: 'nav.families to read "Families"' });
      await t.screenshot(page, 'english');
      await t.waitWidget(page, 'settings.language.de');
      await t.tap(page, 'settings.language.de');
      await t.waitBB(page, (g) => window.__bb.widgets().find((w) => w.id === 'nav.families')?.label === g, german,
        { what: `nav.families to read ${JSON.stringify(german)} again` });
      await t.screenshot(page, 'german');
    },
  },
  {
    name: 'the extra large font size makes the navigation taller',
    async fn(t) {
      const page = await settingsPage(t);
      await t.waitWidget(page, 'settings.font.xlarge');
      await t.tap(page, 'settings.font.normal');
      await t.animationFrames(page, 3);
      const normal = await t.widget(page, 'nav.families');
      await t.tap(page, 'settings.font.xlarge');
      await t.waitBB(page, (h) => (window.__bb.widgets().find((w) => w.id === 'nav.families')?.h ?? 0) > h, normal.h,
        { what: `nav.families to grow taller than ${normal.h} px` });
      await t.screenshot(page, 'xlarge');
      // And back: the setting is not one-way.
      await t.waitWidget(page, 'settings.font.normal', { visible: false });
      const big = await t.widget(page, 'nav.families');
      const nrm = await t.widget(page, 'settings.font.normal');
      if (!nrm.visible) return; // scrolled out at xlarge: growing was the point of this test
      await t.tap(page, 'settings.font.normal');
      await t.waitBB(page, (h) => (window.__bb.widgets().find((w) => w.id === 'nav.families')?.h ?? 1e9) < h, big.h,
        { what: 'nav.families to shrink back at the normal font size' });
    },
  },
  {
    name: 'the dark theme makes the screen darker on average',
    async fn(t) {
      const page = await settingsPage(t);
      await t.waitWidget(page, 'settings.theme.light');
      await t.tap(page, 'settings.theme.light');
      await t.animationFrames(page, 3);
      const light = await t.screenshot(page, 'light');
      await t.tap(page, 'settings.theme.dark');
      const dark = await shotUntil(t, page, 'dark', (m) => m < light.stats.meanLuminance - 40);
      const l = light.stats.meanLuminance, d = dark.stats.meanLuminance;
      assert.ok(d < l - 40, `dark theme mean luminance ${d.toFixed(1)} is not clearly below light ${l.toFixed(1)}`);
      assert.ok(l > 128, `the light theme is not light (mean luminance ${l.toFixed(1)} of 255)`);
      t.assertNotBlank(dark, 'the dark screen');
      // And back to light.
      await t.waitWidget(page, 'settings.theme.light');
      await t.tap(page, 'settings.theme.light');
      const again = await shotUntil(t, page, 'light-again', (m) => m > l - 10);
      assert.ok(again.stats.meanLuminance > l - 10, 'switching back to light did not restore the light screen');
    },
  },
  {
    name: 'a touch drag scrolls the settings screen when it overflows',
    async fn(t) {
      const page = await settingsPage(t, { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
      await t.waitWidget(page, 'settings.font.xlarge');
      const navBefore = await t.widget(page, 'nav.families');
      await t.tap(page, 'settings.font.xlarge');
      await t.waitBB(page, (h) => (window.__bb.widgets().find((w) => w.id === 'nav.families')?.h ?? 0) > h, navBefore.h,
        { what: 'the extra large font to apply' });
      await t.animationFrames(page, 3);
      const y0 = await t.scrollY(page);
      assert.equal(y0, 0, `settings screen starts scrolled by ${y0} px`);
      const vp = page.viewportSize();
      const settings = (await t.widgets(page)).filter((w) => w.id.startsWith('settings.'));
      assert.ok(settings.length > 0, 'no settings.* widgets');
      const overflows = settings.some((w) => !w.visible || w.y + w.h > vp.height);
      assert.ok(overflows, 'the settings screen does not overflow 1024x768 at the extra large font, nothing to scroll');
      // Drag from the middle of the content area upwards, starting on a button
      // (drag scrolls the content under the finger, whatever lies there).
      const xs = settings.filter((w) => w.visible);
      const left = Math.min(...xs.map((w) => w.x)), right = Math.max(...xs.map((w) => w.x + w.w));
      const from = { x: (left + right) / 2, y: vp.height * 0.75 };
      const to = { x: from.x, y: vp.height * 0.3 };
      await t.screenshot(page, 'before-drag');
      await t.drag(page, from, to);
      await t.waitBB(page, () => window.__bb.scrollY() > 0, null, { what: '__bb.scrollY() to grow after the drag' });
      const y1 = await t.scrollY(page);
      await t.screenshot(page, 'after-drag');
      assert.ok(y1 > 0, `scrollY is ${y1} after dragging ${from.y - to.y} px`);
      // A drag is not a tap: the screen and language did not change.
      assert.equal(await t.screen(page), 'settings');
    },
  },
];
