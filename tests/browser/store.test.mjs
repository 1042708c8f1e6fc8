// Focus: the encrypted store in the browser (issue 4): creating a store with a
// passphrase, saving, reload + unlock, locking clears the screen, a wrong
// passphrase, the second tab, nothing readable at rest, the quota error, the
// iPad warning and the storage figures. Crash safety: crash.test.mjs.
// docs/store.md "The browser store", docs/ui.md "The lock flow".

import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import path from 'node:path';

const MARKER = 'Zzyzx-Quokkabaum';
const GERMAN_WRONG = 'Die Passphrase ist falsch. Das Begleitbuch bleibt unverändert.';
const GERMAN_FULL = 'Der Speicherplatz auf diesem Gerät reicht nicht. Die letzte Änderung wurde nicht gespeichert; der zuletzt gespeicherte Stand bleibt erhalten.';

const label = async (t, page, id) => (await t.widgets(page)).find((w) => w.id === id)?.label;

/** Settings → "Dieses Begleitbuch": types a name and saves it (one transaction). */
async function saveBookTitle(t, page, text, { wait = true } = {}) {
  await t.goTo(page, 'settings');
  const field = await t.waitWidget(page, 'settings.book_title', { visible: false });
  if (!field.visible) await scrollTo(t, page, 'settings.book_title');
  await t.tap(page, 'settings.book_title');
  await t.waitTextInputFocus(page, true);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
  await t.animationFrames(page, 4);
  if (!(await t.widget(page, 'settings.book_title.save')).visible) await scrollTo(t, page, 'settings.book_title.save');
  const before = (await t.saveState(page)).accepted;
  await t.tap(page, 'settings.book_title.save');
  // The tap ran one transaction: a new commit was accepted.
  await t.waitBB(page, (b) => window.__bb.saveState().accepted > b, before, { what: 'the save to commit' });
  if (wait) await t.waitSaved(page);
}

/** Scrolls the content with the mouse wheel until the widget is fully visible. */
async function scrollTo(t, page, id) {
  for (let i = 0; i < 40; i++) {
    const w = await t.widget(page, id);
    if (w.visible) return w;
    await page.mouse.move(500, 300);
    await page.mouse.wheel(0, w.y > 300 ? 120 : -120);
    await t.animationFrames(page, 3);
  }
  throw new Error(`could not scroll ${id} into view`);
}

// „Sicherung herunterladen“: the raw store file, saved to a temporary folder.
async function downloadBackup(t, page) {
  await scrollTo(t, page, 'settings.backup');
  const [download] = await Promise.all([page.waitForEvent('download'), t.tap(page, 'settings.backup')]);
  const file = path.join(await t.tempDir('bb-backup-'), 'sicherung.bbstore');
  await download.saveAs(file);
  return file;
}

async function reloadLocked(t, page) {
  await page.reload({ waitUntil: 'load' });
  await t.waitReady(page);
  await t.waitSessionState(page, 'locked');
  await t.waitWidget(page, 'lock.pass');
}

