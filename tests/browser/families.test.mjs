// Focus: the case documentation in the browser (issue 5), the scenario of the
// issue: create a family with a child and an expected child, record a home
// visit with two topics and a note, find the family by a word of the note in
// another case and without umlauts, edit the visit, reload, unlock: everything
// is there. Labels of personal widgets are readable only because the test
// switched the test hooks on (docs/testing.md).

import assert from 'node:assert/strict';

import { fillNewFamily, germanDate, label, reach, saveAndWait, tapField, typeField } from './lib/forms.mjs';

const NAME = 'Zzyzx-Brunnhuber';
const NOTE = 'Mira schläft unruhig; Übergabe an die Großmutter geübt.';

export default [
  {
    name: 'a family with a child and an expected child, a home visit with two topics found by a word of its note, edited, survives reload and unlock',
    timeout: 150000,
    async fn(t) {
      const page = await t.newPage({ testHooks: true });
      await t.goTo(page, 'families');
      await fillNewFamily(t, page, NAME, 'Frau Lindqvist', [
        { first: 'Selin' },
        { first: 'Mira', role: 'child', birth: '14.02.2026' },
        { first: 'Baby', role: 'expected_child', due: germanDate(60) },
      ]);
      await saveAndWait(t, page, 'family.save');
      await t.waitWidget(page, 'overview.header');
      assert.match(await label(t, page, 'overview.header'), /Zzyzx-Brunnhuber/);
      assert.match(await label(t, page, 'overview.child.0'), /Mira/);
      assert.match(await label(t, page, 'overview.child.1'), /Baby.*ET \d/);

      // The home visit: Hausbesuch is preselected; two topics, who was there, a note.
      await t.tap(page, 'overview.add_contact');
      await t.waitWidget(page, 'contact.title');
      await tapField(t, page, 'contact.topic.schlafen');
      await tapField(t, page, 'contact.topic.stillen');
      await tapField(t, page, 'contact.present.0');
      await typeField(t, page, 'contact.note', NOTE);
      await saveAndWait(t, page, 'contact.save');
      await t.waitWidget(page, 'overview.header');
      const entry = await label(t, page, 'overview.timeline.0');
      assert.match(entry, /Hausbesuch.*Schlafen/);
      assert.match(entry, /Stillen und Ernährung/);
      assert.match(entry, /Großmutter/);

      // Search: another case, no umlauts, as you type.
      await reach(t, page, 'overview.back');
      await t.tap(page, 'overview.back');
      await t.waitWidget(page, 'families.search');
      await t.typeInto(page, 'families.search', 'UBERGABE');
      await t.waitBB(page, () => window.__bb.widgets().find((w) => w.id === 'families.count')?.label === '1 Familien',
        null, { what: 'one family found' });
      assert.equal(await label(t, page, 'families.row.0'), NAME);

      // Edit the visit: add a topic.
      await t.tap(page, 'families.row.0');
      await t.waitWidget(page, 'overview.header');
      await tapField(t, page, 'overview.timeline.0');
      await t.waitWidget(page, 'contact.title');
      await tapField(t, page, 'contact.topic.bindung');
      await saveAndWait(t, page, 'contact.save');
      await t.waitWidget(page, 'overview.header');
      assert.match(await label(t, page, 'overview.timeline.0'), /Bindung/);

      // Reload, unlock: everything is there.
      await page.reload({ waitUntil: 'load' });
      await t.waitReady(page);
      await t.waitSessionState(page, 'locked');
      await t.unlockStore(page);
      await t.goTo(page, 'families');
      await t.waitWidget(page, 'families.row.0');
      assert.equal(await label(t, page, 'families.row.0'), NAME);
      await t.tap(page, 'families.row.0');
      await t.waitWidget(page, 'overview.header');
      assert.match(await label(t, page, 'overview.child.0'), /Mira/);
      assert.match(await label(t, page, 'overview.child.1'), /ET /);
      const after = await label(t, page, 'overview.timeline.0');
      for (const word of ['Hausbesuch', 'Schlafen', 'Stillen', 'Bindung', 'Großmutter']) assert.ok(after.includes(word), `${word} missing in ${after}`);
      assert.equal((await page.evaluate(() => window.__bb.storeCheck())).ok, true);
      // Locking leaves neither the name nor the note readable in wasm memory.
      assert.ok(await page.evaluate((m) => window.__bb.test.memoryCount(m), NAME) > 0, 'control: the name is in memory');
      await t.tap(page, 'nav.lock');
      await t.waitWidget(page, 'lock.title');
      await t.animationFrames(page, 3);
      assert.equal(await page.evaluate((m) => window.__bb.test.memoryCount(m), NAME), 0, 'the family name stays in memory after lock');
      assert.equal(await page.evaluate((m) => window.__bb.test.memoryCount(m), 'Großmutter geübt'), 0, 'the note stays in memory after lock');
    },
  },
  {
    name: 'without the test hooks, the labels of personal widgets stay empty (names never reach the test API)',
    timeout: 90000,
    async fn(t) {
      const page = await t.newPage();
      await t.goTo(page, 'families');
      await t.tap(page, 'families.new');
      await typeField(t, page, 'family.name', NAME);
      await saveAndWait(t, page, 'family.save');
      await t.waitWidget(page, 'overview.header');
      assert.ok(!(await label(t, page, 'overview.header')), 'the header label is readable');
      await t.tap(page, 'overview.back');
      await t.waitWidget(page, 'families.row.0');
      assert.ok(!(await label(t, page, 'families.row.0')), 'the row label is readable');
      assert.ok(!JSON.stringify(await t.widgets(page)).includes('Zzyzx'), 'the name is in the widget list');
    },
  },
];
