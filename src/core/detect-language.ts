import type { Locale } from './types.ts';
import { foldForMatch } from './text.ts';

/**
 * The language an invite is written in, English or Italian, from its title and description;
 * undefined when the words do not say clearly. Deliberately small: a few frequent words of
 * each language are counted, and one language must clearly outweigh the other.
 *
 * Robust to what invites carry regardless of their language: video-call boilerplate (always
 * in the tool's language), links, addresses and job titles, which Italian invites often write
 * in English ("Backend Engineer"). The title counts double: it is written by the sender, while
 * a description may be pasted from elsewhere.
 */

/** Words that are Italian and hardly ever English (accents already folded away). */
const ITALIAN = new Set([
  'colloquio', 'colloqui', 'conoscitivo', 'selezione', 'candidatura', 'candidato', 'candidata', 'posizione',
  'incontro', 'telefonico', 'telefonica', 'chiamata', 'gentile', 'buongiorno', 'buonasera', 'saluti', 'cordiali',
  'il', 'lo', 'gli', 'della', 'dello', 'delle', 'degli', 'del', 'di', 'da', 'per', 'con', 'che', 'non', 'sono', 'alle',
  'presso', 'nostro', 'nostra', 'suo', 'sua', 'ci', 'vi', 'ti', 'una', 'uno', 'questo', 'questa', 'sara', 'grazie',
  'e', 'ed', 'anche', 'come', 'lavoro', 'azienda', 'ufficio', 'risorse', 'umane', 'primo', 'secondo', 'tecnico',
]);

/** Words that are English and hardly ever Italian. */
const ENGLISH = new Set([
  'the', 'and', 'with', 'for', 'of', 'to', 'is', 'are', 'be', 'will', 'we', 'you', 'your', 'our', 'this', 'that',
  'interview', 'interviews', 'screen', 'screening', 'chat', 'hiring', 'recruiter', 'looking', 'forward', 'please',
  'call', 'meeting', 'round', 'first', 'second', 'technical', 'regards', 'thanks', 'thank', 'about', 'at', 'on',
]);

/** Lines that video tools add in their own language, whatever the invite's. */
const BOILERPLATE = /https?:|www\.|@|\b(zoom|meet|teams|webex|passcode|meeting id|pin|dial|join|one tap|microsoft|google)\b/;

const MIN_SCORE = 2;

export function detectLanguage(title: unknown, description: unknown): Locale | undefined {
  const lines = [
    ...Array(2).fill(typeof title === 'string' ? title.slice(0, 500) : ''),
    ...(typeof description === 'string' ? description.slice(0, 5000).split(/\r?\n/) : []),
  ];
  let it = 0;
  let en = 0;
  for (const raw of lines) {
    const line = foldForMatch(String(raw));
    if (BOILERPLATE.test(line)) continue;
    for (const word of line.split(/[^a-z]+/)) {
      if (ITALIAN.has(word)) it++;
      else if (ENGLISH.has(word)) en++;
    }
  }
  if (it >= MIN_SCORE && it > 2 * en) return 'it';
  if (en >= MIN_SCORE && en > 2 * it) return 'en';
  return undefined;
}
