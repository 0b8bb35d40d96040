import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const root = new URL('../../', import.meta.url).pathname;
const read = async (locale: string): Promise<Messages> => JSON.parse(await readFile(join(root, 'src/_locales', locale, 'messages.json'), 'utf8')) as Messages;

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

  // Every key the code asks for exists: `t()` takes a MessageKey (src/core/message-key.ts), the
  // keys of the English file, so a missing one does not compile (tests/unit/message-key.test.ts).
});
