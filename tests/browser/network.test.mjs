// Focus: the network directory and the Vermittlung in the browser (issue 6),
// the scenario of the issue: import a directory file through the real file
// picker (the diff first, then "Übernehmen"), an invalid file refused with
// the store unchanged, search an offer by need, refer a family (refused
// without the family's agreement), record the partner's feedback and find
// the referral in the family's timeline. Personal labels are readable only
// because the test switched the test hooks on (docs/testing.md).

import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { label, reach, saveAndWait, tapField, typeField } from './lib/forms.mjs';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'examples', 'directory.json');

async function pickFile(t, page, file) {
  await reach(t, page, 'network.import');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), t.tap(page, 'network.import')]);
  await chooser.setFiles(file);
}

export default [
  {
    name: 'a directory file is imported after its diff, an offer found by need, a family referred with consent, feedback recorded, the referral in the timeline',
    timeout: 180000,
    async fn(t) {
      const page = await t.newPage({ testHooks: true });
      await t.goTo(page, 'network');
      await t.waitWidget(page, 'network.empty', { visible: false });

      // An invalid file: a German message, nothing written.
      const bad = path.join(await t.tempDir('bb-dir-'), 'kaputt.json');
      const fs = await import('node:fs/promises');
      await fs.writeFile(bad, '{"format": "begleitbuch-netzwerkverzeichnis", "version": 1, "partners": [');
      const before = (await t.saveState(page)).accepted;
      await pickFile(t, page, bad);
      await t.waitWidget(page, 'network.message', { visible: false });
      assert.match(await label(t, page, 'network.message'), /Es wurde nichts übernommen/);
      assert.equal((await t.saveState(page)).accepted, before);

      // The example directory: the diff first, then one commit.
      await pickFile(t, page, EXAMPLE);
      await t.waitWidget(page, 'network.review.title', { visible: false });
      await t.animationFrames(page, 6);  // the review's cards settle their size first
      assert.equal(await label(t, page, 'network.review.added'), 'neu: 15');
      assert.equal((await t.saveState(page)).accepted, before);
      await t.tap(page, 'network.review.apply');
      await t.waitBB(page, (b) => window.__bb.saveState().accepted > b, before, { what: 'the import to commit' });
      await t.waitSaved(page);
      await t.waitWidget(page, 'network.directory.stand', { visible: false });
      assert.match(await label(t, page, 'network.directory.stand'), /Stand 15\.09\.2026/);

      // The offer search by need.
      await tapField(t, page, 'network.offers.need');
      await tapField(t, page, 'network.offers.need.schlafen');
      await t.waitBB(page, () => window.__bb.widgets().find((w) => w.id === 'network.offers.count')?.label === '1 Angebote',
        null, { what: 'one offer for the need Schlafen' });
      assert.equal(await label(t, page, 'network.offer.0'), 'Babysprechstunde');

      // A family with a mother and a child.
      await t.goTo(page, 'families');
      await tapField(t, page, 'families.new');
      await typeField(t, page, 'family.name', 'Zzyzx-Okonkwo');
      await tapField(t, page, 'family.add_person');
      await typeField(t, page, 'family.person.0.first_name', 'Selin');
      await saveAndWait(t, page, 'family.save');
      await t.waitWidget(page, 'overview.header', { visible: false });

      // The referral: refused without the agreement, saved with it.
      await tapField(t, page, 'overview.refer');
      await t.waitWidget(page, 'referral.title', { visible: false });
      await tapField(t, page, 'referral.need');
      await tapField(t, page, 'referral.need.schlafen');
      await tapField(t, page, 'referral.offer.0');
      await tapField(t, page, 'referral.feedback_agreed');
      const beforeRefusal = (await t.saveState(page)).accepted;
      await tapField(t, page, 'referral.save');
      await t.waitWidget(page, 'referral.consent.error', { visible: false });
      assert.match(await label(t, page, 'referral.consent.error'), /Einvernehmen mit den Betroffenen/);
      assert.equal((await t.saveState(page)).accepted, beforeRefusal, 'the refused referral wrote nothing');
      await tapField(t, page, 'referral.agreed');
      await tapField(t, page, 'referral.person.0');
      await saveAndWait(t, page, 'referral.save');
      await t.waitWidget(page, 'overview.header', { visible: false });
      await reach(t, page, 'overview.referral.0');
      assert.match(await label(t, page, 'overview.referral.0'), /Babysprechstunde/);

      // The partner's feedback on the referral.
      await tapField(t, page, 'overview.referral.0');
      await t.waitWidget(page, 'referral.title', { visible: false });
      await typeField(t, page, 'referral.feedback_content', 'Erster Termin hat stattgefunden.');
      await saveAndWait(t, page, 'referral.feedback_save');
      await t.waitWidget(page, 'referral.feedback.0', { visible: false });
      assert.match(await label(t, page, 'referral.feedback.0'), /Erster Termin/);
      await tapField(t, page, 'referral.back');

      // The referral in the family's timeline.
      await t.waitWidget(page, 'overview.header', { visible: false });
      const entries = (await t.widgets(page)).filter((w) => w.id.startsWith('overview.timeline.')).map((w) => w.label);
      assert.ok(entries.some((e) => /Vermittlung an Hebammenpraxis am Wiesengrund/.test(e)), `timeline: ${entries.join(' | ')}`);
      assert.equal((await page.evaluate(() => window.__bb.storeCheck())).ok, true);
    },
  },
];
