import type { Locale, TemplateKind } from './types.ts';
import type { TemplateText } from './render-template.ts';
import { defaultTemplates, templateKinds } from './render-template.ts';

/** The user's own wording, per language and kind; anything absent uses the default. */
export type CustomTemplates = Partial<Record<Locale, Partial<Record<TemplateKind, TemplateText>>>>;

const MAX_SUBJECT = 300;
const MAX_BODY = 10_000;

/** Keeps only well-formed templates (strings of sane length) from whatever storage holds. */
export function normalizeTemplates(raw: unknown): CustomTemplates {
  const result: CustomTemplates = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return result;
  for (const locale of ['en', 'it'] as const) {
    const byKind = (raw as Record<string, unknown>)[locale];
    if (typeof byKind !== 'object' || byKind === null) continue;
    for (const kind of templateKinds) {
      const text = (byKind as Record<string, unknown>)[kind];
      if (typeof text !== 'object' || text === null) continue;
      const { subject, body } = text as Record<string, unknown>;
      if (typeof subject === 'string' && typeof body === 'string' && subject.length <= MAX_SUBJECT && body.length <= MAX_BODY) {
        (result[locale] ??= {})[kind] = { subject, body };
      }
    }
  }
  return result;
}

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
