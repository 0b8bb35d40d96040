import { browser } from './browser.ts';
import type { DefaultTemplates } from '../core/custom-templates.ts';
import { normalizeTemplates } from '../core/normalize-templates.ts';
import { templateKinds } from '../core/template-kinds.ts';

/**
 * The built-in wording of the emails, shipped as data (templates.json, written by build.mjs
 * from src/core/render-template.ts) and read only when a draft or script is built: it stays
 * out of the service worker's bundle, which every wake-up parses.
 */
export async function loadDefaultTemplates(): Promise<DefaultTemplates> {
  const response = await fetch(browser.runtime.getURL('templates.json'));
  const templates = normalizeTemplates(await response.json());
  const { en, it } = templates;
  // A packaged file, but still checked: a missing kind would render an empty email.
  if (!en || !it || !templateKinds.every((kind) => en[kind] !== undefined && it[kind] !== undefined)) {
    throw new Error('templates.json is incomplete');
  }
  return templates as DefaultTemplates;
}
