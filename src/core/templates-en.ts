/**
 * English wording of every email and script. Text is data so that an options page can later
 * let the user edit it; the syntax is described in render-template.ts:
 * `{name}` placeholder · `[…]` dropped when a placeholder inside is missing ·
 * `[a|b]` the first alternative whose placeholders are all present.
 *
 * Placeholder values that need grammar (numbers in words, "today", time zones) are built by
 * `phrasesEn` (phrases-en.ts), so the templates themselves stay plain sentences.
 *
 * `{group}` is set when the organizer is a team or a scheduling address: the email then
 * opens by saying who the candidate is, and its subject says who and when, since the
 * person opening a shared mailbox does not know either.
 */
import type { TemplateKind } from './types.ts';
import type { TemplateText } from './template-engine.ts';

const greeting = '[{group}[Hello {company} team,|Hello,]|Dear {interviewerFirstName},|Hello,]';
const signature = 'Best regards,\n{candidateName}\n{candidatePhone}\n{candidateEmail}';
/** "for the Backend Engineer position at Acme", "with Acme", or nothing. */
const aboutRole = '[ for the {role} position[ at {company}]| with {company}]';
/** The same after "call", where a second "for" would stumble: "about the … position". */
const regardingRole = '[ about the {role} position[ at {company}]| with {company}]';
/** "video call" for an interview with a video link and no phone number. */
const call = '[{video}video call|call]';
/** What a team's mailbox is told the call was. */
const interviewNoun = '[{video}video interview|phone interview]';
/** The time follows the role after a comma, so "at Acme" cannot read as the call's place.
 * When every time is on one clock, its zone is named here, once. */
const scheduledFor = '[, scheduled for {scheduledWhen}[ {localZone}]]';
/** The same where a list of new times follows and names the zone itself. */
const scheduledForBeforeSlots = '[, scheduled for {scheduledWhen}[ {localZone}{noSlots}]]';
/** Available at once: on the phone, or in the meeting for a video interview (a video call
 * missed is not turned into a phone call). */
const freeNow = "[{video}I can join the [{videoService}|meeting] now[, or you can call me at {candidatePhone}]|I'm free to talk now[ at {candidatePhone}]]";
/** After the time of a call moved to it: "which was rescheduled to today at 3:30 PM (Rome time)". */
const rescheduledTo = '[, which was rescheduled to {scheduledWhen}[ {localZone}]]';
/** To a team: who is writing, and about which interview. */
const teamIntro = (what: string, when = scheduledFor) => `My name is {candidateName}, and ${what} with your team[ for the {role} position]${when}.`;

