import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultTemplates } from '../../src/core/render-template.ts';
import { normalizeTemplates } from '../../src/core/normalize-templates.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('templates.json (the wording the service worker loads as data)', () => {
  it('is exactly the built-in wording, and whole once read back the way the worker reads it', async () => {
    execFileSync(process.execPath, ['build.mjs', '--test'], { cwd: root, stdio: 'ignore' });
    const shipped: unknown = JSON.parse(await readFile(`${root}dist-test/templates.json`, 'utf8'));
    assert.deepEqual(shipped, defaultTemplates);
    assert.deepEqual(normalizeTemplates(shipped), defaultTemplates);
  });

  it('is not bundled into the service worker', async () => {
    const worker = await readFile(`${root}dist-test/service-worker.js`, 'utf8');
    // Phrases of the English and Italian wording, free of quotes and line breaks, so they would
    // read the same inside the bundle's string literals.
    assert.ok(defaultTemplates.en['follow-up'].body.includes('Thank you again for the opportunity'));
    assert.equal(worker.includes('Thank you again for the opportunity'), false);
    assert.equal(worker.includes('Cordiali saluti'), false);
  });
});
