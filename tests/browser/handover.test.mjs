// Focus: the encrypted handover in the browser (issue 8): a family with a
// consent for the handover to the KJH, the handover file made with a
// passphrase and downloaded through the browser, then received in the app
// through the real file picker — a wrong passphrase changes nothing, the
// preview comes first, „Übernehmen“ imports once, and the same file again
// changes nothing. Personal labels are readable only because the test
// switched the test hooks on (docs/testing.md).

import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import path from 'node:path';

import { createQuellmalzFamily, label, reach, saveAndWait, tapField, typeField } from './lib/forms.mjs';

const NAME = 'Quellmalz-Dörr';
const FILE_PASS = 'Birkenwald Sonnenuhr Laterne Kompass';

// Scrypt (work factor 2^18) runs in wasm: opening and making a file take seconds.
const SLOW = { visible: false, timeout: 90000 };

// Familie Quellmalz-Dörr made on screen with the written consent of the mother
// Janne to hand Stammdaten and Kontakte over to the KJH; ends on the overview.
async function familyWithHandoverConsent(t, page) {
  await createQuellmalzFamily(t, page, NAME);
  await tapField(t, page, 'overview.consents');
  await tapField(t, page, 'consents.new');
  await tapField(t, page, 'consent.person.0');
  await tapField(t, page, 'consent.purpose.uebergabe_kjh');
  await tapField(t, page, 'consent.category.stammdaten');
  await tapField(t, page, 'consent.category.kontakte');
  await saveAndWait(t, page, 'consent.save');
  await t.waitWidget(page, 'consents.row.0', { visible: false });
  assert.match(await label(t, page, 'consents.row.0.state'), /^aktiv/);
  await tapField(t, page, 'consents.back');
  await t.waitWidget(page, 'overview.header');
}

async function pickHandover(t, page, file) {
  await reach(t, page, 'receive.pick');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), t.tap(page, 'receive.pick')]);
  await chooser.setFiles(file);
  await t.waitWidget(page, 'receive.picked', { visible: false });
}

async function openWith(t, page, passphrase) {
  await typeField(t, page, 'receive.passphrase', passphrase);
  await tapField(t, page, 'receive.open');
}

export default [
  {
    name: 'a handover file made with a passphrase is downloaded, refused with a wrong passphrase, previewed, taken over once, and the same file again changes nothing',
    timeout: 300000,
    async fn(t) {
      const page = await t.newPage({ testHooks: true });
      await familyWithHandoverConsent(t, page);

      // The handover: no Jugendamt with a key in the directory, so a passphrase.
      await tapField(t, page, 'overview.handover');
      await t.waitWidget(page, 'handover.title');
      assert.equal(await label(t, page, 'handover.section.stammdaten.state'), 'wird übergeben');
      assert.notEqual(await label(t, page, 'handover.section.kinderschutz.state'), 'wird übergeben');
      await typeField(t, page, 'handover.pass1', FILE_PASS);
      await typeField(t, page, 'handover.pass2', FILE_PASS);
      await reach(t, page, 'handover.create');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90000 }), t.tap(page, 'handover.create')]);
      const file = path.join(await t.tempDir('bb-handover-'), download.suggestedFilename());
      await download.saveAs(file);
      assert.match(download.suggestedFilename(), /^uebergabe-kjh-\d{8}-[0-9a-f]{8}\.age$/, 'no personal data in the file name');
      await t.waitWidget(page, 'handover.logged', SLOW);

      // Received in this Begleitbuch (as the Jugendamt would, with the passphrase given by phone).
      await tapField(t, page, 'handover.title.cancel');
      await tapField(t, page, 'overview.back');
      await tapField(t, page, 'families.receive');
      await t.waitWidget(page, 'receive.title');

      const before = (await t.saveState(page)).accepted;
      await pickHandover(t, page, file);
      await openWith(t, page, 'Falsches Passwort Fensterbank Igel');
      await t.waitWidget(page, 'receive.message', SLOW);
      assert.match(await label(t, page, 'receive.message'), /\S/);
      assert.equal((await t.saveState(page)).accepted, before, 'a wrong passphrase writes nothing');

      // The file stays chosen after the refusal: the right passphrase opens it.
      await openWith(t, page, FILE_PASS);
      await t.waitWidget(page, 'receive.preview', SLOW);
      assert.match(await label(t, page, 'receive.preview'), /Quellmalz/);
      assert.equal((await t.saveState(page)).accepted, before, 'the preview writes nothing');
      await saveAndWait(t, page, 'receive.import');
      await t.waitWidget(page, 'receive.case.0', SLOW);
      assert.match(await label(t, page, 'receive.case.0'), /Quellmalz/);

      // The same file again: nothing changes.
      const after = (await t.saveState(page)).accepted;
      await pickHandover(t, page, file);
      await openWith(t, page, FILE_PASS);
      await t.waitWidget(page, 'receive.import', SLOW);
      await tapField(t, page, 'receive.import');
      await t.waitBB(page, () => /schon empfangen/.test(window.__bb.widgets().find((w) => w.id === 'receive.message')?.label ?? ''),
        null, { what: 'the message that the handover was already received', timeout: 30000 });
      assert.equal((await t.saveState(page)).accepted, after, 'importing the same file again writes nothing');
      assert.equal((await t.widgets(page)).filter((w) => /^receive\.case\.\d+$/.test(w.id)).length, 1);
    },
  },
  {
    name: 'where the browser can share the file (a tablet), the handover offers Teilen with exactly the file made, and downloads only when asked',
    timeout: 300000,
    async fn(t) {
      // Headless Chromium on Linux has no share sheet: a stand-in that accepts
      // .age files as Safari does and keeps what it was given.
      const page = await t.newPage({
        testHooks: true,
        initScript: () => {
          navigator.canShare = (data) => !!data?.files?.length && data.files.every((f) => f.name.endsWith('.age'));
          navigator.share = async (data) => {
            const f = data.files[0];
            const head = new TextDecoder().decode(new Uint8Array(await f.arrayBuffer()).slice(0, 21));
            window.__shared = { name: f.name, size: f.size, head, title: data.title };
          };
        },
      });
      let downloads = 0;
      page.on('download', () => { downloads += 1; });
      await familyWithHandoverConsent(t, page);
      await tapField(t, page, 'overview.handover');
      await t.waitWidget(page, 'handover.title');
      await typeField(t, page, 'handover.pass1', FILE_PASS);
      await typeField(t, page, 'handover.pass2', FILE_PASS);
      await tapField(t, page, 'handover.create');
      await t.waitWidget(page, 'handover.share', SLOW);
      assert.equal(downloads, 0, 'downloaded although the share sheet was offered');
      await tapField(t, page, 'handover.share');
      await t.waitBB(page, () => window.__bb.widgets().find((w) => w.id === 'handover.share.outcome')?.label === 'Die Datei wurde geteilt.',
        null, { what: 'the outcome of the share sheet', timeout: 30000 });
      const shared = await page.evaluate(() => window.__shared);
      assert.equal(shared.name, await label(t, page, 'handover.file'));
      assert.match(shared.name, /^uebergabe-kjh-\d{8}-[0-9a-f]{8}\.age$/);
      assert.equal(shared.head, 'age-encryption.org/v1');
      const [download] = await Promise.all([page.waitForEvent('download'), tapField(t, page, 'handover.download_again')]);
      assert.equal(download.suggestedFilename(), shared.name);
      const file = path.join(await t.tempDir('bb-share-'), shared.name);
      await download.saveAs(file);
      assert.equal((await fsp.stat(file)).size, shared.size, 'the shared file is not the downloaded one');
    },
  },
];
