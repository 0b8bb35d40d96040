import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { launchExtension, moveDemo, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { MINUTE } from '../../src/core/units.ts';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page. Runtime.evaluate is not subject to the page's CSP, so the
 * extension's strict `script-src 'self'` stays as it ships. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Moves the demo so that its first interview started `minutesIn` minutes ago (negative: ahead), with no marks. */
async function demoAt(session: ExtensionSession, minutesIn: number, extra: Record<string, unknown> = {}): Promise<void> {
  await moveDemo(session, Date.now() - minutesIn * MINUTE, { marks: {}, notified: {}, ...extra });
}

/** The popup in `scheme`; the caller waits for the state it means to check. */
async function popupIn(session: ExtensionSession, scheme: 'light' | 'dark'): Promise<Page> {
  const page = await session.openPage('popup.html');
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

describe('accessibility (axe-core)', () => {
  let session: ExtensionSession;
  before(async () => {
    session = await launchExtension({ locale: 'en-US' });
  });
  after(async () => {
    await session?.close();
  });

  it('is a check that can fail: an unlabelled control in the popup is reported', PER_TEST, async () => {
    const page = await session.openPage('popup.html');
    await page.locator('article.card').waitFor();
    await page.evaluate(() => document.body.append(document.createElement('input')));
    const violations = await axeViolations(page);
    assert.ok(violations.some((v) => v.startsWith('label')), violations.join('\n'));
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violations in the popup before and during a wait (${scheme})`, PER_TEST, async () => {
      await demoAt(session, -4);
      const page = await session.openPage('popup.html');
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('article.card').waitFor();
      assert.deepEqual(await axeViolations(page), []);

      await demoAt(session, 18);
      await page.reload();
      await page.getByText('You can stop soon').waitFor();
      await page.locator('details.voicemail summary').click();
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });

    it(`finds no violations in the options page (${scheme})`, PER_TEST, async () => {
      const page = await session.openPage('options.html');
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('button', { name: 'Save' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      // With validation errors showing, too.
      await page.getByLabel('Your email').fill('not an address');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Enter a single address like name@example.com.').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });

    it(`finds no violations in the get-ready checklist (${scheme})`, PER_TEST, async () => {
      await demoAt(session, -8);
      const page = await popupIn(session, scheme);
      await page.getByRole('group', { name: /Get ready \(0 of 6\)/ }).waitFor();
      await page.getByLabel('The job description').check();
      await page.getByRole('group', { name: /Get ready \(1 of 6\)/ }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });

    it(`finds no violations in the missed-call card (${scheme})`, PER_TEST, async () => {
      await demoAt(session, 6);
      const page = await popupIn(session, scheme);
      await page.getByRole('button', { name: 'I missed their call' }).click();
      await page.getByRole('heading', { name: 'Breathe. You can fix this.' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });

    it(`finds no violations in the slot picker (${scheme})`, PER_TEST, async () => {
      await demoAt(session, 31);
      const page = await popupIn(session, scheme);
      await page.getByText('Time to stop waiting').first().waitFor();
      await page.getByRole('button', { name: 'Ask to reschedule' }).click();
      await page.locator('.slots input[type="datetime-local"]').first().waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });

    // This check found page-has-heading-one when the form view replaced the top bar; the
    // bar (with its <h1>) now stays above the form.
    it(`finds no violations in the manual-entry form showing its errors (${scheme})`, PER_TEST, async () => {
      await demoAt(session, -300);
      const page = await popupIn(session, scheme);
      await page.getByRole('button', { name: '+ Add an interview' }).click();
      await page.getByLabel("Interviewer's email").fill('not-an-address');
      await page.getByLabel('Length in minutes').fill('');
      await page.getByRole('button', { name: 'Save interview' }).click();
      await page.getByText('Enter the company, the role, or both.').waitFor();
      await page.getByText('Enter a single address like name@example.com.').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });

    it(`finds no violations in the Italian popup (${scheme})`, PER_TEST, async () => {
      const { settings } = await session.readStorage<{ settings: Record<string, unknown> }>(['settings']);
      try {
        await demoAt(session, 16, { settings: { ...settings, language: 'it' } });
        const page = await popupIn(session, scheme);
        await page.getByText('Puoi smettere a breve').waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'it');
        await page.locator('details.voicemail summary').click();
        assert.deepEqual(await axeViolations(page), []);
        await page.close();
      } finally {
        await session.writeStorage({ settings });
      }
    });
  }
});
