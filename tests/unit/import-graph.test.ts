// The import graph of src/, as esbuild resolves it (type-only imports are erased, so these are
// the imports that run): no cycle anywhere, and every import between folders allowed by the
// boundary matrix in eslint.config.js (ESLint checks the same matrix for type imports too).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { mayImport } from '../../eslint.config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** file → the src files it imports at run time. */
async function importGraph(): Promise<Map<string, string[]>> {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: sourceFiles('src'),
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'import-graph',
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
    loader: { '.json': 'json' },
  });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    if (!file.startsWith('src/')) continue;
    graph.set(file, input.imports.map((i) => i.path).filter((path) => path.startsWith('src/')));
  }
  return graph;
}

/** Every cycle's files, found by depth-first search (one report per cycle entry point). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (state.get(file) === undefined) visit(file);
  return found;
}

const roomOf = (file: string) => file.split('/')[1] ?? '';

describe('the import graph of src/', () => {
  it('has no cycle', async () => {
    const graph = await importGraph();
    assert.ok(graph.size > 50, `the graph holds the sources (${graph.size} files)`);
    assert.deepEqual(cycles(graph).map((cycle) => cycle.join(' → ')), []);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    assert.deepEqual(cycles(graph), [['a', 'b', 'c', 'a']]);
  });

  it('crosses folders only where the boundary matrix allows', async () => {
    const rules: Record<string, readonly string[]> = mayImport;
    const wrong: string[] = [];
    for (const [file, imports] of await importGraph()) {
      const from = roomOf(file);
      for (const target of imports) {
        const to = roomOf(target);
        if (to !== from && !(rules[from] ?? []).includes(to)) wrong.push(`${file} → ${target}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('rules every folder of src/ (a new folder needs its row in the matrix)', () => {
    const folders = readdirSync(join(root, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== '_locales').map((e) => e.name).sort();
    assert.deepEqual(folders, Object.keys(mayImport).sort());
  });
});
