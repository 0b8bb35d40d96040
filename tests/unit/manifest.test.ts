// Pins what the extension may do. Any added permission, host, key or CSP change fails here
// until this test is updated on purpose (and the change is reviewed as a permission change).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../browser/isolated-build.ts';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('manifest.json permissions and policy', () => {
  it('asks for exactly alarms, identity, notifications and storage', () => {
    assert.deepEqual(manifest.permissions, ['alarms', 'identity', 'notifications', 'storage']);
  });

  it('reaches only the Google Calendar API, and asks for no other host up front', () => {
    assert.deepEqual(manifest.host_permissions, ['https://www.googleapis.com/*']);
  });

  it('asks for other hosts only at run time, https only (the secret iCal address\'s host, when the user pastes it)', () => {
    assert.deepEqual(manifest.optional_host_permissions, ['https://*/*']);
    assert.equal(manifest.optional_permissions, undefined, 'no optional API permissions');
  });

  it('keeps the strict content security policy: own scripts only, no objects, no base, no framing', () => {
    assert.deepEqual(manifest.content_security_policy, {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    });
  });

  it('has no content scripts, no web-accessible resources and no external messaging', () => {
    assert.deepEqual(Object.keys(manifest).sort(), [
      'action', 'background', 'content_security_policy', 'default_locale', 'description', 'host_permissions', 'icons',
      'manifest_version', 'minimum_chrome_version', 'name', 'optional_host_permissions', 'options_ui', 'permissions', 'short_name', 'version',
    ].sort());
    assert.equal(manifest.manifest_version, 3);
    // A classic worker: Chromium keeps its compiled code between wake-ups (build.mjs, `format`).
    assert.deepEqual(manifest.background, { service_worker: 'service-worker.js' });
  });
});
