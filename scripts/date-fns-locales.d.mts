// Types for what tests import from scripts/date-fns-locales.mjs (plain JavaScript, not compiled by tsc).
import type { Plugin } from 'esbuild';

/** The parts of a date-fns locale the pages never read. */
export declare const DROPPED_PARTS: readonly string[];
/** A locale module's text without the dropped parts; throws when it has an unexpected shape. */
export declare function slimLocaleSource(source: string, path: string): string;
/** Loads date-fns locales without the dropped parts and fails a build that would read them. */
export declare function dateFnsLocalesPlugin(): Plugin;
