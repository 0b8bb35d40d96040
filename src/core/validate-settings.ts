import type { Settings } from './settings.ts';
import { isValidEmail } from './extract.ts';
import type { UserMessage } from './message-key.ts';

/** A field's problem as a `_locales` key with its substitutions, so the UI words it. */
export type FieldError = UserMessage;

export type SettingsErrors = Partial<Record<string, FieldError>>;

const ranges: Record<keyof Settings['timing'], [number, number]> = {
  confirmLead: [60, 120],
  getReadyLead: [1, 59],
  noCallAfter: [1, 14],
  minWait: [15, 30],
  maxWait: [15, 30],
  thankYouDelay: [0, 1440],
};

/** Checks what the user typed; nothing is saved while any error remains. */
export function validateSettings(settings: Settings): SettingsErrors {
  const errors: SettingsErrors = {};
  const { profile, timing } = settings;
  if (profile.email !== '' && !isValidEmail(profile.email)) errors['profile.email'] = { key: 'errorEmail' };
  // The account is only used (and only shown) for Gmail.
  if (settings.mailProvider === 'gmail' && settings.composeAccount !== '' && !isValidEmail(settings.composeAccount)) errors.composeAccount = { key: 'errorEmail' };
  if (profile.phone !== '') {
    const digits = profile.phone.replace(/\D/g, '');
    if (!/^\+?[\d\s().-]+$/.test(profile.phone) || digits.length < 7 || digits.length > 15) errors['profile.phone'] = { key: 'errorPhone' };
  }
  for (const [field, [min, max]] of Object.entries(ranges) as [keyof Settings['timing'], [number, number]][]) {
    const value = timing[field];
    if (!Number.isInteger(value) || value < min || value > max) errors[`timing.${field}`] = { key: 'errorRange', substitutions: [min, max] };
  }
  if (errors['timing.maxWait'] === undefined && errors['timing.minWait'] === undefined && timing.maxWait < timing.minWait) {
    errors['timing.maxWait'] = { key: 'errorMinMax' };
  }
  const hours = settings.workingHours;
  const minuteOf = (clock: string) => {
    const match = /^(\d{2}):(\d{2})$/.exec(clock);
    return match && Number(match[1]) <= 24 && Number(match[2]) < 60 ? Number(match[1]) * 60 + Number(match[2]) : undefined;
  };
  const start = minuteOf(hours.start);
  const end = minuteOf(hours.end);
  if (start === undefined || end === undefined || end <= start || end > 24 * 60) errors['workingHours.end'] = { key: 'errorHours' };
  if (hours.days.length === 0 || hours.days.some((day) => !Number.isInteger(day) || day < 0 || day > 6)) errors['workingHours.days'] = { key: 'errorDays' };
  if (!Number.isInteger(settings.slotBuffer) || settings.slotBuffer < 0 || settings.slotBuffer > 120) {
    errors.slotBuffer = { key: 'errorRange', substitutions: [0, 120] };
  }
  // Empty lists and templates would not fail loudly later: nothing would be found, or an empty
  // email would open. They are refused here with a message instead.
  if (settings.rules.tags.length === 0) errors['rules.tags'] = { key: 'errorTagsEmpty' };
  if (settings.rules.keywords.length === 0) errors['rules.keywords'] = { key: 'errorKeywordsEmpty' };
  for (const [locale, byKind] of Object.entries(settings.templates)) {
    for (const [kind, text] of Object.entries(byKind ?? {})) {
      // A voicemail script is read out, not sent: only its text matters.
      if (text !== undefined && (text.body.trim() === '' || (kind !== 'voicemail' && text.subject.trim() === ''))) errors[`templates.${locale}.${kind}`] = { key: 'errorTemplateEmpty' };
    }
  }
  return errors;
}
