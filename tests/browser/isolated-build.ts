// Builds the extension somewhere other than dist-test/, so that a test can
//  - point a test build of its own at Google fakes on the ports they were given
//    (isolatedTestBuild: `build.mjs --test --outdir=…` with TEST_GOOGLE_AUTH_URL /
//    TEST_GOOGLE_API_BASE), and
//  - run build.mjs on a changed copy of src/ (copyRepo, for tests/unit/bundle-check.test.ts).
//    build.mjs uses its own directory as the root, so the copy carries build.mjs and what it
//    reads; node_modules is a symlink.
// Building takes about half a second.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const COPIED = ['build.mjs', 'package.json', 'manifest.json', 'tsconfig.json', 'icons', 'src', 'scripts'];

export interface RepoCopy {
  dir: string;
  /** Runs `node build.mjs ...args` in the copy; resolves with its output, rejects with it on failure. */
  build(args: string[], env?: Record<string, string>): Promise<{ stdout: string; stderr: string }>;
  remove(): Promise<void>;
}

export async function copyRepo(): Promise<RepoCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'standby-repo-'));
  for (const name of COPIED) await cp(join(repoRoot, name), join(dir, name), { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    build: (args, env = {}) => new Promise((done, fail) => {
      execFile(process.execPath, ['build.mjs', ...args], { cwd: dir, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
        if (error) fail(Object.assign(error, { stdout, stderr }));
        else done({ stdout, stderr });
      });
    }),
    remove: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/** The OAuth client id every isolated test build carries (give it to the fake OAuth server). */
export const TEST_CLIENT_ID = 'isolated-client.apps.googleusercontent.com';

export interface IsolatedTestBuild {
  distDir: string;
  remove(): Promise<void>;
}

/**
 * A `--test` build of this checkout into a temp dir, pointed at Google fakes that are already
 * listening (on ports the system chose: `listen(0)`), so nothing can take their ports between
 * choosing and listening, and two checkouts can run the suite at once.
 */
export async function isolatedTestBuild(endpoints: { authUrl: string; apiBase: string; clientId?: string }): Promise<IsolatedTestBuild> {
  const outdir = await mkdtemp(join(tmpdir(), 'standby-dist-'));
  await new Promise<void>((done, fail) => {
    execFile(process.execPath, ['build.mjs', '--test', `--outdir=${outdir}`], {
      cwd: repoRoot,
      // clientId '' builds without Google sign-in, as a build given no OAuth client id.
      env: { ...process.env, TEST_GOOGLE_AUTH_URL: endpoints.authUrl, TEST_GOOGLE_API_BASE: endpoints.apiBase, TEST_GOOGLE_WEB_CLIENT_ID: endpoints.clientId ?? TEST_CLIENT_ID },
      timeout: 60_000,
    }, (error, stdout, stderr) => (error ? fail(Object.assign(error, { stdout, stderr })) : done()));
  });
  return { distDir: outdir, remove: () => rm(outdir, { recursive: true, force: true, maxRetries: 3 }) };
}
