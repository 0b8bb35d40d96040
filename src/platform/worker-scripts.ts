/**
 * Scripts packaged with the extension that the service worker runs only when it needs them.
 *
 * A service worker may take in a new script only while it is being installed; after that,
 * `importScripts` runs only the scripts it took in then, from the browser's installed copy,
 * and refuses any other. So each such script is taken in when the
 * worker is installed (`addWhenInstalled`), and run again, in any later life of the worker,
 * the first time something asks for it (`packagedScript`). Until then a wake-up neither reads
 * nor compiles it.
 */

/** Call at the top level of the worker: `file` is taken in while the worker installs. */
export function addWhenInstalled(file: string): void {
  // A script that cannot be taken in fails the install, loudly, rather than every later sync.
  self.addEventListener('install', () => importScripts(file));
}

/**
 * What `file` (one of the scripts `addWhenInstalled` took in) puts on the worker's global
 * object under `name`; runs the script the first time it is asked for in this life of the worker.
 */
export function packagedScript<T>(file: string, name: string): T {
  const scope = globalThis as unknown as Record<string, unknown>;
  if (scope[name] === undefined) importScripts(file);
  const value = scope[name];
  if (value === undefined) throw new Error(`${file} did not define ${name}`);
  return value as T;
}
