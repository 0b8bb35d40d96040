import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { templateKinds } from '../../src/core/render-template.ts';
import { reminderKinds } from '../../src/core/plan-timeline.ts';
import { notificationPlan, actionLabelKey } from '../../src/core/notification-plan.ts';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const root = new URL('../../', import.meta.url).pathname;
const read = async (locale: string): Promise<Messages> => JSON.parse(await readFile(join(root, 'src/_locales', locale, 'messages.json'), 'utf8')) as Messages;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('_locales', () => {
  it('has the same keys in English and Italian, all with names Chrome accepts', async () => {
    const en = await read('en');
    const it_ = await read('it');
    assert.deepEqual(Object.keys(it_).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) assert.match(key, /^[A-Za-z0-9_@]+$/, `Chrome rejects the message name ${key}`);
  });

  it('uses the same placeholders in both languages, each declared', async () => {
    const en = await read('en');
    const it_ = await read('it');
    for (const [key, entry] of Object.entries(en)) {
      const other = it_[key]!;
      const used = (m: string) => [...m.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();
      assert.deepEqual(used(other.message), used(entry.message), `placeholders of ${key}`);
      for (const name of used(entry.message)) assert.ok(entry.placeholders?.[name], `${key} declares $${name}$ (en)`);
      for (const name of used(other.message)) assert.ok(other.placeholders?.[name], `${key} declares $${name}$ (it)`);
      assert.notEqual(other.message.trim(), '', `${key} is translated`);
    }
  });

  it('has every message the code asks for by name', async () => {
    const en = await read('en');
    const missing = new Set<string>();
    for (const file of [...await sourceFiles('src/popup'), ...await sourceFiles('src/options'), ...await sourceFiles('src/ui'), ...await sourceFiles('src/background')]) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) if (!en[match[1]!]) missing.add(`${match[1]} (${file.slice(root.length)})`);
    }
    // Keys built from names at run time.
    const dynamic = [
      ...templateKinds.map((kind) => `template_${kind.replace(/-/g, '_')}`),
      ...['confirmation', 'follow-up', 'apology', 'reschedule', 'please-call-me', 'thank-you'].map((kind) => `buttonDraft_${kind.replace(/-/g, '_')}`),
      ...['override', 'tag', 'keyword', 'calendar', 'color', 'manual'].map((rule) => `why_${rule}`),
      ...['upcoming', 'waiting', 'may_stop', 'stop_waiting', 'connected', 'missed', 'done'].map((phase) => `phase_${phase}`),
      ...reminderKinds.flatMap((kind) => [notificationPlan(kind).titleKey, notificationPlan(kind).messageKey, ...notificationPlan(kind).buttons.map(actionLabelKey)]),
    ];
    for (const key of dynamic) if (!en[key]) missing.add(key);
    assert.deepEqual([...missing], []);
  });
});
