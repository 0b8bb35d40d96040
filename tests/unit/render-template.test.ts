import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultTemplates,
  renderTemplate,
  renderTemplateText,
  templateKinds,
  templatePlaceholders,
  type TemplateContext,
} from '../../src/core/render-template.ts';
import type { Locale, TemplateKind } from '../../src/core/types.ts';
import { MINUTE } from '../../src/core/units.ts';

const ROME = 'Europe/Rome';
/** Thursday 26 November 2026, 15:30 in Rome (14:30 UTC, 9:30 in New York). */
const START = Date.UTC(2026, 10, 26, 14, 30);
/** Tuesday 1 December 2026, 10:00–10:30 in Rome. */
const SLOT_1 = { start: Date.UTC(2026, 11, 1, 9, 0), end: Date.UTC(2026, 11, 1, 9, 30) };
/** Wednesday 2 December 2026, 11:30–12:30 in Rome (crosses noon). */
const SLOT_2 = { start: Date.UTC(2026, 11, 2, 10, 30), end: Date.UTC(2026, 11, 2, 11, 30) };

const full: TemplateContext = {
  interviewerName: 'Giulia Rossi',
  candidateName: 'Marco Bianchi',
  candidatePhone: '+39 347 123 4567',
  candidateEmail: 'marco.bianchi@example.com',
  company: 'Acme',
  role: 'Backend Engineer',
  title: 'Colloquio Acme',
  scheduledAt: START,
  timeZone: ROME,
  eventTimeZone: 'America/New_York',
  now: START + 17 * MINUTE,
  attempts: 2,
  /** The maximum wait: 30 minutes after the start. */
  availableUntil: START + 30 * MINUTE,
  slots: [SLOT_1, SLOT_2],
  rescheduled: true,
  moved: true,
};

/** The same candidate and interviewer in one zone. */
const sameZone: TemplateContext = { ...full, eventTimeZone: ROME };

const locales: Locale[] = ['en', 'it'];

/** The defects missing data must never produce. */
function assertClean(text: string, where: string): void {
  for (const bad of ['undefined', 'null', 'NaN', '[object', 'Dear ,', 'Gentile ,', 'Hello ,', '{', '}', '[', ']']) {
    assert.ok(!text.includes(bad), `${where}: contains ${JSON.stringify(bad)}\n${text}`);
  }
  assert.doesNotMatch(text, / {2}/, `${where}: double space\n${text}`);
  assert.doesNotMatch(text, / [,.;:!?)]/, `${where}: space before punctuation\n${text}`);
  assert.doesNotMatch(text, /[,;:]\s*[.,;:]/, `${where}: dangling punctuation\n${text}`);
  assert.doesNotMatch(text, /\(\s*\)/, `${where}: empty parentheses\n${text}`);
  assert.doesNotMatch(text, /[ \t]$/m, `${where}: trailing whitespace\n${text}`);
  assert.doesNotMatch(text, /\n{3,}/, `${where}: more than one blank line\n${text}`);
  assert.equal(text, text.trim(), `${where}: leading or trailing whitespace`);
}

function render(kind: TemplateKind, context: TemplateContext, locale: Locale = 'en') {
  return renderTemplate(kind, context, locale);
}

