import type { Locale, TemplateKind } from './types.ts';
import type { TemplateText } from './template-engine.ts';
import type { CustomTemplates } from './normalize-templates.ts';

export type { CustomTemplates };
export { normalizeTemplates } from './normalize-templates.ts';

/** The built-in wording, passed in: bundled in the options page, loaded as data by the worker. */
export type DefaultTemplates = Readonly<Record<Locale, Readonly<Record<TemplateKind, TemplateText>>>>;

/** The template in force: the user's when set, else the default. */
export function templateFor(kind: TemplateKind, locale: Locale, custom: CustomTemplates, defaults: DefaultTemplates): TemplateText {
  return custom[locale]?.[kind] ?? defaults[locale][kind];
}

/** A copy of `custom` with one template set (or, with `undefined`, reset to the default). */
export function withTemplate(custom: CustomTemplates, locale: Locale, kind: TemplateKind, text: TemplateText | undefined, defaults: DefaultTemplates): CustomTemplates {
  const byKind = { ...custom[locale] };
  const isDefault = text !== undefined && text.subject === defaults[locale][kind].subject && text.body === defaults[locale][kind].body;
  if (text === undefined || isDefault) delete byKind[kind];
  else byKind[kind] = text;
  return { ...custom, [locale]: byKind };
}
