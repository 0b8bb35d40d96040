// Types for what tests import from eslint.config.js (plain JavaScript, not compiled by tsc).

/** The import-boundary matrix: for each folder of src/, the folders it may import. */
export declare const mayImport: Readonly<Record<'core' | 'calendar' | 'platform' | 'background' | 'ui' | 'popup' | 'options', readonly string[]>>;

declare const config: unknown;
export default config;
