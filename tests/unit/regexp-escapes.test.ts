// build.mjs tells esbuild that the target reads Unicode property escapes (/\p{L}/u), which
// esbuild's table denies every Chrome because of the newest Unicode's properties. That holds
// for the general categories, in every Chrome since 64; a script, a binary property or a
// newer value would need that choice looked at again.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Unicode's General_Category values, short names (ECMA-262, table "Value aliases and canonical values for the Unicode property General_Category"). */
const GENERAL_CATEGORIES = new Set([
  'L', 'LC', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No',
  'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'S', 'Sm', 'Sc', 'Sk', 'So',
  'Z', 'Zs', 'Zl', 'Zp', 'C', 'Cc', 'Cf', 'Cs', 'Co', 'Cn',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every `\p{…}` and `\P{…}` of a source text, as written. */
function propertyEscapes(text: string): string[] {
  return [...text.matchAll(/\\[pP]\{([^}]*)\}/g)].map((match) => match[1]!);
}

describe('Unicode property escapes in src/', () => {
  it('are general categories only, which every Chrome the manifest allows reads', () => {
    const found = new Map<string, string[]>();
    for (const file of sourceFiles('src')) {
      for (const name of propertyEscapes(readFileSync(join(root, file), 'utf8'))) found.set(name, [...(found.get(name) ?? []), file]);
    }
    assert.ok(found.has('L') && found.has('N'), 'the scan finds the escapes src/ is known to use');
    const others = [...found].filter(([name]) => !GENERAL_CATEGORIES.has(name)).map(([name, files]) => `\\p{${name}} in ${[...new Set(files)].join(', ')}`);
    assert.deepEqual(others, []);
  });

  it('tells a script or a binary property from a general category', () => {
    assert.deepEqual(propertyEscapes(String.raw`/[\p{Script=Greek}\P{Emoji}\p{Lu}]/u`).filter((name) => !GENERAL_CATEGORIES.has(name)), ['Script=Greek', 'Emoji']);
  });
});
