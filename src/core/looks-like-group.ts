import type { Person } from './types.ts';
import { foldForMatch } from './text.ts';

/** Words that name a team or a mailbox rather than a person, in English and Italian. */
const GROUP_WORDS = /\b(team|hr|recruiting|recruitment|recruiters?|talent|acquisition|careers?|jobs?|hiring|people|scheduling|scheduler|calendar|noreply|no-reply|donotreply|info|office|staff|selezione|personale|risorse umane|ufficio|lavora con noi|candidature)\b/;

/**
 * Whether the interviewer is a team or a scheduling address ("HR Team", careers@acme.com):
 * such a name does not belong after "Dear". A fallback for when extraction set no flag.
 */
export function looksLikeGroup(person: Person): boolean {
  const name = typeof person.name === 'string' ? foldForMatch(person.name) : '';
  if (name !== '') return GROUP_WORDS.test(name);
  const local = typeof person.email === 'string' ? foldForMatch(person.email.split('@')[0] ?? '').replace(/[._+]/g, ' ') : '';
  return GROUP_WORDS.test(local);
}
