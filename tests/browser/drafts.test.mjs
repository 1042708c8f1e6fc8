// Focus: no lost input (docs/ui.md "No lost input"). A companion types a
// contact note and the tab is closed before she saves: the draft was written
// into the encrypted store when the tab went to the background, so after
// reopening and unlocking the form is back with the note, still unsaved.

import assert from 'node:assert/strict';

import { label, saveAndWait, tapField, typeField } from './lib/forms.mjs';

const NOTE = 'Entwurf Qxuvelo: Mira schläft unruhig.';

export default [
  {
    name: 'a contact note typed but not saved survives closing the tab: after reopening and unlocking its form is back',
    timeout: 120000,
    async fn(t) {
      const page = await t.newPage({ testHooks: true });
      await t.goTo(page, 'families');
      await t.tap(page, 'families.new');
      await typeField(t, page, 'family.name', 'Draftmann');
      await saveAndWait(t, page, 'family.save');
      await t.waitWidget(page, 'overview.header');
      await t.tap(page, 'overview.add_contact');
      await t.waitWidget(page, 'contact.title');
      await tapField(t, page, 'contact.topic.schlafen');
      await typeField(t, page, 'contact.note', NOTE);

      // The tab goes away without a save (as on a tablet: the tab is closed or discarded).
      const context = page.context();
      await page.close({ runBeforeUnload: true });
      const again = await context.newPage();
      again.__bbOptions = page.__bbOptions;
      await again.goto(t.baseUrl, { waitUntil: 'load' });
      await t.waitReady(again);
      await t.waitSessionState(again, 'locked');
      await t.unlockStore(again);
      await t.waitWidget(again, 'form.draft_restored');
      assert.match(await label(t, again, 'form.draft_restored'), /wieder da/);
      assert.equal(await again.evaluate(() => window.__bb.screen()), 'families');

      // Saving it now documents the visit once, with the note.
      await saveAndWait(t, again, 'contact.save');
      await t.waitWidget(again, 'overview.header');
      const entry = await label(t, again, 'overview.timeline.0');
      assert.match(entry, /Qxuvelo/);
      assert.match(entry, /Schlafen/);
    },
  },
];
