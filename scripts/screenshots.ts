// Regenerates the README's images of the main popup states, in English and Italian, with the
// same harness the browser tests use:
//
//   node build.mjs --test && node --import tsx scripts/screenshots.ts
//
// Writes docs/images/popup-<state>-<locale>.png. The demo calendar is moved in time so each
// state is real, not mocked: the extension computes everything it shows.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSettings } from '../src/core/settings.ts';
import { launchExtension } from '../tests/browser/harness.ts';

const MINUTE = 60_000;
const outDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs/images');

interface Shot {
  name: string;
  /** Minutes since the first demo interview's start (it starts 4 minutes after the anchor). */
  minutesIn: number;
  missed?: boolean;
  /** Text that tells the state has rendered. */
  ready: string;
}

const shots: Shot[] = [
  { name: 'upcoming', minutesIn: -3, ready: 'article.card' },
  { name: 'waiting', minutesIn: 17, ready: '.clock' },
  { name: 'missed', minutesIn: 8, missed: true, ready: '.missed' },
];

await mkdir(outDir, { recursive: true });
for (const locale of ['en', 'it'] as const) {
  const session = await launchExtension({ locale });
  try {
    for (const shot of shots) {
      const anchor = Date.now() - (shot.minutesIn + 4) * MINUTE;
      // The demo's first interview has a stable id derived from the anchor (demo-calendar.ts).
      const firstId = `demo:demo-1-${anchor}`;
      await session.writeStorage({
        settings: { ...defaultSettings, language: locale, profile: { name: locale === 'it' ? 'Giulia Bianchi' : 'Alex Morgan', phone: '+39 347 123 4567', email: 'candidate@example.com' } },
        source: { kind: 'demo', anchor },
        marks: shot.missed ? { [firstId]: { callAttempts: [], missedAt: Date.now() - MINUTE } } : {},
        notified: {},
      });
      const page = await session.openPage('popup.html');
      await page.setViewportSize({ width: 380, height: 600 });
      await page.locator(shot.ready).first().waitFor();
      const file = join(outDir, `popup-${shot.name}-${locale}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`wrote ${file}`);
      await page.close();
    }
  } finally {
    await session.close();
  }
}
