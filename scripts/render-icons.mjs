// Renders icons/icon.svg into the PNGs the manifest lists (icons/icon-{16,32,48,128}.png).
//
//   node scripts/render-icons.mjs          (CHROME_PATH=/path/to/chromium to pick the browser)
//
// Why Chromium and not ImageMagick: the ImageMagick 6 on our machines has no rsvg delegate and
// falls back to its own MSVG renderer, which gets gradients and paint-order wrong. Headless
// Chromium (already needed for the browser tests) draws the SVG exactly as the browser will,
// and renders each size natively instead of downscaling one big bitmap.
import { chromium } from 'playwright-core';
import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Transparent padding per side. The Chrome Web Store asks for 96×96 artwork inside the
 * 128×128 icon (16 px per side) so every listing looks the same size; the toolbar and
 * management-page sizes use the full square.
 */
const sizes = [
  { size: 16, padding: 0 },
  { size: 32, padding: 0 },
  { size: 48, padding: 0 },
  { size: 128, padding: 16 },
];

async function findChromium() {
  const candidates = process.env.CHROME_PATH
    ? [process.env.CHROME_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const path of candidates) {
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error('Chromium not found: install Debian\'s chromium (apt-get install -y chromium) or set CHROME_PATH');
}

const svg = await readFile(join(root, 'icons/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { size, padding } of sizes) {
    const art = size - 2 * padding;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}` +
        `svg{display:block;margin:${padding}px;width:${art}px;height:${art}px}</style>${svg}`,
    );
    const path = join(root, `icons/icon-${size}.png`);
    await page.screenshot({ path, omitBackground: true });
    console.log(`wrote icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}

// Playwright writes unoptimised PNGs; strip metadata when ImageMagick is around (optional).
for (const { size } of sizes) {
  const path = join(root, `icons/icon-${size}.png`);
  try {
    execFileSync('convert', [path, '-strip', '-define', 'png:compression-level=9', path], { stdio: 'ignore' });
  } catch {
    break;
  }
}
