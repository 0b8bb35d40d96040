import type { Locale, TemplateKind } from './types.ts';
import type { TemplateText } from './render-template.ts';
import { defaultTemplates } from './render-template.ts';
import type { CustomTemplates } from './normalize-templates.ts';

export type { CustomTemplates };
export { normalizeTemplates } from './normalize-templates.ts';

/** The template in force: the user's when set, else the default. */
export function templateFor(kind: TemplateKind, locale: Locale, custom: CustomTemplates): TemplateText {
  return custom[locale]?.[kind] ?? defaultTemplates[locale][kind];
}

/** A copy of `custom` with one template set (or, with `undefined`, reset to the default). */
export function withTemplate(custom: CustomTemplates, locale: Locale, kind: TemplateKind, text: TemplateText | undefined): CustomTemplates {
  const byKind = { ...custom[locale] };
  const isDefault = text !== undefined && text.subject === defaultTemplates[locale][kind].subject && text.body === defaultTemplates[locale][kind].body;
  if (text === undefined || isDefault) delete byKind[kind];
  else byKind[kind] = text;
  return { ...custom, [locale]: byKind };
}