export default [
  {
    name: 'first start offers a new Begleitbuch and a restore side by side, enforces the passphrase rules and creates the store',
    async fn(t) {
      const page = await t.newPage({ store: 'none' });
      const neu = await t.waitWidget(page, 'lock.new');
      const restore = await t.waitWidget(page, 'lock.restore');
      assert.equal(neu.label, 'Neues Begleitbuch anlegen');
      assert.equal(restore.label, 'Aus Sicherung wiederherstellen');
      assert.ok(Math.abs(neu.y - restore.y) < 2 && restore.x > neu.x + neu.w - 1,
        `not side by side: ${JSON.stringify(neu)} ${JSON.stringify(restore)}`);
      assert.equal(await label(t, page, 'nav.families'), undefined, 'families reachable before a store exists');
      await t.tap(page, 'lock.new');
      const warning = await t.waitWidget(page, 'lock.warning');
      assert.match(warning.label, /nur aus einer Sicherung wiederherstellen/);
      // Too short: refused with the German reason, nothing created.
      await t.typeInto(page, 'lock.pass1', 'kurz');
      assert.equal(await label(t, page, 'lock.strength'), 'Stärke: Schwach');
      await t.typeInto(page, 'lock.pass2', 'kurz');
      await t.tap(page, 'lock.create');
      await t.waitBB(page, () => /zu kurz/.test(window.__bb.widgets().find((w) => w.id === 'lock.message')?.label ?? ''),
        null, { what: 'the "too short" message' });
      assert.equal((await t.saveState(page)).state, 'no_store');
      // Good but not repeated identically: refused.
      await t.typeInto(page, 'lock.pass1', ' Mondschein Zugvogel Hafenkran');
      await t.waitBB(page, () => /Stark|Gut/.test(window.__bb.widgets().find((w) => w.id === 'lock.strength')?.label ?? ''),
        null, { what: 'the strength meter to say Gut or Stark' });
      await t.tap(page, 'lock.create');
      await t.waitBB(page, () => window.__bb.widgets().find((w) => w.id === 'lock.message')?.label === 'Die beiden Eingaben stimmen nicht überein.',
        null, { what: 'the mismatch message' });
      assert.equal((await t.saveState(page)).state, 'no_store');
      await t.typeInto(page, 'lock.pass2', ' Mondschein Zugvogel Hafenkran');
      await t.tap(page, 'lock.create');
      await t.waitSessionState(page, 'unlocked');
      await t.waitWidget(page, 'nav.families');
      await t.waitWidget(page, 'nav.lock');
      await t.waitSaved(page);
      t.assertNotBlank(await t.screenshot(page, 'created'));
    },
  },
  {
    name: 'a saved setting is there after a reload and an unlock, and Gespeichert shows only after IndexedDB completed',
    async fn(t) {
      const page = await t.newPage({ testHooks: true });
      await saveBookTitle(t, page, MARKER);
      // The frame after the IndexedDB 'complete' draws the badge (on a busy machine a little later).
      await t.waitBB(page, () => window.__bb.widgets().find((w) => w.id === 'save.state')?.label === 'Gespeichert',
        null, { what: 'the badge "Gespeichert"' });
      const st = await t.saveState(page);
      assert.equal(st.durable, st.accepted);
      const storage = await page.evaluate(() => window.__bb.storage());
      assert.ok(storage.completed >= 1 && storage.completed === storage.writes, JSON.stringify(storage));
      await reloadLocked(t, page);
      assert.equal(await page.evaluate((m) => window.__bb.test.memoryCount(m), MARKER), 0, 'the marker is readable before unlock');
      await t.unlockStore(page);
      await t.waitWidget(page, 'start.book');
      assert.ok(await page.evaluate((m) => window.__bb.test.memoryCount(m), MARKER) > 0, 'the saved name is not back');
      const check = await page.evaluate(() => window.__bb.storeCheck());
      assert.equal(check.ok, true, JSON.stringify(check));
      assert.equal(check.cipher, 'aegis');
    },
  },
  {
    name: 'Jetzt sperren clears the screen: no personal text in widgets, probes or the app memory, families unreachable',
    async fn(t) {
      const page = await t.newPage({ testHooks: true });
      await saveBookTitle(t, page, MARKER);
      await t.goTo(page, 'start');
      await t.waitWidget(page, 'start.book');  // control: the name is on screen
      assert.ok(await page.evaluate((m) => window.__bb.test.memoryCount(m), MARKER) > 0, 'control: the name is in memory');
      const before = await t.screenshot(page, 'unlocked');
      await t.tap(page, 'nav.lock');
      await t.waitWidget(page, 'lock.title');
      await t.animationFrames(page, 3);
      const widgets = await t.widgets(page);
      assert.equal(widgets.find((w) => w.id === 'start.book'), undefined);
      for (const id of ['nav.families', 'nav.network', 'nav.lock']) assert.equal(widgets.find((w) => w.id === id), undefined, `${id} reachable while locked`);
      assert.ok(!JSON.stringify(widgets).includes(MARKER), 'the marker is in a widget label');
      for (const id of ['settings.probe', 'settings.book_title']) assert.equal(await t.field(page, id), null);
      assert.equal(await page.evaluate((m) => window.__bb.test.memoryCount(m), MARKER), 0, 'the marker stays in wasm memory after lock');
      assert.equal(await page.evaluate(() => document.getElementById('bb-text-input').value.includes('Zzyzx')), false);
      const after = await t.screenshot(page, 'locked');
      assert.notEqual(before.stats.meanLuminance, after.stats.meanLuminance);
      // Settings while locked: language, font and theme only.
      await t.goTo(page, 'settings');
      await t.waitWidget(page, 'settings.language.en');
      assert.equal((await t.widgets(page)).find((w) => w.id === 'settings.book_title' || w.id === 'settings.backup'), undefined);
    },
  },
  {
    name: 'a wrong passphrase gives the German message and a growing wait, writes nothing, and the right one still opens the data',
    async fn(t) {
      const page = await t.newPage({ testHooks: true });
      await saveBookTitle(t, page, MARKER);
      await reloadLocked(t, page);
      await t.unlockStore(page, 'Hauskatze Mondschein ZugvogeL', { expect: 'locked' });
      await t.waitBB(page, (m) => window.__bb.widgets().find((w) => w.id === 'lock.message')?.label === m, GERMAN_WRONG,
        { what: 'the wrong-passphrase message' });
      await t.waitWidget(page, 'lock.wait');
      assert.equal((await t.saveState(page)).failedAttempts, 1);
      // Second wrong attempt after the wait: longer wait.
      await t.waitBB(page, () => !window.__bb.widgets().some((w) => w.id === 'lock.wait'), null, { timeout: 5000, what: 'the 1 s wait to end' });
      await t.unlockStore(page, 'falsch falsch falsch', { expect: 'locked' });
      await t.waitBB(page, () => /noch 2 Sekunden/.test(window.__bb.widgets().find((w) => w.id === 'lock.wait')?.label ?? ''),
        null, { what: 'a 2 s wait after the second wrong passphrase' });
      const storage = await page.evaluate(() => window.__bb.storage());
      assert.equal(storage.writes, 0, 'a wrong passphrase wrote to IndexedDB');
      await t.waitBB(page, () => !window.__bb.widgets().some((w) => w.id === 'lock.wait'), null, { timeout: 6000, what: 'the wait to end' });
      await t.unlockStore(page);
      assert.ok(await page.evaluate((m) => window.__bb.test.memoryCount(m), MARKER) > 0);
      assert.equal((await page.evaluate(() => window.__bb.storeCheck())).ok, true);
    },
  },
  {
    name: 'a second tab is refused with a German message and never writes, while the first keeps saving',
    async fn(t) {
      const page = await t.newPage();
      await t.waitSaved(page);
      const second = await page.context().newPage();
      second.__bbOptions = page.__bbOptions;
      await second.goto(t.baseUrl, { waitUntil: 'load' });
      await t.waitReady(second);
      await t.waitSessionState(second, 'other_tab');
      const msg = await t.waitWidget(second, 'lock.other_tab');
      assert.match(msg.label, /anderen Tab oder Fenster/);
      assert.equal((await t.widgets(second)).find((w) => w.id === 'lock.pass' || w.id === 'lock.new'), undefined);
      const s2 = await second.evaluate(() => window.__bb.storage());
      assert.equal(s2.writer, false);
      assert.equal(s2.writes, 0);
      await t.waitBB(page, () => window.__bb.storage().otherTabSeen, null, { what: 'the first tab to hear of the second' });
      await saveBookTitle(t, page, 'Erste Registerkarte');
      assert.equal((await second.evaluate(() => window.__bb.storage())).writes, 0);
      await t.screenshot(second, 'second-tab');
    },
  },
  {
    name: 'at rest no file of the browser profile holds the marker in UTF-8 or UTF-16',
    timeout: 90000,
    async fn(t) {
      const dir = await t.tempDir('bb-profile-');
      let context = await t.persistentContext(dir);
      let page = context.pages()[0] ?? await context.newPage();
      await page.goto(t.baseUrl, { waitUntil: 'load' });
      await t.waitReady(page);
      await t.createStore(page);
      await saveBookTitle(t, page, MARKER);
      await context.close();
      const needles = {
        utf8: Buffer.from(MARKER, 'utf8'),
        utf16le: Buffer.from(MARKER, 'utf16le'),
        utf16be: Buffer.from(MARKER, 'utf16le').swap16(),
      };
      const found = [];
      let files = 0, idbFiles = 0, idbMentionsDb = false;
      async function walk(d) {
        for (const e of await fsp.readdir(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) { await walk(p); continue; }
          if (!e.isFile()) continue;
          const bytes = await fsp.readFile(p).catch(() => null);
          if (!bytes) continue;
          files++;
          if (p.includes('IndexedDB')) {
            idbFiles++;
            if (bytes.includes(Buffer.from('begleitbuch'))) idbMentionsDb = true;
          }
          for (const [enc, n] of Object.entries(needles)) if (bytes.includes(n)) found.push(`${path.relative(dir, p)} (${enc})`);
        }
      }
      await walk(dir);
      // Control: the walk saw the IndexedDB files the app wrote.
      assert.ok(idbFiles > 0 && idbMentionsDb, `no IndexedDB files of the app found among ${files} files`);
      assert.deepEqual(found, [], `the marker is readable at rest in: ${found.join(', ')}`);
    },
  },
  {
    name: 'a quota error at the IndexedDB boundary is reported in German, keeps the change for a retry, and the last committed state survives a reload',
    async fn(t) {
      const page = await t.newPage({ testHooks: true });
      await saveBookTitle(t, page, 'Zzyzx-Alt');
      // The disk stays full: also the retry on pagehide (the reload below) fails.
      await page.evaluate(() => window.__bb.test.failWrites('QuotaExceededError', 1000));
      await saveBookTitle(t, page, 'Zzyzx-Neu', { wait: false });
      await t.waitBB(page, () => window.__bb.saveState().save === 'failed', null, { what: 'the save to fail' });
      await t.goTo(page, 'start');
      const message = await t.waitWidget(page, 'save.message');
      assert.equal(message.label, GERMAN_FULL);
      assert.equal((await t.widget(page, 'save.state')).label, 'Nicht gespeichert');
      assert.equal((await t.widget(page, 'save.unsaved')).label, 'Noch nicht gespeichert: Bezeichnung des Begleitbuchs');
      await t.screenshot(page, 'quota');
      // The tab is gone before a retry: the last committed state comes back.
      await reloadLocked(t, page);
      await t.unlockStore(page);
      const count = (m) => page.evaluate((m) => window.__bb.test.memoryCount(m), m);
      assert.ok((await count('Zzyzx-Alt')) > 0, 'the committed name is lost');
      assert.equal(await count('Zzyzx-Neu'), 0, 'the failed change came back');
      assert.equal((await page.evaluate(() => window.__bb.storeCheck())).ok, true);
      // And a failure followed by "Erneut versuchen" (space freed meanwhile) saves.
      await page.evaluate(() => window.__bb.test.failWrites('QuotaExceededError', 1));
      await saveBookTitle(t, page, 'Zzyzx-Neu', { wait: false });
      await t.goTo(page, 'start');
      await t.tap(page, 'save.retry');
      await t.waitSaved(page);
      await reloadLocked(t, page);
      await t.unlockStore(page);
      assert.ok((await count('Zzyzx-Neu')) > 0, 'the retried change is lost');
    },
  },
  {
    name: 'in an iPad Safari tab the app warns before any data is entered that Safari may delete it, and shows how to install',
    async fn(t) {
      const ipad = 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
      const page = await t.newPage({ store: 'none', userAgent: ipad });
      const warning = await t.waitWidget(page, 'lock.ios');
      assert.equal(warning.label, 'Wichtig auf iPad und iPhone');
      const neu = await t.widget(page, 'lock.new');
      assert.ok(warning.y < neu.y, 'the warning comes after the first input');
      await t.screenshot(page, 'ipad-tab');
      // Installed (Home Screen): no warning. Elsewhere: no warning.
      const installed = await t.newPage({ store: 'none', userAgent: ipad, url: null });
      await installed.addInitScript(() => { Object.defineProperty(navigator, 'standalone', { value: true }); });
      await installed.goto(t.baseUrl, { waitUntil: 'load' });
      await t.waitReady(installed);
      await t.waitWidget(installed, 'lock.new');
      assert.equal((await t.widgets(installed)).find((w) => w.id === 'lock.ios'), undefined);
      const desktop = await t.newPage({ store: 'none' });
      await t.waitWidget(desktop, 'lock.new');
      assert.equal((await t.widgets(desktop)).find((w) => w.id === 'lock.ios'), undefined);
    },
  },
  {
    name: 'the settings show whether persistent storage was granted and the usage and quota',
    async fn(t) {
      const page = await t.newPage();
      await t.goTo(page, 'settings');
      await t.waitBB(page, () => /^Belegt: /.test(window.__bb.widgets().find((w) => w.id === 'settings.storage.usage')?.label ?? ''),
        null, { what: 'the usage line' });
      const persist = await t.widget(page, 'settings.storage.persist');
      assert.match(persist.label, /^Dauerhafter Speicher: (gewährt|nicht gewährt)/);
      const usage = await t.widget(page, 'settings.storage.usage');
      assert.match(usage.label, /^Belegt: [0-9,]+ (B|KB|MB|GB) \/ [0-9,]+ (KB|MB|GB|TB)$/);
    },
  },
  {
    name: 'a downloaded backup restores on a fresh device with its passphrase, and a wrong passphrase changes nothing',
    async fn(t) {
      const page = await t.newPage({ testHooks: true });
      await saveBookTitle(t, page, MARKER);
      const file = await downloadBackup(t, page);
      const bytes = await fsp.readFile(file);
      assert.ok(bytes.length >= 4096 && bytes.length % 4096 === 0, `backup has ${bytes.length} bytes`);
      assert.ok(!bytes.includes(Buffer.from(MARKER)), 'the backup is readable');

      const fresh = await t.newPage({ store: 'none', testHooks: true });
      await t.tap(fresh, 'lock.restore');
      const [chooser] = await Promise.all([fresh.waitForEvent('filechooser'), t.tap(fresh, 'lock.restore.pick')]);
      await chooser.setFiles(file);
      await t.waitWidget(fresh, 'lock.restore.file');
      await t.typeInto(fresh, 'lock.restore.pass', 'nicht die richtige Passphrase');
      await t.tap(fresh, 'lock.restore.go');
      await t.waitBB(fresh, () => /passt nicht zu dieser Sicherung/.test(window.__bb.widgets().find((w) => w.id === 'lock.message')?.label ?? ''),
        null, { what: 'the wrong-passphrase message of the restore' });
      assert.equal((await t.saveState(fresh)).state, 'no_store');
      assert.equal((await fresh.evaluate(() => window.__bb.storage())).writes, 0);
      await t.typeInto(fresh, 'lock.restore.pass', t.TEST_PASSPHRASE);
      await t.tap(fresh, 'lock.restore.go');
      await t.waitSessionState(fresh, 'unlocked');
      await t.waitSaved(fresh);
      assert.ok(await fresh.evaluate((m) => window.__bb.test.memoryCount(m), MARKER) > 0);
      assert.equal((await fresh.evaluate(() => window.__bb.storeCheck())).ok, true);
    },
  },
  {
    name: 'an age backup from the settings restores on a fresh device with its backup passphrase and a new passphrase',
    timeout: 180000,
    async fn(t) {
      const backupPass = 'Kastanie Leuchtturm Himbeere Nebel';
      const newPass = 'Walnuss Segelboot Kupferkanne Moos';
      const page = await t.newPage({ testHooks: true });
      await saveBookTitle(t, page, MARKER);
      await scrollTo(t, page, 'settings.age_backup.pass1');
      await t.typeInto(page, 'settings.age_backup.pass1', backupPass);
      await scrollTo(t, page, 'settings.age_backup.pass2');
      await t.typeInto(page, 'settings.age_backup.pass2', backupPass);
      await scrollTo(t, page, 'settings.age_backup.download');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90000 }), t.tap(page, 'settings.age_backup.download')]);
      const file = path.join(await t.tempDir('bb-backup-'), download.suggestedFilename());
      await download.saveAs(file);
      const bytes = await fsp.readFile(file);
      assert.equal(bytes.subarray(0, 22).toString(), 'age-encryption.org/v1\n');
      assert.ok(!bytes.includes(Buffer.from(MARKER)), 'the backup is readable');

      const fresh = await t.newPage({ store: 'none', testHooks: true });
      await t.tap(fresh, 'lock.restore');
      const [chooser] = await Promise.all([fresh.waitForEvent('filechooser'), t.tap(fresh, 'lock.restore.pick')]);
      await chooser.setFiles(file);
      await t.waitWidget(fresh, 'lock.restore.age', { visible: false });
      await t.typeInto(fresh, 'lock.restore.pass', 'Falsches Passwort Fensterbank Igel');
      await t.typeInto(fresh, 'lock.restore.new1', newPass);
      await t.typeInto(fresh, 'lock.restore.new2', newPass);
      await t.tap(fresh, 'lock.restore.go');
      await t.waitBB(fresh, () => (window.__bb.widgets().find((w) => w.id === 'lock.message')?.label ?? '') !== '',
        null, { what: 'the message of the refused restore', timeout: 90000 });
      assert.equal((await t.saveState(fresh)).state, 'no_store');
      assert.equal((await fresh.evaluate(() => window.__bb.storage())).writes, 0);
      await t.typeInto(fresh, 'lock.restore.pass', backupPass);
      await t.typeInto(fresh, 'lock.restore.new1', newPass);
      await t.typeInto(fresh, 'lock.restore.new2', newPass);
      await t.tap(fresh, 'lock.restore.go');
      await t.waitSessionState(fresh, 'unlocked', 90000);
      await t.waitSaved(fresh);
      assert.ok(await fresh.evaluate((m) => window.__bb.test.memoryCount(m), MARKER) > 0);
      assert.equal((await fresh.evaluate(() => window.__bb.storeCheck())).ok, true);
    },
  },
  {
    name: 'a downloaded backup replaces the book of an unlocked device after the check and the explicit choice, and the replacement survives a reload',
    timeout: 180000,
    async fn(t) {
      const LATER = 'Zzyzx-Wombatweg';
      const page = await t.newPage({ testHooks: true });
      await saveBookTitle(t, page, MARKER);
      const file = await downloadBackup(t, page);
      await saveBookTitle(t, page, LATER);

      await scrollTo(t, page, 'settings.replace.pick');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), t.tap(page, 'settings.replace.pick')]);
      await chooser.setFiles(file);
      await t.waitWidget(page, 'settings.replace.file', { visible: false });
      for (const id of ['settings.replace.file_pass', 'settings.replace.current_pass']) {
        await scrollTo(t, page, id);
        await t.typeInto(page, id, t.TEST_PASSPHRASE);
      }
      await scrollTo(t, page, 'settings.replace.check');
      await t.tap(page, 'settings.replace.check');
      await t.waitWidget(page, 'settings.replace.backup_families', { visible: false, timeout: 60000 });
      assert.equal(await label(t, page, 'settings.replace.backup_families'), 'Die Sicherung enthält 0 Familien.');
      assert.equal(await label(t, page, 'settings.replace.go'), undefined, 'replace offered before the tick');
      const writes = (await page.evaluate(() => window.__bb.storage())).writes;
      await scrollTo(t, page, 'settings.replace.confirm');
      await t.tap(page, 'settings.replace.confirm');
      await scrollTo(t, page, 'settings.replace.current_pass');
      await t.typeInto(page, 'settings.replace.current_pass', t.TEST_PASSPHRASE);
      assert.equal((await page.evaluate(() => window.__bb.storage())).writes, writes, 'written before the choice');
      await scrollTo(t, page, 'settings.replace.go');
      await t.tap(page, 'settings.replace.go');
      await t.waitBB(page, () => /wiederhergestellt/.test(window.__bb.widgets().find((w) => w.id === 'settings.replace.message')?.label ?? ''),
        null, { what: 'the message of the replacement', timeout: 90000 });
      await t.waitSaved(page);

      await reloadLocked(t, page);
      await t.unlockStore(page);
      await t.waitWidget(page, 'start.book');
      assert.ok(await page.evaluate((m) => window.__bb.test.memoryCount(m), MARKER) > 0, 'the backup is not the book');
      assert.equal(await page.evaluate((m) => window.__bb.test.memoryCount(m), LATER), 0, 'the replaced book is still there');
      assert.equal((await page.evaluate(() => window.__bb.storeCheck())).ok, true);
    },
  },
];
