import type { DetectionRules } from './types.ts';

/**
 * English and Italian defaults. Keywords are matched as whole words, ignoring case and
 * accents, so "colloquio" also matches "Colloquio" and "COLLOQUIO".
 */
export const defaultRules: DetectionRules = {
  tags: ['#interview', '#colloquio'],
  keywords: [
    // English
    'interview',
    'phone screen',
    'screening call',
    'recruiter call',
    'hiring manager',
    'technical interview',
    // Italian
    'colloquio',
    'colloquio conoscitivo',
    'intervista',
    'selezione',
  ],
  calendars: [],
  colors: [],
  overrides: {},
};
