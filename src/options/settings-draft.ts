import type { Settings } from '../core/settings.ts';
import type { DetectionRules } from '../core/types.ts';
import type { MessageKey } from '../core/message-key.ts';
import { snakeKey } from '../core/message-key.ts';
import type { Translate } from '../platform/i18n.ts';
import { templateKinds } from '../core/template-kinds.ts';
import { normalizeTemplates } from '../core/custom-templates.ts';

/** One entry per non-empty line, trimmed, first occurrence kept. */
export function parseLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''))];
}

/** JSON with object keys sorted, so two equal settings compare equal whatever order their keys were set in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return 'NaN'; // an emptied number field differs from every number
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
  });
}

/**
 * Whether the draft says the same as what is saved. Templates are compared as stored (a
 * template reset to the default leaves an empty language map behind in the draft).
 */
export function sameSettings(a: Settings, b: Settings): boolean {
  return stableJson({ ...a, templates: normalizeTemplates(a.templates) }) === stableJson({ ...b, templates: normalizeTemplates(b.templates) });
}

/**
 * The overrides to save. The popup adds overrides while this page is open, so the latest stored
 * ones are the base; the choices this page undid (in the baseline it loaded, gone from the draft)
 * are removed, and any it set are applied.
 */
export function mergeOverrides(
  latest: DetectionRules['overrides'],
  baseline: DetectionRules['overrides'],
  draft: DetectionRules['overrides'],
): DetectionRules['overrides'] {
  const result = { ...latest };
  for (const id of Object.keys(baseline)) if (!(id in draft)) delete result[id];
  for (const [id, value] of Object.entries(draft)) if (baseline[id] !== value) result[id] = value;
  return result;
}

/** The id of the control each validation error belongs to, and the `_locales` key of its label. */
export const errorFields: Record<string, { id: string; label: MessageKey }> = {
  'profile.email': { id: 'profile-email', label: 'optionsEmail' },
  'profile.phone': { id: 'profile-phone', label: 'optionsPhone' },
  composeAccount: { id: 'compose-account', label: 'optionsAccount' },
  'timing.confirmLead': { id: 'timing-confirmLead', label: 'optionsConfirmLead' },
  'timing.getReadyLead': { id: 'timing-getReadyLead', label: 'optionsGetReadyLead' },
  'timing.noCallAfter': { id: 'timing-noCallAfter', label: 'optionsNoCallAfter' },
  'timing.minWait': { id: 'timing-minWait', label: 'optionsMinWait' },
  'timing.maxWait': { id: 'timing-maxWait', label: 'optionsMaxWait' },
  'timing.thankYouDelay': { id: 'timing-thankYouDelay', label: 'optionsThankYouDelay' },
  'workingHours.days': { id: 'work-day-1', label: 'optionsWorkDays' },
  'workingHours.end': { id: 'work-end', label: 'optionsWorkEnd' },
  slotBuffer: { id: 'slot-buffer', label: 'optionsSlotBufferShort' },
  'rules.tags': { id: 'rules-tags', label: 'rulesTags' },
  'rules.keywords': { id: 'rules-keywords', label: 'rulesKeywords' },
};

/** Top-level settings named by the section or field the user knows them by. */
const settingLabels: Record<string, MessageKey> = {
  profile: 'optionsProfile',
  'profile.name': 'optionsName',
  mailProvider: 'optionsProvider',
  language: 'optionsLanguage',
  timing: 'optionsTiming',
  workingHours: 'optionsWorkingHours',
  'workingHours.start': 'optionsWorkStart',
  'rules.tags': 'rulesTags',
  'rules.keywords': 'rulesKeywords',
  'rules.calendars': 'rulesCalendarIds',
  'rules.colors': 'rulesColors',
  'rules.overrides': 'rulesOverrides',
  rules: 'rulesTitle',
  templates: 'templatesTitle',
};

/**
 * A settings path (`timing.confirmLead`, `templates.it.follow-up.body`) in the user's words: the
 * label of its field, the email template it belongs to, else its section. Never the path itself.
 */
export function settingName(path: string, t: Translate): string {
  const field = errorFields[path];
  if (field) return t(field.label);
  const template = /^templates\.(en|it)\.([a-z-]+)/.exec(path);
  const kind = templateKinds.find((k) => k === template?.[2]);
  if (template && kind) return t('settingTemplateName', [t(snakeKey('template_', kind)), template[1] === 'it' ? 'Italiano' : 'English']);
  for (let prefix = path; prefix !== ''; prefix = prefix.includes('.') ? prefix.slice(0, prefix.lastIndexOf('.')) : '') {
    const label = settingLabels[prefix] ?? errorFields[prefix]?.label;
    if (label) return t(label);
  }
  return t('settingOther');
}
