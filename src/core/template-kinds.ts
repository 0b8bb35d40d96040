import type { TemplateKind } from './types.ts';

/** Every email and script the product writes, in the order the options page lists them. */
export const templateKinds: readonly TemplateKind[] = [
  'confirmation',
  'follow-up',
  'voicemail',
  'apology',
  'reschedule',
  'please-call-me',
  'thank-you',
];
