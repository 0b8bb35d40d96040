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
import { MINUTE } from '../src/core/units.ts';

const outDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs/images');

interface Shot {
  name: string;
  /** Minutes since the first demo interview's start (it starts 4 minutes after the anchor). */
  minutesIn: number;
  /** Marks of the first demo interview, from its start. */
  marks?: (start: number) => Record<string, unknown>;
  /** Leave the profile empty (the never-nameless prompt shows). */
  noProfile?: boolean;
  /** Text that tells the state has rendered. */
  ready: string;
}

const shots: Shot[] = [
  { name: 'upcoming', minutesIn: -3, ready: 'article.card' },
  { name: 'waiting', minutesIn: 17, ready: '.clock' },
  { name: 'missed', minutesIn: 8, marks: () => ({ callAttempts: [], missedAt: Date.now() - MINUTE }), ready: '.missed' },
  { name: 'did-the-call-happen', minutesIn: 41, ready: '.question' },
  { name: 'no-show', minutesIn: 36, marks: (start) => ({ callAttempts: [], noShowAt: start + 32 * MINUTE, forStart: start, history: [{ callAttempts: [] }] }), ready: '.emails' },
  { name: 'spoke-after-missed', minutesIn: 20, marks: (start) => ({ callAttempts: [], missedAt: start + 3 * MINUTE, calledBackAt: start + 5 * MINUTE, connectedAt: start + 6 * MINUTE, forStart: start }), ready: '.emails' },
  { name: 'profile-prompt', minutesIn: -30, noProfile: true, ready: '.profile-prompt' },
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
        settings: { ...defaultSettings, language: locale, profile: shot.noProfile ? { name: '', phone: '', email: '' } : { name: locale === 'it' ? 'Giulia Bianchi' : 'Alex Morgan', phone: '+39 347 123 4567', email: 'candidate@example.com' } },
        source: { kind: 'demo', anchor },
        marks: shot.marks ? { [firstId]: shot.marks(anchor + 4 * MINUTE) } : {},
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
