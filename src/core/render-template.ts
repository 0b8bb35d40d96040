/**
 * The template engine (template-engine.ts) with the built-in wording of every email in
 * English and Italian. The service worker renders from the engine alone and loads the wording
 * as data (templates.json, made by build.mjs from this module), which keeps it out of the
 * worker's bundle; the options page, the tests and the build use this module.
 */
import { isLocale, type Locale, type TemplateKind } from './types.ts';
import type { RenderedTemplate, TemplateContext } from './template-engine.ts';
import type { DefaultTemplates } from './custom-templates.ts';
import { renderTemplateText } from './template-engine.ts';
import { templatesEn } from './templates-en.ts';
import { templatesIt } from './templates-it.ts';

export * from './template-engine.ts';

export type { DefaultTemplates };

export const defaultTemplates: DefaultTemplates = {
  en: templatesEn,
  it: templatesIt,
};

/** The default wording of `kind` in `locale`, filled from `context`. Never throws. */
export function renderTemplate(kind: TemplateKind, context: TemplateContext, locale: Locale): RenderedTemplate {
  const loc: Locale = isLocale(locale) ? locale : 'en';
  // `kind` may come from storage or a message: an unknown one has no template.
  const template = Object.hasOwn(defaultTemplates[loc], kind) ? defaultTemplates[loc][kind] : undefined;
  if (!template) return { subject: '', body: '' };
  return renderTemplateText(template, context, loc);
}