export const templatesEn: Record<TemplateKind, TemplateText> = {
  confirmation: {
    subject: `[{group}{candidateName} — confirming my ${interviewNoun}[ {subjectWhen}]|Confirming our ${call}[ {subjectWhen}][ — {position}]]`,
    body: [
      greeting,
      '',
      `[{group}${teamIntro(`I'm writing to confirm my ${interviewNoun}`)}|I'm writing to confirm our ${call}${aboutRole}${scheduledFor}. I'm looking forward to speaking with you.] ` +
        "[{video}I'll join using the [{videoService} ]link in the invitation.[ If anything changes, you can reach me at {candidatePhone}.]|I'll be ready for your call at {candidatePhone}.]",
      '',
      '[{group}Thank you.|Thank you, and speak soon.]',
      '',
      signature,
    ].join('\n'),
  },

  'follow-up': {
    subject: `[{group}{candidateName} — ${interviewNoun}[ {subjectWhen}][, available {subjectUntil}]|Our ${call}[ {subjectWhen}][ — available {subjectUntil}| — {position}]]`,
    body: [
      greeting,
      '',
      `[{group}${teamIntro(`I'm writing about my ${interviewNoun}`)}|I'm writing about our ${call}${aboutRole}${scheduledFor}.] ` +
        "[{video}I'm in the meeting using the [{videoService} ]link from the invitation. In case the meeting is on a different link, please send it and I'll join straight away.|{group}I called {attempts} but couldn't reach anyone.|I called you {attempts} but couldn't get through.|We haven't been able to connect yet.]",
      '',
      // "If you can't make it by then" lives in the same group as the availability it refers
      // to: no availability (too little time left), no such sentence.
      "[{video}I'll stay in the meeting {availableUntil}[, and you can also call me at {candidatePhone}]. If you can't make it by then, I'd be happy to reschedule at a time that suits you.|I'll stay available[ at {candidatePhone}] {availableUntil}, so please call any time before then. If you can't make it by then, I'd be happy to reschedule at a time that suits you.|I'd be happy to reschedule at a time that suits you[; you can reach me at {candidatePhone}].]",
      '',
      'Thank you again for the opportunity.',
      '',
      signature,
    ].join('\n'),
  },

  // Read aloud, so no greeting line or signature: one short sentence per line, every time on
  // the listener's clock, their zone said once.
  voicemail: {
    subject: 'Voicemail script[ — {position}]',
    body: [
      // A team's line is told whose interview it is: "my interview with Acme".
      `{spokenGreeting}[ {interviewerFirstName}][, it's {candidateName}], about [{group}my|our] interview${aboutRole}[, {spokenWhen}].`,
      "[It's {spokenNow} now.]",
      // "If that's too soon" lives in the group of the time it refers to.
      "[I'm on {spokenPhone} — again, {spokenPhone} — {spokenUntil}.\nIf that's too soon for you, I'm happy to find another time.|I'm on {spokenPhone} — again, {spokenPhone}.\nI'm happy to find another time.|I'll be available {spokenUntil}.\nIf that's too soon for you, I'm happy to find another time.|I'm happy to find another time.]",
      'Thanks, talk soon.',
    ].join('\n'),
  },

  apology: {
    subject: `[{group}{candidateName} — sorry I missed [{video}the video interview|the interview call][ {subjectWhen}]|Sorry I missed [{video}our video call|your call][ — {position}]]`,
    body: [
      greeting,
      '',
      `[{group}${teamIntro(`I'm sorry I missed [{video}my video interview|the call for my interview]`, scheduledForBeforeSlots)} That was my mistake.[ I tried to call back {attempts} but couldn't reach anyone.]` +
        `|I'm sorry I missed [{video}our video call${aboutRole}|your call[ about the {role} position[ at {company}]| about the opportunity at {company}]]${scheduledForBeforeSlots}. That was my mistake.[ I tried to call you back {attempts} but couldn't reach you.]]`,
      '',
      // "Now" first, then later times: a list that starts tomorrow does not contradict it.
      `[${freeNow}. If another time suits you better, I can do any of these[ {slotsZone}]:\n{slots}\nI'm also happy to fit around your schedule.|${freeNow}, or at any other time that suits you, today or in the next few days.]`,
      '',
      'Thank you for your understanding.',
      '',
      signature,
    ].join('\n'),
  },

  reschedule: {
    // "— rescheduling my interview today at 3:30 PM" reads as moving it to today.
    subject: `[{group}{candidateName} — ${interviewNoun}[ {subjectWhen}]: request to reschedule|Rescheduling our ${call}[ — {position}]]`,
    body: [
      greeting,
      '',
      `[{group}${teamIntro(`I'm writing about my ${interviewNoun}`, scheduledForBeforeSlots)} Unfortunately we weren't able to connect, and I'd be glad to find another time to talk.` +
        `|Unfortunately we weren't able to connect for our ${call}${regardingRole}${scheduledForBeforeSlots}. I'd be glad to find another time to talk.]`,
      '',
      "[I'm available at any of these times[ {slotsZone}]:\n{slots}\nIf none of these suit you, I'm happy to fit around your schedule.|Could you let me know when you might be available? I'm happy to fit around your schedule.]",
      '[You can also reach me at {candidatePhone}.]',
      '',
      'Thank you, and I look forward to speaking with you.',
      '',
      signature,
    ].join('\n'),
  },

  'please-call-me': {
    subject: '[{group}{candidateName} — interview: could you call me when it suits you?|Could you call me when it suits you?[ — {position}]]',
    body: [
      greeting,
      '',
      // A shared mailbox does not know the call was moved: it is told, then "this time either".
      `[{group}[{rescheduled}${teamIntro(`I'm writing about my ${interviewNoun}`, rescheduledTo)} Unfortunately we weren't able to connect this time either.|${teamIntro(`I'm writing about my ${interviewNoun}`)} Unfortunately we haven't been able to connect yet.]` +
        `|[{rescheduled}Unfortunately we weren't able to connect at the new time either[, {scheduledWhen}[ {localZone}]].|Unfortunately we haven't been able to connect yet for our ${call}${regardingRole}${scheduledFor}.]]`,
      '',
      "[{group}Could someone from your team call me[ at {candidatePhone}] whenever it suits you?|Could you call me[ at {candidatePhone}] whenever it suits you?] I'll keep my phone with me.",
      '',
      'Thank you, and I look forward to speaking with you.',
      '',
      signature,
    ].join('\n'),
  },

  'thank-you': {
    subject: '[{group}{candidateName} — thank you for the interview[ {scheduledDay}]|Thank you for your time[ — {position}]]',
    body: [
      greeting,
      '',
      '[{group}My name is {candidateName}, and I spoke with your team[ {scheduledDay}][ about the {role} position]. Thank you for the time you gave me; I enjoyed the conversation and learning more about the role.[{missedCall} Thank you also for being flexible after I missed the call earlier.|{moved} Thank you also for the flexibility in rescheduling.] Could you please pass my thanks on to the person I spoke with?' +
        '|Thank you for taking the time to speak with me[ about the {role} position[ at {company}]| about the opportunity at {company}]. I enjoyed our conversation and learning more about the role.[{missedCall} Thank you also for being flexible after I missed your call earlier.|{moved} Thank you also for your flexibility in rescheduling.]]',
      '',
      "If there's anything else I can provide, please let me know. I look forward to hearing from you.",
      '',
      signature,
    ].join('\n'),
  },
};