describe('renderTemplate', () => {
  describe('every kind in both languages', () => {
    for (const locale of locales) {
      for (const kind of templateKinds) {
        for (const [label, context] of [['full', full], ['empty', {}]] as const) {
          it(`writes a clean ${kind} in ${locale} with ${label} context`, () => {
            const { subject, body } = render(kind, context, locale);
            assert.ok(subject.length > 0, 'subject is empty');
            assert.ok(body.length > 0, 'body is empty');
            assert.doesNotMatch(subject, /[\r\n]/);
            assertClean(subject, `${locale} ${kind} ${label} subject`);
            assertClean(body, `${locale} ${kind} ${label} body`);
          });
        }
      }
    }
  });

  it('stays clean with any single fact known, and with any single fact missing', () => {
    const keys = Object.keys(full) as Array<keyof TemplateContext>;
    const partials: TemplateContext[] = [
      ...keys.map((key) => ({ [key]: full[key], timeZone: ROME })),
      ...keys.map((key) => ({ ...full, [key]: undefined })),
    ];
    for (const context of partials) {
      for (const locale of locales) {
        for (const kind of templateKinds) {
          const { subject, body } = render(kind, context, locale);
          const where = `${locale} ${kind} ${JSON.stringify(Object.keys(context).filter((k) => context[k as keyof TemplateContext] !== undefined))}`;
          assertClean(subject, where);
          assertClean(body, where);
        }
      }
    }
  });

  it('greets the interviewer by name, or neutrally when the name is unknown', () => {
    // A first name after "Dear": "Dear Giulia Rossi," reads as a mail merge.
    assert.match(render('follow-up', full).body, /^Dear Giulia,\n/);
    assert.match(render('follow-up', { interviewerName: 'Dr. Smith' }).body, /^Dear Dr\. Smith,\n/);
    assert.match(render('follow-up', {}).body, /^Hello,\n/);
    assert.match(render('follow-up', full, 'it').body, /^Gentile Giulia Rossi,\n/);
    assert.match(render('follow-up', { interviewerName: '   ' }, 'it').body, /^Buongiorno,\n/);
  });

  it('signs off with the lines it has, without leaving gaps', () => {
    const { body } = render('thank-you', { candidateName: 'Marco Bianchi', candidateEmail: 'marco@example.com' });
    assert.ok(body.endsWith('Best regards,\nMarco Bianchi\nmarco@example.com'), body);
    assert.ok(render('thank-you', {}, 'it').body.endsWith('Cordiali saluti,'));
  });

  describe('follow-up', () => {
    it('states the time in both zones, the attempts and a clock time of availability in English', () => {
      const { subject, body } = render('follow-up', full);
      assert.equal(subject, 'Our call today at 9:30 AM New York time — available until 10:00 AM');
      assert.match(body, /our call for the Backend Engineer position at Acme, scheduled for today at 9:30 AM New York time \(3:30 PM in Rome\)\./);
      assert.match(body, /I called you twice but couldn't get through\./);
      assert.match(body, /I'll stay available at \+39 347 123 4567 until 10:00 AM New York time \(4:00 PM in Rome\), so please call any time before then\. If you can't make it by then, I'd be happy to reschedule/);
      assert.doesNotMatch(body, /minute/);
      assert.match(body, /Thank you again for the opportunity\./);
    });

    it('does the same in Italian', () => {
      const { subject, body } = render('follow-up', full, 'it');
      assert.equal(subject, 'Colloquio di oggi alle 9:30 ora di New York – disponibile fino alle 10:00');
      assert.match(body, /previsto per oggi alle 9:30 ora di New York \(le 15:30 a Roma\)\./);
      assert.match(body, /Ho provato a chiamarla due volte, senza però riuscire a parlarle\./);
      assert.match(body, /Resterò disponibile al numero \+39 347 123 4567 fino alle 10:00 ora di New York \(le 16:00 a Roma\)\. In alternativa,/);
      assert.doesNotMatch(body, /minut/);
    });

    it('writes availability as one plain clock time when both share a zone', () => {
      assert.match(render('follow-up', sameZone).body, /until 4:00 PM, so please call/);
      assert.match(render('follow-up', sameZone, 'it').body, /fino alle 16:00\. In alternativa/);
    });

    it('names the one zone once, after the first time', () => {
      const en = render('follow-up', sameZone).body;
      assert.match(en, /scheduled for today at 3:30 PM \(Rome time\)\./);
      assert.equal(en.match(/Rome/g)?.length, 1, en);
      const it = render('follow-up', sameZone, 'it').body;
      assert.match(it, /previsto per oggi alle 15:30 \(ora di Roma\)\./);
      assert.equal(it.match(/Roma/g)?.length, 1, it);
    });

    it('leaves availability out, with its "otherwise", under five minutes', () => {
      for (const left of [4.9, 0, -3]) {
        const context = { ...sameZone, availableUntil: full.now! + left * MINUTE };
        const en = render('follow-up', context).body;
        assert.doesNotMatch(en, /until|Otherwise|by then/);
        assert.match(en, /\n\nI'd be happy to reschedule at a time that suits you; you can reach me at/);
        assert.doesNotMatch(render('follow-up', context, 'it').body, /fino|In alternativa/);
      }
      assert.match(render('follow-up', { ...sameZone, availableUntil: full.now! + 5 * MINUTE }).body, /until 3:52 PM/);
    });

    it('states the number of attempts in words, and "several" past three', () => {
      const said = (attempts: number) => /I called you (.+?) but/.exec(render('follow-up', { attempts }).body)?.[1];
      assert.deepEqual([1, 2, 3, 4, 12].map(said), ['once', 'twice', 'three times', 'several times', 'several times']);
      const detto = (attempts: number) => /chiamarla (.+?),/.exec(render('follow-up', { attempts }, 'it').body)?.[1];
      assert.deepEqual([1, 2, 3, 4].map(detto), ['una volta', 'due volte', 'tre volte', 'più volte']);
    });

    it('claims no calls and no time left when there were none', () => {
      const { body } = render('follow-up', { attempts: 0 });
      assert.doesNotMatch(body, /called you|until|0 times/);
      assert.match(body, /We haven't been able to connect yet\./);
      assert.match(body, /I'd be happy to reschedule/);
    });

    it('offers a new appointment in Italian without a future that promises alone, and asks for the right link politely', () => {
      const person = render('follow-up', sameZone, 'it').body;
      assert.match(person, /In alternativa, possiamo senz'altro fissare un nuovo appuntamento quando Le sarà più comodo\./);
      assert.match(render('follow-up', { ...sameZone, availableUntil: undefined }, 'it').body, /\nPossiamo senz'altro fissare un nuovo appuntamento quando Le sarà più comodo; può contattarmi/);
      const team = { ...sameZone, interviewerIsGroup: true };
      assert.match(render('follow-up', team, 'it').body, /In alternativa, sono a disposizione per fissare un nuovo appuntamento in un altro momento\./);
      const video = { ...sameZone, video: true, videoUrl: 'https://meet.google.com/abc-defg-hij' };
      assert.match(render('follow-up', video, 'it').body, /presente nell'invito\. Se il link corretto fosse un altro, La prego di inviarmelo: mi collegherò subito\./);
      assert.match(render('follow-up', { ...video, ...team }, 'it').body, /Se il link corretto fosse un altro, chiedo cortesemente di inviarmelo: mi collegherò subito\./);
      for (const body of [person, render('follow-up', video, 'it').body]) assert.doesNotMatch(body, /fisserò|sarà sufficiente/);
    });

    it('speaks of a meeting, not of calls, for a video interview', () => {
      const { subject, body } = render('follow-up', { ...sameZone, video: true });
      assert.equal(subject, 'Our video call today at 3:30 PM — available until 4:00 PM');
      // What the candidate can vouch for, and what to do if the interviewer is elsewhere: no
      // "I joined at the scheduled time" that reads as a reproach.
      assert.match(body, /I'm in the meeting using the link from the invitation\. In case the meeting is on a different link, please send it and I'll join straight away\./);
      assert.doesNotMatch(body, /I joined|haven't/);
      assert.match(render('follow-up', { ...sameZone, video: true, videoUrl: 'https://meet.google.com/abc-defg-hij' }).body, /using the Google Meet link from the invitation/);
      assert.match(body, /I'll stay in the meeting until 4:00 PM/);
      assert.doesNotMatch(body, /I called you/);
      const it = render('follow-up', { ...sameZone, video: true }, 'it');
      assert.equal(it.subject, 'Videocolloquio di oggi alle 15:30 – disponibile fino alle 16:00');
      assert.match(it.body, /Resterò in collegamento fino alle 16:00/);
    });

    it('writes the date instead of "today" when it does not know the current time', () => {
      const { body } = render('follow-up', { scheduledAt: START, timeZone: ROME });
      assert.match(body, /our call, scheduled for Thursday 26 November at 3:30 PM \(Rome time\)\./);
      assert.match(render('follow-up', { scheduledAt: START, timeZone: ROME }, 'it').body, /previsto per giovedì 26 novembre alle 15:30 \(ora di Roma\)\./);
    });
  });

  describe('times and zones', () => {
    it('writes clock times in 12-hour English and 24-hour Italian', () => {
      const context = { scheduledAt: START, timeZone: ROME, now: START - 3 * 60 * MINUTE };
      assert.match(render('confirmation', context).body, /today at 3:30 PM/);
      assert.match(render('confirmation', context, 'it').body, /oggi alle 15:30/);
    });

    it('formats in the given time zone, not the runtime one', () => {
      const context = { scheduledAt: START, timeZone: 'Asia/Tokyo', now: START };
      assert.match(render('follow-up', context).body, /at 11:30 PM \(Tokyo time\)\./);
    });

    it('labels every time with its zone only when the clocks differ', () => {
      const berlin = render('follow-up', { ...full, eventTimeZone: 'Europe/Berlin' }).body;
      assert.match(berlin, /today at 3:30 PM \(Rome time\)\./);
      assert.doesNotMatch(berlin, /time \(|Berlin|in Rome/);
      assert.match(render('follow-up', { ...full, eventTimeZone: 'Europe/London' }, 'it').body, /alle 14:30 ora di Londra \(le 15:30 a Roma\)/);
      assert.match(render('follow-up', { ...full, eventTimeZone: 'Etc/UTC' }).body, /2:30 PM UTC \(3:30 PM in Rome\)/);
    });

    it('says "today" or "tomorrow" only when it is true on both clocks', () => {
      // 00:30 on Friday in Rome is 6:30 PM on Thursday in New York; now is 23:00 Thursday in Rome.
      const halfPastMidnight = Date.UTC(2026, 10, 26, 23, 30);
      const context = { scheduledAt: halfPastMidnight, timeZone: ROME, eventTimeZone: 'America/New_York', now: halfPastMidnight - 90 * MINUTE };
      const en = render('confirmation', context);
      // Subjects write the date short, with no "on … at": it reads whole in an inbox.
      assert.equal(en.subject, 'Confirming our call Thu 26 Nov, 6:30 PM New York time');
      assert.match(en.body, /scheduled for Thursday 26 November at 6:30 PM New York time \(12:30 AM on Friday in Rome\)\./);
      const it = render('confirmation', context, 'it');
      // The small hours are named by the night they belong to.
      assert.match(it.body, /previsto per giovedì 26 novembre alle 18:30 ora di New York \(a Roma, le 00:30 della notte tra giovedì e venerdì\)/);
      // Both clocks agree on "today" two hours earlier in the day.
      assert.match(render('confirmation', { ...context, scheduledAt: START, now: START - 60 * MINUTE }).body, /scheduled for today at 9:30 AM New York time/);
    });

    it('ignores zones the runtime does not know instead of failing', () => {
      const { body } = render('follow-up', { ...full, timeZone: 'Mars/Olympus', eventTimeZone: 'Nowhere' });
      assert.match(body, /today at|\w+day \d/);
      assertClean(body, 'unknown zones');
    });

    it('says "tomorrow" and "domani" for a call on the next calendar day', () => {
      const now = Date.UTC(2026, 10, 25, 22, 30); // 23:30 the evening before, in Rome
      assert.match(render('confirmation', { scheduledAt: START, timeZone: ROME, now }).subject, /^Confirming our call tomorrow at 3:30 PM$/);
      assert.match(render('confirmation', { scheduledAt: START, timeZone: ROME, now }, 'it').body, /previsto per domani alle 15:30/);
    });

    it('elides the Italian article before one o\'clock and writes the hour after midnight as 00', () => {
      const oneOFive = Date.UTC(2026, 10, 26, 0, 5); // 1:05 in Rome
      assert.match(render('follow-up', { scheduledAt: oneOFive, timeZone: ROME, now: oneOFive }, 'it').body, /oggi all'1:05 \(ora di Roma\)\./);
      // The voicemail's current time is another minute than the start (see "never says the time twice").
      assert.match(render('voicemail', { scheduledAt: oneOFive - 20 * MINUTE, timeZone: ROME, now: oneOFive }, 'it').body, /In questo momento è l'1:05\./);
      const half = Date.UTC(2026, 10, 25, 23, 30); // 00:30 in Rome
      assert.match(render('follow-up', { scheduledAt: half, timeZone: ROME, now: half }, 'it').body, /oggi alle 00:30 \(ora di Roma\)\./);
      assert.match(render('voicemail', { scheduledAt: half - 10 * MINUTE, timeZone: ROME, now: half }, 'it').body, /In questo momento sono le 00:30\./);
      assert.match(render('follow-up', { scheduledAt: half, timeZone: ROME, now: half, availableUntil: half + 35 * MINUTE }, 'it').body, /fino all'1:05/);
      // On the hour, "l'una", as it is said.
      assert.match(render('follow-up', { scheduledAt: half, timeZone: ROME, now: half, availableUntil: half + 30 * MINUTE }, 'it').body, /fino all'una\./);
      const one = Date.UTC(2026, 10, 26, 0, 0); // 1:00 in Rome
      assert.match(render('voicemail', { scheduledAt: one - 10 * MINUTE, timeZone: ROME, now: one }, 'it').body, /In questo momento è l'una\./);
    });
  });

  describe('confirmation', () => {
    it('confirms today\'s call by its clock time and the number they will call', () => {
      const context = { ...sameZone, now: START - 62 * MINUTE };
      const { subject, body } = render('confirmation', context);
      assert.equal(subject, 'Confirming our call today at 3:30 PM — Acme, Backend Engineer');
      assert.match(body, /confirm our call for the Backend Engineer position at Acme, scheduled for today at 3:30 PM \(Rome time\)\. I'm looking forward to speaking with you\./);
      // One paragraph: no bare line break between the two sentences.
      assert.match(body, /I'm looking forward to speaking with you\. I'll be ready for your call at \+39 347 123 4567\./);
      // "In about two hours" is stale by the time it is read.
      assert.doesNotMatch(body, /in about/);
      const it = render('confirmation', context, 'it').body;
      assert.match(it, /il colloquio telefonico per la posizione di Backend Engineer in Acme, previsto per oggi alle 15:30 \(ora di Roma\)\. Sarà un piacere parlare con Lei\./);
      assert.match(it, /Sarà un piacere parlare con Lei\. Sarò disponibile per la Sua chiamata al numero \+39 347 123 4567\./);
      assert.doesNotMatch(it, /tra circa|e a presto/);
    });

    it('rounds the lead time to words a person would use (for templates the user wrote)', () => {
      const lead = (minutes: number, locale: Locale = 'en') =>
        /(in|tra) (about|circa|pochi)[^.]+/.exec(renderTemplateText({ subject: '', body: 'It starts {startsIn}.' }, { scheduledAt: START, now: START - minutes * MINUTE }, locale).body)?.[0];
      assert.equal(lead(90), 'in about an hour and a half');
      assert.equal(lead(120), 'in about two hours');
      assert.equal(lead(18), 'in about 20 minutes');
      assert.equal(lead(95, 'it'), "tra circa un'ora e mezza");
      assert.equal(lead(240, 'it'), 'tra circa 4 ore');
    });

    it('never puts the calendar title in a subject', () => {
      assert.equal(render('confirmation', { title: 'Phone screen (mio)' }).subject, 'Confirming our call');
      assert.equal(render('thank-you', { title: 'Colloquio Acme', role: 'Designer' }, 'it').subject, 'Grazie per il colloquio – Designer');
      for (const locale of locales) {
        for (const kind of templateKinds) {
          assert.doesNotMatch(render(kind, { ...full, company: undefined, role: undefined, title: 'PRIVATE LABEL' }, locale).subject, /PRIVATE/);
        }
      }
    });
  });

  describe('voicemail', () => {
    it('sounds like a person: first name, purpose, the listener\'s clock only, their zone said once, number, availability', () => {
      const { subject, body } = render('voicemail', full);
      assert.equal(subject, 'Voicemail script — Acme, Backend Engineer');
      assert.equal(
        body,
        [
          "Hi Giulia, it's Marco Bianchi, about our interview for the Backend Engineer position at Acme, today at 9:30 AM your time.",
          "It's 9:47 AM now.",
          "I'm on +39 347 123 4567 — again, +39 347 123 4567 — until 10:00 AM.",
          "If that's too soon for you, I'm happy to find another time.",
          'Thanks, talk soon.',
        ].join('\n'),
      );
      // Short enough to leave in about 25 seconds (some 2.5 words a second).
      assert.ok(body.split(/\s+/).length <= 65, `${body.split(/\s+/).length} words`);
      assert.doesNotMatch(body, /Rome|\(/);
      assert.equal(body.match(/your time/g)?.length, 1);
    });

    it('does the same in Italian, without the name after the greeting', () => {
      const { body } = render('voicemail', full, 'it');
      assert.match(body, /^Buongiorno, sono Marco Bianchi e chiamo in merito al colloquio per la posizione di Backend Engineer in Acme, previsto per oggi alle 9:30, ora di New York\.\n/);
      assert.match(body, /In questo momento sono le 9:47\./);
      assert.match(body, /Il mio numero è \+39 347 123 4567\. Ripeto: \+39 347 123 4567\./);
      assert.match(body, /Resterò disponibile fino alle 10:00\. Se entro quell'ora non è possibile sentirci, possiamo senz'altro concordare un altro momento\./);
      assert.doesNotMatch(body, /Roma|\(/);
    });

    it('keeps the availability when no number is known', () => {
      assert.match(render('voicemail', { ...sameZone, candidatePhone: undefined }).body, /^I'll be available until 4:00 PM\.\nIf that's too soon for you, I'm happy to find another time\.$/m);
    });

    it('never says the current time when it is the start time, in either language', () => {
      for (const now of [START, START + 59_000]) {
        const en = render('voicemail', { ...sameZone, now }).body;
        assert.doesNotMatch(en, /It's .* now/, en);
        assert.equal(en.match(/3:30 PM/g)?.length, 1, en);
        const it = render('voicemail', { ...sameZone, now }, 'it').body;
        assert.doesNotMatch(it, /In questo momento/, it);
        assert.equal(it.match(/15:30/g)?.length, 1, it);
      }
      // A minute later it is worth saying again, on the listener's clock.
      assert.match(render('voicemail', { ...sameZone, now: START + MINUTE }).body, /^It's 3:31 PM now\.$/m);
      assert.match(render('voicemail', { ...full, now: START + 5 * MINUTE }).body, /^It's 9:35 AM now\.$/m);
      assert.match(render('voicemail', { ...sameZone, now: START + MINUTE }, 'it').body, /^In questo momento sono le 15:31\.$/m);
    });

    it('says the number without the country code to someone in the same country', () => {
      const italy = { ...sameZone, interviewerPhone: '+390212345678' };
      assert.match(render('voicemail', italy).body, /I'm on 347 123 4567 — again, 347 123 4567 — until 4:00 PM\./);
      assert.match(render('voicemail', italy, 'it').body, /Il mio numero è 347 123 4567\. Ripeto: 347 123 4567\./);
      // Another country's number in the invite, or another clock: the full number.
      assert.match(render('voicemail', { ...sameZone, interviewerPhone: '+12125550100' }).body, /I'm on \+39 347 123 4567 —/);
      assert.match(render('voicemail', { ...full, interviewerPhone: '+390212345678' }).body, /I'm on \+39 347 123 4567 —/);
      // Written emails keep the international form.
      assert.match(render('follow-up', italy).body, /at \+39 347 123 4567 until/);
      // A trunk "0" where the country dials one.
      assert.match(render('voicemail', { ...sameZone, timeZone: 'Europe/London', eventTimeZone: 'Europe/London', candidatePhone: '+44 7700 900123', interviewerPhone: '+442071234567' }).body, /I'm on 07700 900123 —/);
    });

    it('says Buonasera from five in the afternoon of the listener', () => {
      const at = (utcHour: number, zone: string) => render('voicemail', { now: Date.UTC(2026, 10, 26, utcHour, 0), timeZone: ROME, eventTimeZone: zone }, 'it').body.split(/[,.]/)[0];
      assert.equal(at(15, ROME), 'Buongiorno'); // 16:00 in Rome
      assert.equal(at(16, ROME), 'Buonasera'); // 17:00 in Rome
      assert.equal(at(16, 'America/New_York'), 'Buongiorno'); // 11:00 in New York
    });

    it('keeps a title with the surname and greets a team without a name', () => {
      assert.match(render('voicemail', { interviewerName: 'Dr. Smith' }).body, /^Hi Dr. Smith, about our interview\./);
      assert.match(render('voicemail', { interviewerName: 'HR Team', interviewerIsGroup: true }).body, /^Hi, about my interview\./);
      // A team's line is told whose interview it is, and when.
      assert.match(render('voicemail', { ...sameZone, interviewerName: 'HR Team', interviewerIsGroup: true, role: undefined }).body, /^Hi, it's Marco Bianchi, about my interview with Acme, today at 3:30 PM\.$/m);
    });

    it('has no "otherwise" when availability was left out', () => {
      for (const locale of locales) {
        const { body } = render('voicemail', { ...full, availableUntil: undefined }, locale);
        assert.doesNotMatch(body, /Otherwise|If that|by then|Altrimenti|Se per Lei|entro quell'ora/);
        assert.match(body, locale === 'en' ? /^I'm on \+39 347 123 4567 — again, \+39 347 123 4567\.\nI'm happy to find another time\.$/m : /Possiamo senz'altro concordare un altro momento\./);
      }
    });
  });

  describe('apology and reschedule', () => {
    it('apologises briefly for the call it names, mentions the call back, and offers now before later times', () => {
      const { subject, body } = render('apology', full);
      assert.equal(subject, 'Sorry I missed your call — Acme, Backend Engineer');
      assert.match(body, /I'm sorry I missed your call about the Backend Engineer position at Acme, scheduled for today at 9:30 AM New York time \(3:30 PM in Rome\)\. That was my mistake\. I tried to call you back twice but couldn't reach you\./);
      assert.match(body, /I'm free to talk now at \+39 347 123 4567\. If another time suits you better, I can do any of these:\n•/);
      assert.doesNotMatch(body, /sorted|is now a good time|later this week|work well for me/i);
      assert.ok(body.split(/\s+/).length < 130, 'the apology should stay short');
      const noSlots = render('apology', { ...sameZone, slots: [] }).body;
      assert.match(noSlots, /scheduled for today at 3:30 PM \(Rome time\)\./);
      assert.match(noSlots, /I'm free to talk now at \+39 347 123 4567, or at any other time that suits you, today or in the next few days\./);
      const it = render('apology', full, 'it').body;
      assert.match(it, /mi scuso per non aver risposto alla Sua chiamata relativa al colloquio per la posizione di Backend Engineer in Acme, previsto per oggi alle 9:30 ora di New York \(le 15:30 a Roma\)\. È stato un mio errore\. Ho provato a richiamarla due volte, senza riuscire a parlarle\./);
      assert.match(it, /Sono disponibile già da ora al numero \+39 347 123 4567\. Se preferisce un altro momento, ecco alcuni orari possibili:\n•/);
      assert.doesNotMatch(it, /risolto|responsabilità|aver mancato/);
      assert.match(render('apology', { ...sameZone, slots: [] }, 'it').body, /oppure quando Le è più comodo, oggi stesso o nei prossimi giorni\./);
    });

    it('offers a missed video call as the meeting, with the phone as a second way', () => {
      const video = { ...sameZone, video: true, videoUrl: 'https://meet.google.com/abc-defg-hij', slots: [] };
      const en = render('apology', video).body;
      assert.match(en, /I can join the Google Meet now, or you can call me at \+39 347 123 4567, or at any other time/);
      assert.doesNotMatch(en, /free to talk/);
      assert.match(render('apology', { ...video, videoUrl: undefined, candidatePhone: undefined }).body, /I can join the meeting now, or at any other time/);
      const it = render('apology', video, 'it').body;
      assert.match(it, /Posso collegarmi subito a Google Meet, oppure può chiamarmi al numero \+39 347 123 4567, oppure quando Le è più comodo/);
      assert.doesNotMatch(it, /Sono disponibile già da ora/);
      const team = render('apology', { ...video, interviewerIsGroup: true }, 'it').body;
      assert.match(team, /Posso collegarmi subito a Google Meet, oppure sono raggiungibile al numero \+39 347 123 4567\./);
      assert.doesNotMatch(team, /\b(Lei|Le|La|Sua|può)\b/);
    });

    it('names the company in the apology when only the company is known', () => {
      assert.match(render('apology', { company: 'Acme' }, 'it').body, /alla Sua chiamata relativa al colloquio con Acme\./);
      assert.match(render('apology', { company: 'Acme' }).body, /your call about the opportunity at Acme\./);
    });

    it('lists the proposed slots with a clear date, range and zone', () => {
      const en = render('reschedule', sameZone).body;
      assert.match(en, /I'm available at any of these times \(Rome time\):\n• Tuesday 1 December, 10:00–10:30 AM\n• Wednesday 2 December, 11:30 AM–12:30 PM\nIf none/);
      // The zone once: in the list's lead-in, not again after the original time.
      assert.equal(en.match(/Rome/g)?.length, 1, en);
      const it = render('apology', sameZone, 'it').body;
      assert.match(it, /ecco alcuni orari possibili \(ora di Roma\):\n• martedì 1 dicembre, 10:00–10:30\n• mercoledì 2 dicembre, 11:30–12:30\n/);
      assert.equal(it.match(/Roma/g)?.length, 1, it);
      assert.match(render('reschedule', sameZone, 'it').body, /Se nessuna di queste opzioni dovesse andarle bene, mi adatterò volentieri ai Suoi impegni\./);
      assert.match(render('reschedule', { ...sameZone, interviewerIsGroup: true }, 'it').body, /Se nessuna di queste opzioni dovesse andare bene, mi adatterò volentieri ad altri orari\./);
    });

    it('labels each slot with both zones when the interviewer is elsewhere', () => {
      const en = render('reschedule', full).body;
      assert.match(en, /• Tuesday 1 December, 4:00–4:30 AM New York time \(10:00–10:30 AM in Rome\)\n• Wednesday 2 December, 5:30–6:30 AM New York time \(11:30 AM–12:30 PM in Rome\)\n/);
      assert.doesNotMatch(en, /Rome time/);
      const tokyo = render('apology', { ...full, timeZone: 'Asia/Tokyo', slots: [{ start: Date.UTC(2026, 11, 1, 0, 0), end: Date.UTC(2026, 11, 1, 0, 30) }] }, 'it').body;
      // 19:00 on Monday in New York is 9:00 on Tuesday in Tokyo.
      assert.match(tokyo, /• lunedì 30 novembre, 19:00–19:30 ora di New York \(9:00–9:30 di martedì a Tokyo\)/);
    });

    it('adds the year to a slot only when it falls in another year', () => {
      const january = { start: Date.UTC(2027, 0, 5, 9, 0), end: Date.UTC(2027, 0, 5, 9, 30) };
      assert.match(render('reschedule', { ...sameZone, slots: [january] }).body, /• Tuesday, 5 January 2027, 10:00–10:30 AM/);
    });

    it('asks for their availability when there are no slots to propose', () => {
      const { body } = render('reschedule', { ...full, slots: [] });
      assert.match(body, /Could you let me know when you might be available\?/);
      assert.doesNotMatch(body, /•|Rome time/);
      assert.match(render('reschedule', { slots: [{ start: 5, end: 1 }] }, 'it').body, /Mi farebbe sapere quando potrebbe essere disponibile\?/);
    });

    it('puts the time first in the Italian request, its zone right after it, with one "relativo"', () => {
      const one = render('reschedule', { ...sameZone, slots: [] }, 'it').body;
      assert.match(one, /purtroppo oggi alle 15:30 \(ora di Roma\) non è stato possibile sentirci per il colloquio relativo alla posizione di Backend Engineer in Acme\./);
      const two = render('reschedule', full, 'it').body;
      assert.match(two, /purtroppo oggi alle 9:30 ora di New York \(le 15:30 a Roma\) non è stato possibile sentirci per il colloquio relativo alla posizione/);
      for (const body of [one, two]) {
        assert.doesNotMatch(body, /per il colloquio per la posizione|previsto per/);
        assert.equal(body.match(/relativ/g)?.length, 1, body);
      }
      assert.match(render('thank-you', sameZone, 'it').body, /La ringrazio per il tempo che mi ha dedicato durante il colloquio per la posizione di Backend Engineer in Acme\./);
    });

    it('owns the missed call in Italian too, in one short sentence', () => {
      for (const context of [sameZone, { ...sameZone, interviewerIsGroup: true }, { ...sameZone, video: true }]) {
        assert.equal(render('apology', context, 'it').body.match(/È stato un mio errore\./g)?.length, 1);
      }
    });

    it('asks for a new time without a word of blame', () => {
      assert.doesNotMatch(render('reschedule', full).body, /things come up|understand/i);
      assert.doesNotMatch(render('reschedule', full, 'it').body, /imprevisti|Comprendo/);
    });
  });

  describe('rescheduled calls', () => {
    it('thanks them for their flexibility only when the call was moved or missed', () => {
      assert.match(render('thank-you', full).body, /Thank you also for your flexibility in rescheduling\./);
      assert.match(render('thank-you', full, 'it').body, /Apprezzo molto anche la Sua flessibilità nel fissare un nuovo orario\./);
      assert.doesNotMatch(render('thank-you', { ...full, moved: false }).body, /flexibility/);
      assert.doesNotMatch(render('thank-you', { ...full, moved: false }, 'it').body, /flessibilità/);
    });

    it('thanks for flexibility after a missed call differently from a moved one: no new time was found, the mistake was mine', () => {
      const missed = { ...full, missedCall: true };
      const en = render('thank-you', missed).body;
      assert.match(en, /Thank you also for being flexible after I missed your call earlier\./);
      assert.doesNotMatch(en, /rescheduling|new time/);
      const it = render('thank-you', missed, 'it').body;
      assert.match(it, /Apprezzo molto anche la Sua disponibilità a risentirci dopo la chiamata persa\./);
      assert.doesNotMatch(it, /nuovo orario/);
      const team = { ...missed, interviewerIsGroup: true };
      assert.match(render('thank-you', team).body, /Thank you also for being flexible after I missed the call earlier\./);
      assert.match(render('thank-you', team, 'it').body, /Apprezzo molto anche la disponibilità a risentirci dopo la chiamata persa\./);
      assert.match(render('thank-you', { ...full, interviewerIsGroup: true }).body, /Thank you also for the flexibility in rescheduling\./);
    });

    it('asks them to call me at my number when even the new time failed', () => {
      const { body } = render('please-call-me', sameZone);
      assert.match(body, /Unfortunately we weren't able to connect at the new time either, today at 3:30 PM \(Rome time\)\./);
      assert.match(body, /Could you call me at \+39 347 123 4567 whenever it suits you\? I'll keep my phone with me\./);
      assert.doesNotMatch(body, /patience|missed each other/);
      const moved = render('please-call-me', sameZone, 'it');
      assert.equal(moved.subject, 'Potrebbe richiamarmi quando Le è comodo? – Acme, Backend Engineer');
      assert.match(moved.body, /purtroppo non è stato possibile sentirci oggi alle 15:30 \(ora di Roma\), all'orario che avevamo concordato per il colloquio relativo alla posizione di Backend Engineer in Acme\./);
      assert.match(moved.body, /La ringrazio e resto in attesa di una Sua chiamata\./);
      assert.doesNotMatch(moved.body, /pazienza|semplificare/);
      const it = render('please-call-me', { ...full, rescheduled: false }, 'it').body;
      assert.match(it, /non è stato ancora possibile sentirci per il colloquio relativo alla posizione di Backend Engineer in Acme/);
      assert.match(it, /Potrebbe chiamarmi Lei al numero \+39 347 123 4567, quando Le è più comodo\?/);
    });

    it('tells a team the call had been moved before saying it failed "this time either"', () => {
      const team = { ...sameZone, interviewerName: 'HR Team', interviewerIsGroup: true };
      const en = render('please-call-me', team).body;
      assert.match(en, /I'm writing about my phone interview with your team for the Backend Engineer position, which was rescheduled to today at 3:30 PM \(Rome time\)\. Unfortunately we weren't able to connect this time either\./);
      assert.doesNotMatch(en, /new time/);
      const it = render('please-call-me', team, 'it').body;
      assert.match(it, /scrivo in merito al colloquio con Acme per la posizione di Backend Engineer, riprogrammato per oggi alle 15:30 \(ora di Roma\): purtroppo non è stato possibile sentirci nemmeno questa volta\./);
      assert.match(it, /Sarebbe possibile ricevere una chiamata al numero \+39 347 123 4567, nel momento più comodo\?/);
      assert.doesNotMatch(it, /nuovo orario/);
    });
  });

  describe('people', () => {
    it('shows a visible gap for a missing name; an email leaves out a missing phone, the voicemail shows it', () => {
      const en = render('follow-up', { ...sameZone, candidateName: undefined, candidatePhone: undefined, candidateEmail: undefined, markMissingProfile: true }).body;
      assert.ok(en.endsWith('Best regards,\n[your name]'), en);
      assert.match(en, /I'll stay available until 4:00 PM, so please call/);
      assert.doesNotMatch(en, /phone number/);
      const it = render('voicemail', { markMissingProfile: true }, 'it').body;
      assert.match(it, /^Buongiorno, sono \[il tuo nome\] e chiamo in merito/);
      assert.match(it, /Il mio numero è \[il tuo numero di telefono\]\./);
    });

    it('writes to a team as a stranger would: who is writing, no Lei, a subject that says who and when', () => {
      const team = { ...sameZone, interviewerName: 'HR Team', interviewerIsGroup: true };
      const en = render('follow-up', team);
      assert.equal(en.subject, 'Marco Bianchi — phone interview today at 3:30 PM, available until 4:00 PM');
      assert.match(en.body, /^Hello Acme team,\n\nMy name is Marco Bianchi, and I'm writing about my phone interview with your team for the Backend Engineer position, scheduled for today at 3:30 PM \(Rome time\)\. I called twice but couldn't reach anyone\./);
      assert.match(render('follow-up', { ...team, company: undefined }).body, /^Hello,\n/);
      const it = render('follow-up', team, 'it');
      assert.equal(it.subject, 'Marco Bianchi – colloquio di oggi alle 15:30, disponibile fino alle 16:00');
      assert.match(it.body, /^Buongiorno,\n\nsono Marco Bianchi e scrivo in merito al colloquio con Acme per la posizione di Backend Engineer, previsto per oggi alle 15:30 \(ora di Roma\)\. Ho provato a chiamare due volte, senza riuscire a mettermi in contatto\./);
      assert.match(render('thank-you', team).body, /Could you please pass my thanks on to the person I spoke with\?/);
      assert.match(render('thank-you', team, 'it').body, /^Buongiorno,\n\nsono Marco Bianchi e desidero ringraziare del colloquio di oggi per la posizione di Backend Engineer in Acme e del tempo dedicatomi\. .* Sarebbe possibile inoltrare i miei ringraziamenti anche alla persona con cui ho parlato\?/);
      assert.match(render('thank-you', { ...team, role: undefined, moved: false }, 'it').body, /ringraziare del colloquio di oggi con Acme e del tempo dedicatomi\./);
      // A subject that cannot read as "moving it to today".
      assert.equal(render('reschedule', team).subject, 'Marco Bianchi — phone interview today at 3:30 PM: request to reschedule');
      // A team is thanked, not told "a presto".
      assert.match(render('confirmation', team, 'it').body, /\n\nGrazie\.\n/);
      assert.match(render('confirmation', sameZone, 'it').body, /\n\nA presto\.\n/);
      for (const kind of templateKinds) {
        for (const context of [team, { ...team, video: true }, { ...team, rescheduled: false, slots: [] }, { ...team, attempts: 0, availableUntil: undefined }]) {
          const body = render(kind, context, 'it').body;
          // No courtesy Lei (nor its forms) to a shared mailbox.
          assert.doesNotMatch(body, /\b(Lei|La|Le|Sua|Suo|Sue|Suoi)\b|[a-z](la|le)\b(?= (una|due|tre|più) volt)|chiamarla|parlarle|richiamarla/, `${kind}: ${body}`);
          if (kind !== 'voicemail') assert.match(render(kind, context).subject, /^Marco Bianchi — /, kind);
          if (kind !== 'voicemail') assert.match(render(kind, context, 'it').subject, /^Marco Bianchi – /, kind);
        }
      }
    });
  });

  describe('untrusted input', () => {
    it('keeps a CR/LF header injection out of the subject', () => {
      const { subject, body } = render('follow-up', {
        company: 'Acme\r\nBcc: victim@example.com',
        role: 'Dev\nX-Evil: 1',
        interviewerName: 'Eve\r\n\r\nInjected paragraph',
      });
      assert.doesNotMatch(subject, /[\r\n]/);
      assert.equal(subject, 'Our call — Acme Bcc: victim@example.com, Dev X-Evil: 1');
      assert.match(body, /^Dear Eve,\n/);
    });

    it('keeps markup as literal text', () => {
      const { subject, body } = render('thank-you', { company: '<script>alert(1)</script>', interviewerName: '<b>Bob</b>' });
      assert.ok(subject.includes('<script>alert(1)</script>'));
      assert.ok(body.includes('Dear <b>Bob</b>,'));
    });

    it('never interprets template syntax that arrives inside the data', () => {
      const { body } = render('follow-up', { interviewerName: '{candidatePhone}[a|b]', candidatePhone: '123' });
      assert.match(body, /^Dear \{candidatePhone\}\[a\|b\],/);
    });

    it('treats values of the wrong type as missing', () => {
      const junk = {
        interviewerName: 42,
        candidateName: null,
        company: ['Acme'],
        scheduledAt: 'tomorrow',
        now: Number.NaN,
        attempts: Number.POSITIVE_INFINITY,
        minutesLeft: '10',
        slots: 'soon',
        timeZone: 7,
        rescheduled: 'yes',
        availableUntil: '16:00',
        video: 1,
      } as unknown as TemplateContext;
      for (const locale of locales) {
        for (const kind of templateKinds) {
          const { subject, body } = render(kind, junk, locale);
          assertClean(subject, `${locale} ${kind} junk subject`);
          assertClean(body, `${locale} ${kind} junk body`);
          assert.equal(body, render(kind, {}, locale).body);
        }
      }
    });

    it('does not throw when reading the context throws', () => {
      const hostile = {
        get company(): string {
          throw new Error('boom');
        },
      } as TemplateContext;
      assert.deepEqual(render('reschedule', hostile), render('reschedule', {}));
      assert.doesNotThrow(() => renderTemplate('reschedule', null as unknown as TemplateContext, 'it'));
    });

    it('returns empty text for an unknown kind and English for an unknown locale', () => {
      assert.deepEqual(renderTemplate('nope' as TemplateKind, full, 'en'), { subject: '', body: '' });
      assert.deepEqual(renderTemplate('toString' as TemplateKind, full, 'en'), { subject: '', body: '' });
      assert.deepEqual(renderTemplate('apology', full, 'fr' as Locale), render('apology', full, 'en'));
    });
  });

  describe('templates as data', () => {
    it('declares every placeholder each default template uses', () => {
      for (const locale of locales) {
        for (const kind of templateKinds) {
          const { subject, body } = defaultTemplates[locale][kind];
          for (const [, name] of `${subject}\n${body}`.matchAll(/\{(\w+)\}/g)) {
            assert.ok(templatePlaceholders[kind].includes(name!), `${locale} ${kind} uses {${name}} without declaring it`);
          }
        }
      }
    });

    it('lists every kind once', () => {
      assert.deepEqual([...templateKinds].sort(), Object.keys(templatePlaceholders).sort());
      assert.equal(new Set(templateKinds).size, 7);
    });

    it('renders a user-edited template, keeping an unknown placeholder visible', () => {
      const custom = { subject: 'Hi[ {interviewerName}]', body: 'Call at {scheduledTime}[ ({attempts})].\nTypo: {interviewerNmae}\n{candidatePhone}\nBye' };
      const { subject, body } = renderTemplateText(custom, { scheduledAt: START, timeZone: ROME }, 'en');
      assert.equal(subject, 'Hi');
      assert.equal(body, 'Call at 3:30 PM.\nTypo: {interviewerNmae}\nBye');
    });

    it('never assumes the candidate\'s gender in Italian', () => {
      for (const kind of templateKinds) {
        const { body } = render(kind, full, 'it');
        assert.doesNotMatch(body, /\b(liet|grat|dispiaciut|riuscit|disponibil|collegat)[oa]\b/i, kind);
      }
    });

    it('capitalises the Italian courtesy pronouns that stand alone, never those joined to a verb', () => {
      for (const kind of templateKinds) {
        for (const context of [full, sameZone, { ...full, video: true }, { ...full, slots: [], rescheduled: false }]) {
          const { body } = render(kind, context, 'it');
          assert.doesNotMatch(body, /[a-zà-ù](La|Le|Lo|Gli)\b/, `${kind}: ${body}`);
        }
      }
    });

    it('keeps "sarò felice" (a calque) out of the Italian', () => {
      for (const kind of templateKinds) assert.doesNotMatch(defaultTemplates.it[kind].body, /sarò felice|Sarò felice/, kind);
    });
  });
});
