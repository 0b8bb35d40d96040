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
    'recruiter screen',
    'tech screen',
    'technical screen',
    'hr screen',
    'pre-screen',
    'prescreen',
    'screening call',
    'recruiter call',
    'hiring manager',
    'technical interview',
    'final round',
    // Italian
    'colloquio',
    'colloqui',
    'videocolloquio',
    'colloquio conoscitivo',
    'chiamata conoscitiva',
    'intervista',
    'selezione',
  ],
  calendars: [],
  colors: [],
  overrides: {},
};

/**
 * Titles a keyword matches but that are not the user's own job interview: interviews the user
 * runs or researches (exit, user, customer, press, podcast), practice, internal hiring meetings
 * (debriefs, calibrations, holds, a candidate's panel), hiring a nanny or a contractor, school
 * and medical talks, consulates, and Italian "selezione"/"intervista" used for other things.
 * Matched on folded text (lower case, no accents). A tag or the user's own say still wins.
 */
export const LOOK_ALIKES = /\b(?:exit|users?|customer|research|discovery|usability|podcast|press|media|radio|tv|mock|practice|informational) interview|\binterview(?:s|ing)? (?:prep|preparation|practice|training|debrief|calibration|kick-?off|feedback)\b|\b(?:debrief|calibration|scorecard|hiring committee|interviewer|shadow|candidat[eoai]|hold|placeholder|podcast|webinar|nanny|babysitter|au pair|tata|badante|contractor|plumber|idraulico|visa|embassy|consulate|consolato|ambasciata|genitori|insegnanti|maestra|docenti|professore|pediatra|medico|psicologo|fornitori|materiali)\b|\bintervista (?:a|al|alla|allo)\b/;

/** "Interview Jane Doe for Backend": an interview the user conducts (a name right after the word). */
export const CONDUCTED = /^\s*(?:[Ii]nterview|[Ii]ntervista|[Cc]olloquio)\s+(?!with\b|con\b|at\b|for\b|per\b|@)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+(?:for|per|-|–|\()/u;

/**
 * "Jim Al-Khalili interviews Chris Packham", "Mario Rossi intervista Anna Bianchi": a press or
 * live show, one named person interviewing another, in the third person (a verb between two
 * full names), so neither is the user being interviewed for a job.
 */
export const THIRD_PERSON = /\p{Lu}[\p{Ll}'’-]+\s+\p{Lu}[\p{L}'’-]+\s+(?:interviews|intervista)\s+\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}'’-]+/u;
