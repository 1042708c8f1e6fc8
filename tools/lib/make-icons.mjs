// Renders web/icons/*.png from web/icons/icon.svg with headless Chromium (run by hand
// after changing the SVG; the PNGs are committed): node tools/lib/make-icons.mjs
import { chromium } from '../../tests/browser/node_modules/playwright-core/index.mjs';
import fs from 'fs';
const ICONS = new URL('../../web/icons', import.meta.url).pathname;
const svg = fs.readFileSync(ICONS + '/icon.svg', 'utf8');
// Maskable: full-bleed background, artwork inside the 80% safe zone.
const inner = svg.replace(/<svg[^>]*>/, '').replace('</svg>', '').replace(/<rect[^>]*\/>/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="#2F6B67"/><g transform="translate(76.8 76.8) scale(0.7)">${inner}</g></svg>`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
for (const [name, size, src] of [['icon-192.png',192,svg],['icon-512.png',512,svg],['icon-180.png',180,maskable],['icon-maskable-512.png',512,maskable]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${src.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `${ICONS}/${name}`, omitBackground: true });
  await page.close();
}
await browser.close();
