import type { Interview } from './types.ts';
import type { FieldError } from './validate-settings.ts';
import { isValidEmail, parseTypedPhone } from './extract.ts';
import { callingCodeOfZone } from './calling-code.ts';
import { cleanText } from './text.ts';
import { isValidTimeZone, wallTimeToInstant } from './zoned-time.ts';
import { MINUTE, DAY } from './units.ts';

/** An interview arranged by phone and typed into the popup. Stored as the user typed it. */
export interface ManualEntry {
  id: string;
  company: string;
  role: string;
  /** yyyy-mm-dd, as from <input type="date">. */
  date: string;
  /** HH:MM, as from <input type="time">. */
  time: string;
  timeZone: string;
  durationMinutes: number;
  interviewerName: string;
  interviewerEmail: string;
  phone: string;
}

export type ManualField = Exclude<keyof ManualEntry, 'id'>;
export type ManualErrors = Partial<Record<ManualField, FieldError>>;

/** The entry's start instant, or undefined when date, time or zone do not make one. */
export function manualStart(entry: ManualEntry): number | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(entry.date);
  const time = /^(\d{2}):(\d{2})$/.exec(entry.time);
  if (!date || !time || !isValidTimeZone(entry.timeZone)) return undefined;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  // 31 February would roll into March: reject dates that do not exist.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return undefined;
  return wallTimeToInstant(year, month, day, hour, minute, entry.timeZone);
}

/** Every problem with what the user typed, as `_locales` keys; empty when it can be saved. */
export function validateManualEntry(entry: ManualEntry, now: number): ManualErrors {
  const errors: ManualErrors = {};
  if (entry.company.trim() === '' && entry.role.trim() === '') errors.company = { key: 'manualErrorWhat' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) errors.date = { key: 'manualErrorDate' };
  if (!/^\d{2}:\d{2}$/.test(entry.time)) errors.time = { key: 'manualErrorTime' };
  if (!isValidTimeZone(entry.timeZone)) errors.timeZone = { key: 'manualErrorZone' };
  if (!errors.date && !errors.time && !errors.timeZone) {
    const start = manualStart(entry);
    if (start === undefined) errors.date = { key: 'manualErrorDate' };
    else if (start < now - DAY) errors.date = { key: 'manualErrorPast' };
  }
  if (!Number.isInteger(entry.durationMinutes) || entry.durationMinutes < 5 || entry.durationMinutes > 480) {
    errors.durationMinutes = { key: 'errorRange', substitutions: [5, 480] };
  }
  if (entry.interviewerEmail.trim() !== '' && !isValidEmail(entry.interviewerEmail.trim())) errors.interviewerEmail = { key: 'errorEmail' };
  if (entry.phone.trim() !== '' && !parseTypedPhone(entry.phone)) errors.phone = { key: 'errorPhone' };
  return errors;
}

/** The interview a valid entry stands for; undefined for an invalid one. */
export function manualToInterview(entry: ManualEntry): Interview | undefined {
  const start = manualStart(entry);
  if (start === undefined) return undefined;
  const company = cleanText(entry.company, 120) || undefined;
  const role = cleanText(entry.role, 120) || undefined;
  // A number typed the national way is dialled with the country of the interview's zone.
  const phone = parseTypedPhone(entry.phone, callingCodeOfZone(entry.timeZone));
  const email = entry.interviewerEmail.trim();
  return {
    id: `manual:${entry.id}`,
    source: 'manual',
    eventId: entry.id,
    title: [role, company].filter(Boolean).join(' — '),
    company,
    role,
    start,
    end: start + Math.max(5, Math.min(480, Math.round(entry.durationMinutes))) * MINUTE,
    timeZone: entry.timeZone,
    interviewer: {
      name: cleanText(entry.interviewerName, 80) || undefined,
      email: isValidEmail(email) ? email : undefined,
    },
    phones: phone ? [phone] : [],
    detectedBy: { rule: 'manual' },
  };
}
