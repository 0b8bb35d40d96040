/**
 * English wording of every email and script. Text is data so that an options page can later
 * let the user edit it; the syntax is described in render-template.ts:
 * `{name}` placeholder · `[…]` dropped when a placeholder inside is missing ·
 * `[a|b]` the first alternative whose placeholders are all present.
 *
 * Placeholder values that need grammar (numbers in words, "today", time zones) are built by
 * `phrasesEn` (phrases-en.ts), so the templates themselves stay plain sentences.
 */
import type { TemplateKind } from './types.ts';
import type { TemplateText } from './template-engine.ts';

const greeting = '[Dear {interviewerName},|Hello,]';
const signature = 'Best regards,\n{candidateName}\n{candidatePhone}\n{candidateEmail}';
/** "for the Backend Engineer position at Acme", "with Acme", or nothing. */
const aboutRole = '[ for the {role} position[ at {company}]| with {company}]';
/** The same after "call", where a second "for" would stumble: "about the … position". */
const regardingRole = '[ about the {role} position[ at {company}]| with {company}]';
/** "video call" for an interview with a video link and no phone number. */
const call = '[{video}video call|call]';
/** The time follows the role after a comma, so "at Acme" cannot read as the call's place. */
const setFor = '[, set for {scheduledWhen}]';

export const templatesEn: Record<TemplateKind, TemplateText> = {
  confirmation: {
    subject: `Confirming our ${call}[ {scheduledDay}][ — {position}]`,
    body: [
      greeting,
      '',
      `I'm writing to confirm our ${call}${aboutRole}[, set for {scheduledWhen}[, {startsIn}]]. I'm looking forward to speaking with you.`,
      "[{video}I'll join with the link in the invitation.]",
      '[If anything changes, you can reach me at {candidatePhone}.]',
      '',
      'Thank you, and speak soon.',
      '',
      signature,
    ].join('\n'),
  },

  'follow-up': {
    subject: `Following up on our ${call}[ {scheduledDay}][ — {position}]`,
    body: [
      greeting,
      '',
      `I'm writing about our ${call}${aboutRole}${setFor}. [{video}I joined at the scheduled time, but we haven't managed to connect yet.|I called you {attempts} but couldn't get through.|We haven't managed to connect yet.]`,
      '',
      // "Otherwise" lives in the same group as the availability it refers to: no availability
      // (too little time left), no "otherwise".
      "[[{video}I'll stay in the meeting|I'll stay available[ at {candidatePhone}]] {availableUntil} and hope we can speak then. Otherwise, I'd be happy to reschedule at a time that suits you.|I'd be happy to reschedule at a time that suits you[; you can reach me at {candidatePhone}].]",
      '',
      'Thank you again for the opportunity.',
      '',
      signature,
    ].join('\n'),
  },

  // Read aloud, so no greeting line or signature: one short sentence per line.
  voicemail: {
    subject: 'Voicemail script[ — {position}]',
    body: [
      '{spokenGreeting}[ {interviewerFirstName}][, this is {candidateName}].',
      `I'm calling about our interview${aboutRole}${setFor}.`,
      "[It's now {currentTime}.]",
      "[You can reach me at {candidatePhone}. Again, that's {candidatePhone}.]",
      "[I'll stay available {availableUntil}. If that doesn't suit you, I'm happy to find another time.|I'm happy to find another time that works for you.]",
      'Thank you, and I hope to speak with you soon.',
    ].join('\n'),
  },

  apology: {
    subject: 'Sorry I missed [{video}our video call|your call][ — {position}]',
    body: [
      greeting,
      '',
      `[{video}I'm sorry I missed our video call${aboutRole}|I'm sorry I missed your call[ about the {role} position[ at {company}]| about the opportunity at {company}]]. That was my mistake.[ I tried to call you back {attempts} but couldn't reach you.]`,
      '',
      'Could we find another time to talk, today or in the next few days?[ You can reach me at {candidatePhone}.]',
      // The leading newline inside the group keeps the slots a paragraph of their own.
      "[\nHere are a few times that would work well for me:\n{slots}\n[All times are {timeZoneCity} time.\n]I'm also happy to fit around your schedule.]",
      '',
      'Thank you for your understanding.',
      '',
      signature,
    ].join('\n'),
  },

  reschedule: {
    subject: `Rescheduling our ${call}[ — {position}]`,
    body: [
      greeting,
      '',
      `Unfortunately we weren't able to connect for our ${call}${regardingRole}${setFor}. I'd be glad to find another time to talk.`,
      '',
      "[Here are a few times that would work for me:\n{slots}\n[All times are {timeZoneCity} time.\n]If none of these suit you, I'm happy to fit around your availability.|Could you let me know when you might be available? I'm happy to fit around your schedule.]",
      '[You can also reach me at {candidatePhone}.]',
      '',
      'Thank you, and I look forward to speaking with you.',
      '',
      signature,
    ].join('\n'),
  },

  'please-call-me': {
    subject: 'Could you call me when it suits you?[ — {position}]',
    body: [
      greeting,
      '',
      `[{rescheduled}Unfortunately we missed each other again at the new time[, {scheduledWhen}].|Unfortunately we haven't managed to connect yet for our ${call}${regardingRole}${setFor}.]`,
      '',
      "To make things easier, would you be willing to call me[ at {candidatePhone}] at whatever time suits you best? I'll keep my phone with me.",
      '',
      'Thank you for your patience, and I look forward to speaking with you.',
      '',
      signature,
    ].join('\n'),
  },

  'thank-you': {
    subject: 'Thank you for your time[ — {position}]',
    body: [
      greeting,
      '',
      'Thank you for taking the time to speak with me[ about the {role} position[ at {company}]| about the opportunity at {company}]. I enjoyed our conversation and learning more about the role.[{moved} Thank you also for your flexibility in finding a new time.]',
      '',
      "If there's anything else I can provide, please let me know. I look forward to hearing from you.",
      '',
      signature,
    ].join('\n'),
  },
};
