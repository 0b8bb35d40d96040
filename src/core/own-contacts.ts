/**
 * What is the user's own, in one place (issue 12): addresses that are never the interviewer,
 * and phones never offered as the interviewer's. Detection filters them out of what it reads
 * (every calendar source passes `ownContacts`); the popup, the actions it offers and the
 * drafts read the numbers through `interviewerPhones`, since an interview stored before the
 * profile phone was typed in may still hold it.
 */
import type { Settings } from './settings.ts';
import type { Interview, PhoneNumber } from './types.ts';

/** The same subscriber, written with or without the country code (last nine digits). */
export function sameNumber(a: string, b: string): boolean {
  const x = a.replace(/\D/g, '');
  const y = b.replace(/\D/g, '');
  return x.length >= 9 && y.length >= 9 ? x.slice(-9) === y.slice(-9) : x !== '' && x === y;
}

/** The numbers to offer: never one of the user's own (`own`, e.g. the profile phone). */
export function withoutOwnNumbers(phones: PhoneNumber[], own: readonly string[]): PhoneNumber[] {
  const mine = own.filter((phone) => typeof phone === 'string' && phone.replace(/\D/g, '').length >= 7);
  return mine.length === 0 ? phones : phones.filter((phone) => !mine.some((number) => sameNumber(number, phone.dial)));
}

/** What the settings say is the user's: the profile email, the account drafts open in, the
 * profile phone. */
export function ownContacts(settings: Pick<Settings, 'profile' | 'composeAccount'>): { emails: string[]; phones: string[] } {
  return {
    emails: [settings.profile.email, settings.composeAccount].filter((email) => email !== ''),
    phones: settings.profile.phone === '' ? [] : [settings.profile.phone],
  };
}

/** The interview's numbers that are the interviewer's to call: the ones to show, to dial and
 * to offer phone-only actions for. */
export function interviewerPhones(interview: Pick<Interview, 'phones'>, settings: Pick<Settings, 'profile' | 'composeAccount'>): PhoneNumber[] {
  return withoutOwnNumbers(interview.phones, ownContacts(settings).phones);
}
