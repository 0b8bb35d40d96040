import { locales, type Locale, type TemplateKind, type TemplateText } from './types.ts';
import { templateKinds } from './template-kinds.ts';

/** The user's own wording, per language and kind; anything absent uses the default. */
export type CustomTemplates = Partial<Record<Locale, Partial<Record<TemplateKind, TemplateText>>>>;

// Apart from custom-templates.ts so that reading settings back (the popup does) does not pull
// the default wording of every email into the popup's bundle.

const MAX_SUBJECT = 300;
const MAX_BODY = 10_000;

/** Keeps only well-formed templates (strings of sane length) from whatever storage holds. */
export function normalizeTemplates(raw: unknown): CustomTemplates {
  const result: CustomTemplates = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return result;
  for (const locale of locales) {
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

