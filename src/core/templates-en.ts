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

export const templatesEn: Record<TemplateKind, TemplateText> = {
  confirmation: {
    subject: 'Confirming our call[ {scheduledDay}][ — {position}]',
    body: [
      greeting,
      '',
      `I'm writing to confirm our call${aboutRole}[ {scheduledWhen}][, {startsIn}]. I'm looking forward to speaking with you.`,
      "[If anything changes, you can reach me at {candidatePhone}.]",
      '',
      'Thank you, and speak soon.',
      '',
      signature,
    ].join('\n'),
  },

  'follow-up': {
    subject: 'Following up on our call[ {scheduledDay}][ — {position}]',
    body: [
      greeting,
      '',
      `I'm writing about our call${aboutRole}[ {scheduledWhen}]. [I called you {attempts} but wasn't able to get through.|We haven't managed to connect yet.]`,
      '',
      "[I'll stay available[ at {candidatePhone}] for {minutesLeft}, and I hope we can speak then. Otherwise, I'd be happy to reschedule at a time that suits you.|I'd be happy to reschedule at a time that suits you[; you can reach me at {candidatePhone}].]",
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
      'Hello[ {interviewerName}][, this is {candidateName}].',
      `I'm calling about our interview${aboutRole}[, scheduled {scheduledWhen}].`,
      "[It's now {currentTime}.]",
      '[You can reach me at {candidatePhone}. Again, that\'s {candidatePhone}.]',
      "[I'll stay available for {minutesLeft}.]",
      "Otherwise, I'm happy to find another time that works for you.",
      'Thank you, and I hope to speak with you soon.',
    ].join('\n'),
  },

  apology: {
    subject: 'Sorry I missed your call[ — {position}]',
    body: [
      greeting,
      '',
      "I'm sorry I missed your call[ about the {role} position[ at {company}]| from {company}]. That was my mistake, and I've already sorted out what caused it.",
      '',
      'Is now a good time to talk, or would you have time later this week?[ You can reach me at {candidatePhone}.]',
      // The leading newline inside the group keeps the slots a paragraph of their own.
      '[\nHere are a few times that would work well for me:\n{slots}\n[All times are {timeZoneCity} time.\n]I\'m also happy to fit around your schedule.]',
      '',
      'Thank you for your understanding.',
      '',
      signature,
    ].join('\n'),
  },

  reschedule: {
    subject: 'Rescheduling our call[ — {position}]',
    body: [
      greeting,
      '',
      `Unfortunately we weren't able to connect for our call${regardingRole}[ {scheduledWhen}]. I understand that things come up, and I'd be glad to find another time.`,
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
      `[{rescheduled}Unfortunately we missed each other again at the new time[, {scheduledWhen}].|Unfortunately we haven't managed to connect yet for our call${regardingRole}[ {scheduledWhen}].]`,
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
      `Thank you for taking the time to speak with me[ about the {role} position[ at {company}]| about the opportunity at {company}]. I enjoyed our conversation and learning more about the role.[{rescheduled} I also appreciate your flexibility in moving our call.]`,
      '',
      "If there's anything else I can provide, please let me know. I look forward to hearing from you.",
      '',
      signature,
    ].join('\n'),
  },
};
