// Builds the extension from a copy of the repository in a temp dir, so that a test can
//  - point a test build at fakes on ports of its own (TEST_GOOGLE_AUTH_URL / TEST_GOOGLE_API_BASE),
//    instead of the fixed ports that tests/browser/google-calendar.test.ts listens on while it
//    may be running in parallel (npm run test:browser runs two files at once), and
//  - run build.mjs on a changed copy of src/ (tests/unit/bundle-check.test.ts).
// build.mjs uses its own directory as the root, so the copy carries build.mjs and what it reads;
// node_modules is a symlink. Building takes about half a second.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
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

/** A port that was free a moment ago (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export interface IsolatedTestBuild {
  distDir: string;
  authPort: number;
  apiPort: number;
  authUrl: URL;
  apiBase: URL;
  clientId: string;
  remove(): Promise<void>;
}

/** A `--test` build whose Google endpoints are fakes on two fresh ports. */
export async function isolatedTestBuild(): Promise<IsolatedTestBuild> {
  const authPort = await freePort();
  let apiPort = await freePort();
  while (apiPort === authPort) apiPort = await freePort();
  const authUrl = new URL(`http://127.0.0.1:${authPort}/o/oauth2/v2/auth`);
  const apiBase = new URL(`http://127.0.0.1:${apiPort}/calendar/v3`);
  const clientId = 'isolated-client.apps.googleusercontent.com';
  const copy = await copyRepo();
  await copy.build(['--test'], {
    TEST_GOOGLE_AUTH_URL: authUrl.href,
    TEST_GOOGLE_API_BASE: apiBase.href,
    TEST_GOOGLE_WEB_CLIENT_ID: clientId,
  });
  return { distDir: join(copy.dir, 'dist-test'), authPort, apiPort, authUrl, apiBase, clientId, remove: copy.remove };
}
