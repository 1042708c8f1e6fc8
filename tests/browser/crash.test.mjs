// Focus: crash safety of the browser store (issue 4, "Crash safety in the
// browser"): the Chromium process is killed (SIGKILL, the whole process group)
// at random points during a burst of writes; after a restart with the same
// profile and an unlock, integrity_check is ok and every write IndexedDB had
// confirmed (the save indicator's "Gespeichert") is present, with no gaps.
// 20 kill points by default; BB_CRASH_POINTS=200 for a longer run.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/harness.mjs';

const KILL_POINTS = Number(process.env.BB_CRASH_POINTS || 20);

/** Starts Chromium itself (so its pid is known) and connects over CDP. */
async function launch(userDataDir) {
  const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-port=0',
    `--user-data-dir=${userDataDir}`, 'about:blank'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const endpoint = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint: ${text.slice(-500)}`)), 30000);
    proc.stderr.on('data', (d) => {
      text += d;
      const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`chromium exited (${code}): ${text.slice(-500)}`)); });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  await context.addInitScript(() => { self.__bbTestHooks = true; });
  const page = context.pages()[0] ?? await context.newPage();
  await page.setViewportSize({ width: 1024, height: 768 });
  page.__bbOptions = { hasTouch: false };
  return {
    browser, page, exited,
    kill() { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } },
  };
}

export default [
  {
    name: `killing Chromium at ${KILL_POINTS} random points during a burst of writes never loses a write shown as saved nor damages the store`,
    // About 2 minutes on an idle 2-core machine; the limit leaves room for a busy one.
    timeout: Math.max(300000, KILL_POINTS * 12000),
    async fn(t) {
      const dir = await t.tempDir('bb-crash-');
      let confirmedBefore = 0;  // the highest write seen confirmed before the last kill
      let next = 1;
      const log = [];
      for (let round = 0; round <= KILL_POINTS; round++) {
        const b = await launch(dir);
        try {
          await b.page.goto(t.baseUrl, { waitUntil: 'load' });
          await t.waitReady(b.page);
          if (round === 0) {
            await t.createStore(b.page);
          } else {
            // A store that is gone after a kill is the failure this test exists for: say when.
            await t.waitSessionState(b.page, 'locked').catch((e) => {
              throw new Error(`round ${round} (${confirmedBefore} writes confirmed before the kill): ${e.message}\n${log.join('\n')}`);
            });
            await t.unlockStore(b.page);
            const check = await b.page.evaluate(() => window.__bb.storeCheck());
            assert.equal(check.ok, true, `round ${round}: integrity_check: ${JSON.stringify(check)}`);
            const present = await b.page.evaluate(() => window.__bb.test.read());
            const m = present.length;
            assert.deepEqual(present, Array.from({ length: m }, (_, i) => i + 1), `round ${round}: writes with a gap`);
            assert.ok(m >= confirmedBefore, `round ${round}: ${confirmedBefore} writes were confirmed, only ${m} are present`);
            log.push(`${round}: confirmed ${confirmedBefore}, present ${m}`);
            next = m + 1;
          }
          if (round === KILL_POINTS) break;
          // The burst runs in the page on its own; we poll what IndexedDB confirmed.
          await b.page.evaluate((start) => {
            const burst = { k: start, writes: [], confirmed: start - 1 };
            window.__burst = burst;
            const step = () => {
              const seq = window.__bb.test.write(burst.k);
              if (seq > 0) burst.writes.push([burst.k++, seq]);
              const durable = window.__bb.saveState().durable;
              while (burst.writes.length && burst.writes[0][1] <= durable) burst.confirmed = burst.writes.shift()[0];
              setTimeout(step, Math.random() * 4);
            };
            step();
          }, next);
          const killAt = Date.now() + 100 + Math.random() * 900;
          while (Date.now() < killAt) {
            confirmedBefore = Math.max(confirmedBefore, await b.page.evaluate(() => window.__burst.confirmed));
            await t.sleep(10);
          }
        } finally {
          b.kill();
          await b.exited;
          await b.browser.close().catch(() => {});
        }
      }
      t.log(log.join('\n'));
      console.log(`# crash safety: ${KILL_POINTS} kills, ${confirmedBefore} writes confirmed before the last kill, all present`);
      assert.ok(confirmedBefore >= KILL_POINTS, `too few writes confirmed to mean anything (${confirmedBefore})`);
    },
  },
];
