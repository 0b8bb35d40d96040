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
    assert.match(render('follow-up', full).body, /^Dear Giulia Rossi,\n/);
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
      assert.equal(subject, 'Following up on our call today — Acme, Backend Engineer');
      assert.match(body, /our call for the Backend Engineer position at Acme, set for today at 9:30 AM New York time \(3:30 PM in Rome\)\./);
      assert.match(body, /I called you twice but couldn't get through\./);
      assert.match(body, /I'll stay available at \+39 347 123 4567 until 10:00 AM New York time \(4:00 PM in Rome\) and hope we can speak then\. Otherwise, I'd be happy to reschedule/);
      assert.doesNotMatch(body, /minute/);
      assert.match(body, /Thank you again for the opportunity\./);
    });

    it('does the same in Italian', () => {
      const { subject, body } = render('follow-up', full, 'it');
      assert.equal(subject, 'Colloquio di oggi: in attesa di sentirci — Acme, Backend Engineer');
      assert.match(body, /previsto per oggi alle 9:30 ora di New York \(le 15:30 a Roma\)\./);
      assert.match(body, /Ho provato a chiamarLa due volte/);
      assert.match(body, /Resterò disponibile al numero \+39 347 123 4567 fino alle 10:00 ora di New York \(le 16:00 a Roma\) e spero di sentirLa a breve\. In caso contrario,/);
      assert.doesNotMatch(body, /minut/);
    });

    it('writes availability as one plain clock time when both share a zone', () => {
      assert.match(render('follow-up', sameZone).body, /until 4:00 PM and hope/);
      assert.match(render('follow-up', sameZone, 'it').body, /fino alle 16:00 e spero/);
    });

    it('leaves availability out, with its "otherwise", under five minutes', () => {
      for (const left of [4.9, 0, -3]) {
        const context = { ...sameZone, availableUntil: full.now! + left * MINUTE };
        const en = render('follow-up', context).body;
        assert.doesNotMatch(en, /until|Otherwise/);
        assert.match(en, /\n\nI'd be happy to reschedule at a time that suits you; you can reach me at/);
        assert.doesNotMatch(render('follow-up', context, 'it').body, /fino|In caso contrario/);
      }
      assert.match(render('follow-up', { ...sameZone, availableUntil: full.now! + 5 * MINUTE }).body, /until 3:52 PM/);
    });

    it('states the number of attempts in words, and "several" past three', () => {
      const said = (attempts: number) => /I called you (.+?) but/.exec(render('follow-up', { attempts }).body)?.[1];
      assert.deepEqual([1, 2, 3, 4, 12].map(said), ['once', 'twice', 'three times', 'several times', 'several times']);
      const detto = (attempts: number) => /chiamarLa (.+?),/.exec(render('follow-up', { attempts }, 'it').body)?.[1];
      assert.deepEqual([1, 2, 3, 4].map(detto), ['una volta', 'due volte', 'tre volte', 'più volte']);
    });

    it('claims no calls and no time left when there were none', () => {
      const { body } = render('follow-up', { attempts: 0 });
      assert.doesNotMatch(body, /called you|until|0 times/);
      assert.match(body, /We haven't managed to connect yet\./);
      assert.match(body, /I'd be happy to reschedule/);
    });

    it('speaks of a meeting, not of calls, for a video interview', () => {
      const { subject, body } = render('follow-up', { ...sameZone, video: true });
      assert.equal(subject, 'Following up on our video call today — Acme, Backend Engineer');
      assert.match(body, /I joined at the scheduled time, but we haven't managed to connect yet\./);
      assert.match(body, /I'll stay in the meeting until 4:00 PM/);
      assert.doesNotMatch(body, /I called you/);
      const it = render('follow-up', { ...sameZone, video: true }, 'it');
      assert.equal(it.subject, 'Videocolloquio di oggi: in attesa di sentirci — Acme, Backend Engineer');
      assert.match(it.body, /Resterò in collegamento fino alle 16:00/);
    });

    it('writes the date instead of "today" when it does not know the current time', () => {
      const { body } = render('follow-up', { scheduledAt: START, timeZone: ROME });
      assert.match(body, /our call, set for Thursday 26 November at 3:30 PM\./);
      assert.match(render('follow-up', { scheduledAt: START, timeZone: ROME }, 'it').body, /previsto per giovedì 26 novembre alle 15:30\./);
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
      assert.match(render('follow-up', context).body, /at 11:30 PM\./);
    });

    it('labels every time with its zone only when the clocks differ', () => {
      const berlin = render('follow-up', { ...full, eventTimeZone: 'Europe/Berlin' }).body;
      assert.match(berlin, /today at 3:30 PM\./);
      assert.doesNotMatch(berlin, /\(|time \(/);
      assert.match(render('follow-up', { ...full, eventTimeZone: 'Europe/London' }, 'it').body, /alle 14:30 ora di Londra \(le 15:30 a Roma\)/);
      assert.match(render('follow-up', { ...full, eventTimeZone: 'Etc/UTC' }).body, /2:30 PM UTC \(3:30 PM in Rome\)/);
    });

    it('says "today" or "tomorrow" only when it is true on both clocks', () => {
      // 00:30 on Friday in Rome is 6:30 PM on Thursday in New York; now is 23:00 Thursday in Rome.
      const halfPastMidnight = Date.UTC(2026, 10, 26, 23, 30);
      const context = { scheduledAt: halfPastMidnight, timeZone: ROME, eventTimeZone: 'America/New_York', now: halfPastMidnight - 90 * MINUTE };
      const en = render('confirmation', context);
      assert.equal(en.subject, 'Confirming our call on Thursday 26 November');
      assert.match(en.body, /set for Thursday 26 November at 6:30 PM New York time \(12:30 AM on Friday in Rome\), in about an hour and a half\./);
      const it = render('confirmation', context, 'it');
      assert.match(it.body, /previsto per giovedì 26 novembre alle 18:30 ora di New York \(le 00:30 di venerdì a Roma\)/);
      // Both clocks agree on "today" two hours earlier in the day.
      assert.match(render('confirmation', { ...context, scheduledAt: START, now: START - 60 * MINUTE }).body, /set for today at 9:30 AM New York time/);
    });

    it('ignores zones the runtime does not know instead of failing', () => {
      const { body } = render('follow-up', { ...full, timeZone: 'Mars/Olympus', eventTimeZone: 'Nowhere' });
      assert.match(body, /today at|\w+day \d/);
      assertClean(body, 'unknown zones');
    });

    it('says "tomorrow" and "domani" for a call on the next calendar day', () => {
      const now = Date.UTC(2026, 10, 25, 22, 30); // 23:30 the evening before, in Rome
      assert.match(render('confirmation', { scheduledAt: START, timeZone: ROME, now }).subject, /^Confirming our call tomorrow$/);
      assert.match(render('confirmation', { scheduledAt: START, timeZone: ROME, now }, 'it').body, /previsto per domani alle 15:30/);
    });

    it('elides the Italian article before one o\'clock and writes the hour after midnight as 00', () => {
      const oneOFive = Date.UTC(2026, 10, 26, 0, 5); // 1:05 in Rome
      assert.match(render('follow-up', { scheduledAt: oneOFive, timeZone: ROME, now: oneOFive }, 'it').body, /oggi all'1:05\./);
      assert.match(render('voicemail', { scheduledAt: oneOFive, timeZone: ROME, now: oneOFive }, 'it').body, /In questo momento è l'1:05\./);
      const half = Date.UTC(2026, 10, 25, 23, 30); // 00:30 in Rome
      assert.match(render('follow-up', { scheduledAt: half, timeZone: ROME, now: half }, 'it').body, /oggi alle 00:30\./);
      assert.match(render('voicemail', { scheduledAt: half, timeZone: ROME, now: half }, 'it').body, /In questo momento sono le 00:30\./);
      assert.match(render('follow-up', { scheduledAt: half, timeZone: ROME, now: half, availableUntil: half + 35 * MINUTE }, 'it').body, /fino all'1:05/);
    });
  });

  describe('confirmation', () => {
    it('confirms today\'s call and says it is in about an hour', () => {
      const context = { ...sameZone, now: START - 62 * MINUTE };
      const { subject, body } = render('confirmation', context);
      assert.equal(subject, 'Confirming our call today — Acme, Backend Engineer');
      assert.match(body, /confirm our call for the Backend Engineer position at Acme, set for today at 3:30 PM, in about an hour\./);
      assert.match(body, /looking forward to speaking with you/);
      assert.match(render('confirmation', context, 'it').body, /previsto per oggi alle 15:30, tra circa un'ora\./);
    });

    it('rounds the lead time to words a person would use', () => {
      const lead = (minutes: number, locale: Locale = 'en') =>
        /(in|tra) (about|circa|pochi)[^.]+/.exec(render('confirmation', { scheduledAt: START, now: START - minutes * MINUTE }, locale).body)?.[0];
      assert.equal(lead(90), 'in about an hour and a half');
      assert.equal(lead(120), 'in about two hours');
      assert.equal(lead(18), 'in about 20 minutes');
      assert.equal(lead(95, 'it'), "tra circa un'ora e mezza");
      assert.equal(lead(240, 'it'), 'tra circa 4 ore');
    });

    it('never puts the calendar title in a subject', () => {
      assert.equal(render('confirmation', { title: 'Phone screen (mio)' }).subject, 'Confirming our call');
      assert.equal(render('thank-you', { title: 'Colloquio Acme', role: 'Designer' }, 'it').subject, 'Grazie per il colloquio — Designer');
      for (const locale of locales) {
        for (const kind of templateKinds) {
          assert.doesNotMatch(render(kind, { ...full, company: undefined, role: undefined, title: 'PRIVATE LABEL' }, locale).subject, /PRIVATE/);
        }
      }
    });
  });

  describe('voicemail', () => {
    it('sounds like a person: first name, purpose, current time on both clocks, number, availability', () => {
      const { subject, body } = render('voicemail', full);
      assert.equal(subject, 'Voicemail script — Acme, Backend Engineer');
      assert.match(body, /^Hello Giulia, this is Marco Bianchi\.\n/);
      assert.match(body, /about our interview for the Backend Engineer position at Acme, set for today at 9:30 AM New York time \(3:30 PM in Rome\)\./);
      assert.match(body, /It's now 3:47 PM here in Rome, 9:47 AM in New York\./);
      assert.match(body, /You can reach me at \+39 347 123 4567\. Again, that's \+39 347 123 4567\./);
      assert.match(body, /I'll stay available until 10:00 AM New York time \(4:00 PM in Rome\)\. If that doesn't suit you, I'm happy to find another time\./);
    });

    it('does the same in Italian, without the name after the greeting', () => {
      const { body } = render('voicemail', full, 'it');
      assert.match(body, /^Buongiorno, sono Marco Bianchi\.\n/);
      assert.match(body, /In questo momento sono le 15:47 qui a Roma, le 9:47 a New York\./);
      assert.match(body, /al numero \+39 347 123 4567\. Ripeto: \+39 347 123 4567\./);
      assert.match(body, /Resterò disponibile fino alle 10:00 ora di New York \(le 16:00 a Roma\)\./);
    });

    it('says Buonasera from five in the afternoon of the listener', () => {
      const at = (utcHour: number, zone: string) => render('voicemail', { now: Date.UTC(2026, 10, 26, utcHour, 0), timeZone: ROME, eventTimeZone: zone }, 'it').body.split(/[,.]/)[0];
      assert.equal(at(15, ROME), 'Buongiorno'); // 16:00 in Rome
      assert.equal(at(16, ROME), 'Buonasera'); // 17:00 in Rome
      assert.equal(at(16, 'America/New_York'), 'Buongiorno'); // 11:00 in New York
    });

    it('keeps a title with the surname and greets a team without a name', () => {
      assert.match(render('voicemail', { interviewerName: 'Dr. Smith' }).body, /^Hello Dr. Smith\./);
      assert.match(render('voicemail', { interviewerName: 'HR Team', interviewerIsGroup: true }).body, /^Hello\./);
    });

    it('has no "otherwise" when availability was left out', () => {
      for (const locale of locales) {
        const { body } = render('voicemail', { ...full, availableUntil: undefined }, locale);
        assert.doesNotMatch(body, /Otherwise|If that|Altrimenti|Se per Lei/);
        assert.match(body, locale === 'en' ? /I'm happy to find another time that works for you\./ : /Sarò felice di concordare con Lei un altro momento\./);
      }
    });
  });

  describe('apology and reschedule', () => {
    it('apologises briefly, mentions the call back and asks for a time today or in the next few days', () => {
      const { subject, body } = render('apology', full);
      assert.equal(subject, 'Sorry I missed your call — Acme, Backend Engineer');
      assert.match(body, /I'm sorry I missed your call about the Backend Engineer position at Acme\. That was my mistake\. I tried to call you back twice but couldn't reach you\./);
      assert.match(body, /Could we find another time to talk, today or in the next few days\?/);
      assert.doesNotMatch(body, /sorted|is now a good time|later this week/i);
      assert.ok(body.split(/\s+/).length < 130, 'the apology should stay short');
      const it = render('apology', full, 'it').body;
      assert.match(it, /Potremmo sentirci oggi stesso o nei prossimi giorni, quando Le è più comodo\?/);
      assert.doesNotMatch(it, /risolto/);
    });

    it('names the company in the Italian apology when only the company is known', () => {
      assert.match(render('apology', { company: 'Acme' }, 'it').body, /alla Sua chiamata per il colloquio con Acme\./);
      assert.match(render('apology', { company: 'Acme' }).body, /your call about the opportunity at Acme\./);
    });

    it('lists the proposed slots with a clear date, range and zone', () => {
      const en = render('reschedule', sameZone).body;
      assert.match(en, /• Tuesday 1 December, 10:00–10:30 AM\n• Wednesday 2 December, 11:30 AM–12:30 PM\nAll times are Rome time\./);
      const it = render('apology', sameZone, 'it').body;
      assert.match(it, /• martedì 1 dicembre, 10:00–10:30\n• mercoledì 2 dicembre, 11:30–12:30\nGli orari si riferiscono all'ora di Roma\./);
    });

    it('labels each slot with both zones when the interviewer is elsewhere', () => {
      const en = render('reschedule', full).body;
      assert.match(en, /• Tuesday 1 December, 4:00–4:30 AM New York time \(10:00–10:30 AM in Rome\)\n• Wednesday 2 December, 5:30–6:30 AM New York time \(11:30 AM–12:30 PM in Rome\)\n/);
      assert.doesNotMatch(en, /All times/);
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
      assert.doesNotMatch(body, /•|All times/);
      assert.match(render('reschedule', { slots: [{ start: 5, end: 1 }] }, 'it').body, /Mi farebbe sapere quando potrebbe essere disponibile\?/);
    });

    it('asks for a new time without a word of blame', () => {
      assert.doesNotMatch(render('reschedule', full).body, /things come up|understand/i);
      assert.doesNotMatch(render('reschedule', full, 'it').body, /imprevisti|Comprendo/);
    });
  });

  describe('rescheduled calls', () => {
    it('thanks them for their flexibility only when the call was moved or missed', () => {
      assert.match(render('thank-you', full).body, /Thank you also for your flexibility in finding a new time\./);
      assert.match(render('thank-you', full, 'it').body, /Apprezzo molto anche la Sua flessibilità nel trovare un nuovo momento per sentirci\./);
      assert.doesNotMatch(render('thank-you', { ...full, moved: false }).body, /flexibility/);
      assert.doesNotMatch(render('thank-you', { ...full, moved: false }, 'it').body, /flessibilità/);
    });

    it('asks them to call me at my number when even the new time failed', () => {
      const { body } = render('please-call-me', sameZone);
      assert.match(body, /we missed each other again at the new time, today at 3:30 PM/);
      assert.match(body, /would you be willing to call me at \+39 347 123 4567 at whatever time suits you best\?/);
      assert.match(render('please-call-me', sameZone, 'it').body, /nemmeno al nuovo orario, oggi alle 15:30\./);
      const it = render('please-call-me', { ...full, rescheduled: false }, 'it').body;
      assert.match(it, /non è stato ancora possibile sentirci per il colloquio relativo alla posizione di Backend Engineer presso Acme/);
      assert.match(it, /potrebbe chiamarmi Lei al numero \+39 347 123 4567 nel momento che preferisce\?/);
    });
  });

  describe('people', () => {
    it('shows a visible gap for a missing name and phone when asked to', () => {
      const en = render('follow-up', { markMissingProfile: true }).body;
      assert.ok(en.endsWith('Best regards,\n[your name]\n[your phone number]'), en);
      const it = render('voicemail', { markMissingProfile: true }, 'it').body;
      assert.match(it, /^Buongiorno, sono \[il tuo nome\]\.\nLa chiamo/);
      assert.match(it, /Può richiamarmi al numero \[il tuo numero di telefono\]\./);
    });

    it('greets a team neutrally in both languages', () => {
      assert.match(render('follow-up', { ...full, interviewerName: 'HR Team', interviewerIsGroup: true }).body, /^Hello,\n/);
      assert.match(render('follow-up', { ...full, interviewerName: 'HR Team', interviewerIsGroup: true }, 'it').body, /^Buongiorno,\n/);
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
      assert.equal(subject, 'Following up on our call — Acme Bcc: victim@example.com, Dev X-Evil: 1');
      assert.match(body, /^Dear Eve Injected paragraph,\n/);
    });

    it('keeps markup as literal text', () => {
      const { subject, body } = render('thank-you', { company: '<script>alert(1)</script>', interviewerName: '<b>Bob</b>' });
      assert.ok(subject.includes('<script>alert(1)</script>'));
      assert.ok(body.includes('Dear <b>Bob</b>,'));
    });

    it('never interprets template syntax that arrives inside the data', () => {
      const { body } = render('follow-up', { interviewerName: '{candidatePhone} [a|b]', candidatePhone: '123' });
      assert.match(body, /^Dear \{candidatePhone\} \[a\|b\],/);
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
        assert.doesNotMatch(body, /\b(liet|grat|dispiaciut|riuscit|disponibil)[oa]\b/i, kind);
      }
    });
  });
});
