import type { DetectionRules, LanguageSetting, MailProvider } from './types.ts';
import type { CustomTemplates } from './normalize-templates.ts';
import type { WorkingHours } from './propose-slots.ts';
import { defaultWorkingHours } from './propose-slots.ts';
import { defaultRules } from './default-rules.ts';

/** The defaults object is the schema: `Settings` is derived from it. */
export const defaultSettings = {
  /** 'auto' follows the browser's language. */
  language: 'auto' as LanguageSetting,
  profile: {
    name: '',
    phone: '',
    email: '',
  },
  /** Google account the Gmail drafts open in (`authuser=`); empty = the browser's default. */
  composeAccount: '',
  mailProvider: 'gmail' as MailProvider,
  timing: {
    /** Confirmation reminder, minutes before the start (60–120). */
    confirmLead: 120,
    getReadyLead: 10,
    /** "No call yet?" nudge, minutes after the start. */
    noCallAfter: 5,
    /** Minimum wait before giving up (≥ 15). */
    minWait: 15,
    /** Maximum wait (≤ 30). */
    maxWait: 30,
    /** Thank-you reminder, minutes after the scheduled end. */
    thankYouDelay: 30,
  },
  /** When the user is free to talk, for the new times proposed in reschedule and apology drafts. */
  workingHours: defaultWorkingHours as WorkingHours,
  /** Free minutes kept on both sides of a proposed slot. */
  slotBuffer: 30,
  rules: defaultRules as DetectionRules,
  /** The user's own wording of the emails, per language; absent kinds use the defaults. */
  templates: {} as CustomTemplates,
};

export type Settings = typeof defaultSettings;
export type Timing = Settings['timing'];
