// Focus: the KJH cooperation in the browser (issue 7), the scenario of the
// issue: a family in Begleitung, the KJH starts an Abklärung, then a binding
// Hilfeplan; the app asks for the decision; "Bleiben statt gehen" is recorded
// with the Rücksprache of the Fachliche Leitung and the agreement of all three
// (the app names what is missing until then); the Kooperationsvereinbarung is
// agreed and printed through the browser's print path. Personal labels are
// readable only because the test switched the test hooks on (docs/testing.md).

import assert from 'node:assert/strict';

import { createQuellmalzFamily, label, reach, saveAndWait, tapField, typeField } from './lib/forms.mjs';

const NAME = 'Quellmalz-Dörr';

async function today(t, page, id) {
  await tapField(t, page, id);
  await t.waitWidget(page, `${id}.today`);
  await t.tap(page, `${id}.today`);
  await t.animationFrames(page, 3);
}

async function agree(t, page, party, who) {
  await today(t, page, `${party}.on`);
  await typeField(t, page, `${party}.by`, who);
}

async function labels(t, page, prefix) {
  return (await t.widgets(page)).filter((w) => w.id.startsWith(prefix)).map((w) => w.label ?? '');
}

// An involvement of the one child, from today, led by Frau Berger.
async function addInvolvement(t, page, kind) {
  await tapField(t, page, 'kjh.add_involvement');
  await t.waitWidget(page, 'kjh_inv.title');
  await tapField(t, page, 'kjh_inv.child');
  const isChild = () => window.__bb.widgets().find((w) => /^kjh_inv\.child\.\d+$/.test(w.id))?.id;
  await t.waitBB(page, isChild, null, { what: 'the child in the chooser' });
  await t.tap(page, await page.evaluate(isChild));
  await t.animationFrames(page, 3);
  await tapField(t, page, `kjh_inv.kind.${kind}`);
  await typeField(t, page, 'kjh_inv.fallfuehrung', 'Frau Berger');
  await saveAndWait(t, page, 'kjh_inv.save');
  await t.waitWidget(page, 'kjh.state');
}

export default [
  {
    name: 'Begleitung, Abklärung, binding Hilfeplan: the app asks for the decision; Bleiben statt gehen with the three agreements; the Kooperationsvereinbarung is printed',
    timeout: 240000,
    async fn(t) {
      const page = await t.newPage({ testHooks: true });

      // A family with a mother and a child, then in Begleitung (status laufend).
      await createQuellmalzFamily(t, page, NAME);
      await tapField(t, page, 'overview.status_change');
      await t.waitWidget(page, 'status.title');
      await tapField(t, page, 'status.to.laufend');
      await saveAndWait(t, page, 'status.save');
      await t.waitWidget(page, 'overview.header');

      // The KJH view: a plain Begleitung, then Abklärung, then a binding Hilfeplan.
      await tapField(t, page, 'overview.kjh');
      await t.waitWidget(page, 'kjh.state');
      assert.equal(await label(t, page, 'kjh.state'), 'Begleitung');
      await addInvolvement(t, page, 'abklaerung');
      await addInvolvement(t, page, 'verbindlicher_hilfeplan');
      assert.equal(await label(t, page, 'kjh.state'), 'Entscheidung nötig');
      assert.ok((await labels(t, page, 'kjh.explanation.')).some((l) => l.includes('verbindlicher Hilfeplan')),
        'the app explains what seed 000 requires');
      assert.match(await label(t, page, 'kjh.fallfuehrung'), /Frau Berger/);

      // Decision (b) Bleiben statt gehen: what is missing is named until it is complete.
      await tapField(t, page, 'kjh.decide.b');
      await t.waitWidget(page, 'kjh_exc.unbefristet', { visible: false });
      assert.ok((await labels(t, page, 'kjh_exc.missing.')).some((l) => l.includes('Zustimmung der Familie')));
      await tapField(t, page, 'kjh_exc.unbefristet');
      await tapField(t, page, 'kjh_exc.ergaenzend');
      await typeField(t, page, 'kjh_exc.leitung.who', 'Frau Amsel');
      await today(t, page, 'kjh_exc.leitung.on');
      await tapField(t, page, 'kjh_exc.leitung.intervision');
      await tapField(t, page, 'kjh_exc.leitung.approved');
      await agree(t, page, 'kjh_exc.familie', 'Frau Janne Q. (Mutter)');
      await agree(t, page, 'kjh_exc.fruehe_hilfen', 'Frau Lindqvist');
      const missing = await labels(t, page, 'kjh_exc.missing.');
      assert.ok(missing.some((l) => l.includes('Kinder- und Jugendhilfe')), `only the KJH is missing: ${missing}`);
      assert.ok(!missing.some((l) => l.includes('Zustimmung der Familie')));
      await agree(t, page, 'kjh_exc.kjh', 'Frau Berger');
      await t.waitWidget(page, 'kjh_exc.complete', { visible: false });
      await saveAndWait(t, page, 'kjh_exc.save');
      await t.waitWidget(page, 'kjh.state');
      assert.equal(await label(t, page, 'kjh.state'), 'Begleitung als Ausnahme');
      assert.ok((await labels(t, page, 'kjh.exception.')).some((l) => l.includes('Bleiben statt gehen')));

      // The fallbezogene Kooperationsvereinbarung: Fallführung is KJH's; agreed by all three; printed.
      await tapField(t, page, 'kjh.agreement');
      await t.waitWidget(page, 'coop.lead', { visible: false });
      assert.match(await label(t, page, 'coop.lead'), /Kinder- und Jugendhilfe/);
      await tapField(t, page, 'coop.fh_voluntary');
      await tapField(t, page, 'coop.family_client');
      await typeField(t, page, 'coop.fh_role', 'Begleitung im Alltag, Schlaf und Schreien');
      await typeField(t, page, 'coop.interval', '42');
      await agree(t, page, 'coop.familie', 'Frau Janne Q.');
      await agree(t, page, 'coop.fruehe_hilfen', 'Frau Lindqvist');
      await agree(t, page, 'coop.kjh', 'Frau Berger');
      await saveAndWait(t, page, 'coop.save');
      await t.waitWidget(page, 'coop.in_force', { visible: false });

      await reach(t, page, 'coop.print');
      await t.tap(page, 'coop.print');
      await t.waitBB(page, () => window.__bb.test.lastPrint() !== '', null, { what: 'the print page' });
      const html = await page.evaluate(() => window.__bb.test.lastPrint());
      assert.match(html, /<title>Kooperationsvereinbarung<\/title>/);
      assert.ok(html.includes(NAME), 'the family is on the printed agreement');
      assert.ok(html.includes('Schlaf und Schreien'));
      assert.equal((html.match(/class="signature"/g) || []).length, 3, 'three signature lines');
      assert.equal(await page.evaluate(() => window.__bb.test.printFrames()), 1, 'printed through one print frame');

      // The lock discards the printed page and its frame.
      await reach(t, page, 'nav.lock');
      await t.tap(page, 'nav.lock');
      await t.waitSessionState(page, 'locked');
      await t.waitBB(page, () => window.__bb.test.printFrames() === 0 && window.__bb.test.lastPrint() === '', null,
        { what: 'the print discarded at the lock' });
    },
  },
];
