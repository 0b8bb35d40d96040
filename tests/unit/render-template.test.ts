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

const ROME = 'Europe/Rome';
const MINUTE = 60_000;
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
  minutesLeft: 13,
  slots: [SLOT_1, SLOT_2],
  rescheduled: true,
};

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
    it('states the time, the attempts and the minutes left in English', () => {
      const { subject, body } = render('follow-up', full);
      assert.equal(subject, 'Following up on our call today — Acme, Backend Engineer');
      assert.match(body, /today at 3:30 PM \(9:30 AM in New York\)/);
      assert.match(body, /I called you twice/);
      assert.match(body, /for another 13 minutes/);
      assert.match(body, /reschedule at a time that suits you/);
      assert.match(body, /Thank you again for the opportunity\./);
    });

    it('states the time, the attempts and the minutes left in Italian', () => {
      const { subject, body } = render('follow-up', full, 'it');
      assert.equal(subject, 'Il nostro colloquio di oggi — Acme, Backend Engineer');
      assert.match(body, /previsto per oggi alle 15:30 \(le 9:30 a New York\)/);
      assert.match(body, /Ho provato a chiamarLa due volte/);
      assert.match(body, /ancora 13 minuti/);
      assert.match(body, /La ringrazio ancora per l'opportunità\./);
    });

    it('states the number of attempts in words in English', () => {
      const said = (attempts: number) => /I called you (.+?) but/.exec(render('follow-up', { attempts }).body)?.[1];
      assert.deepEqual([1, 2, 3, 4, 12].map(said), ['once', 'twice', 'three times', '4 times', '12 times']);
    });

    it('states the number of attempts in words in Italian', () => {
      const said = (attempts: number) => /chiamarLa (.+?),/.exec(render('follow-up', { attempts }, 'it').body)?.[1];
      assert.deepEqual([1, 2, 3, 4].map(said), ['una volta', 'due volte', 'tre volte', '4 volte']);
    });

    it('says "another minute" and "ancora un minuto" for a single minute', () => {
      assert.match(render('follow-up', { minutesLeft: 1 }).body, /for another minute,/);
      assert.match(render('follow-up', { minutesLeft: 1 }, 'it').body, /ancora un minuto /);
      assert.match(render('voicemail', { minutesLeft: 12 }, 'it').body, /Resterò disponibile ancora 12 minuti\./);
    });

    it('claims no calls and no time left when there were none', () => {
      const { body } = render('follow-up', { attempts: 0, minutesLeft: 0 });
      assert.doesNotMatch(body, /called you|another|0 minutes|0 times/);
      assert.match(body, /We haven't managed to connect yet\./);
      assert.match(body, /I'd be happy to reschedule/);
    });

    it('writes the date instead of "today" when it does not know the current time', () => {
      const { body } = render('follow-up', { scheduledAt: START, timeZone: ROME });
      assert.match(body, /our call on Thursday 26 November at 3:30 PM\./);
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

    it('mentions the event zone only when its clock differs', () => {
      const berlin = render('follow-up', { ...full, eventTimeZone: 'Europe/Berlin' }).body;
      assert.match(berlin, /today at 3:30 PM\./);
      assert.doesNotMatch(berlin, /\(/);
      assert.match(render('follow-up', { ...full, eventTimeZone: 'Europe/London' }, 'it').body, /alle 15:30 \(le 14:30 a Londra\)/);
      assert.match(render('follow-up', { ...full, eventTimeZone: 'Etc/UTC' }).body, /3:30 PM \(2:30 PM UTC\)/);
    });

    it('ignores zones the runtime does not know instead of failing', () => {
      const { body } = render('follow-up', { ...full, timeZone: 'Mars/Olympus', eventTimeZone: 'Nowhere' });
      assert.match(body, /today at|on \w+day/);
      assertClean(body, 'unknown zones');
    });

    it('says "tomorrow" and "domani" for a call on the next calendar day', () => {
      const now = Date.UTC(2026, 10, 25, 22, 30); // 23:30 the evening before, in Rome
      assert.match(render('confirmation', { scheduledAt: START, timeZone: ROME, now }).subject, /^Confirming our call tomorrow$/);
      assert.match(render('confirmation', { scheduledAt: START, timeZone: ROME, now }, 'it').body, /previsto per domani alle 15:30/);
    });

    it('elides the Italian article before one o\'clock', () => {
      const oneThirty = Date.UTC(2026, 10, 26, 0, 30); // 1:30 in Rome
      assert.match(render('follow-up', { scheduledAt: oneThirty, timeZone: ROME, now: oneThirty }, 'it').body, /oggi all'1:30\./);
    });
  });

  describe('confirmation', () => {
    it('confirms today\'s call and says it is in about an hour', () => {
      const context = { ...full, now: START - 62 * MINUTE, eventTimeZone: undefined };
      const { subject, body } = render('confirmation', context);
      assert.equal(subject, 'Confirming our call today — Acme, Backend Engineer');
      assert.match(body, /confirm our call for the Backend Engineer position at Acme today at 3:30 PM, in about an hour\./);
      assert.match(body, /looking forward to speaking with you/);
      assert.match(render('confirmation', context, 'it').body, /previsto per oggi alle 15:30, tra circa un'ora\./);
    });

    it('rounds the lead time to words a person would use', () => {
      const lead = (minutes: number, locale: Locale = 'en') =>
        /(in|tra) [^.]+/.exec(render('confirmation', { scheduledAt: START, now: START - minutes * MINUTE }, locale).body)?.[0];
      assert.equal(lead(90), 'in about an hour and a half');
      assert.equal(lead(120), 'in about two hours');
      assert.equal(lead(18), 'in about 20 minutes');
      assert.equal(lead(95, 'it'), "tra circa un'ora e mezza");
      assert.equal(lead(240, 'it'), 'tra circa 4 ore');
    });

    it('falls back to the event title in the subject when company and role are unknown', () => {
      assert.equal(render('confirmation', { title: 'Phone screen' }).subject, 'Confirming our call — Phone screen');
      assert.equal(render('thank-you', { role: 'Designer' }, 'it').subject, 'Grazie per il colloquio — Designer');
    });
  });

  describe('voicemail', () => {
    it('gives name, purpose, the current time, the number as given and how long I stay available', () => {
      const { subject, body } = render('voicemail', full);
      assert.equal(subject, 'Voicemail script — Acme, Backend Engineer');
      assert.match(body, /^Hello Giulia Rossi, this is Marco Bianchi\.\n/);
      assert.match(body, /about our interview for the Backend Engineer position at Acme, scheduled today at 3:30 PM/);
      assert.match(body, /It's now 3:47 PM\./);
      assert.match(body, /You can reach me at \+39 347 123 4567\. Again, that's \+39 347 123 4567\./);
      assert.match(body, /I'll stay available for another 13 minutes\./);
    });

    it('does the same in Italian', () => {
      const { body } = render('voicemail', full, 'it');
      assert.match(body, /^Buongiorno Giulia Rossi, sono Marco Bianchi\.\n/);
      assert.match(body, /In questo momento sono le 15:47\./);
      assert.match(body, /al numero \+39 347 123 4567\. Ripeto: \+39 347 123 4567\./);
    });
  });

  describe('apology and reschedule', () => {
    it('apologises briefly and asks whether now or later this week suits them', () => {
      const { subject, body } = render('apology', full);
      assert.equal(subject, 'Sorry I missed your call — Acme, Backend Engineer');
      assert.match(body, /Is now a good time to talk, or would you have time later this week\?/);
      assert.ok(body.split(/\s+/).length < 120, 'the apology should stay short');
      assert.match(render('apology', full, 'it').body, /sentirci adesso, oppure avrebbe un momento nel corso della settimana\?/);
    });

    it('lists the proposed slots with a clear date and range in each language', () => {
      const en = render('reschedule', full).body;
      assert.match(en, /• Tuesday 1 December, 10:00–10:30 AM\n• Wednesday 2 December, 11:30 AM–12:30 PM\n/);
      assert.match(en, /All times are Rome time\./);
      const it = render('apology', full, 'it').body;
      assert.match(it, /• martedì 1 dicembre, 10:00–10:30\n• mercoledì 2 dicembre, 11:30–12:30\n/);
      assert.match(it, /Gli orari sono riferiti all'ora di Roma\./);
    });

    it('adds the year to a slot only when it falls in another year', () => {
      const january = { start: Date.UTC(2027, 0, 5, 9, 0), end: Date.UTC(2027, 0, 5, 9, 30) };
      assert.match(render('reschedule', { ...full, slots: [january] }).body, /• Tuesday, 5 January 2027, 10:00–10:30 AM/);
    });

    it('asks for their availability when there are no slots to propose', () => {
      const { body } = render('reschedule', { ...full, slots: [] });
      assert.match(body, /Could you let me know when you might be available\?/);
      assert.doesNotMatch(body, /•|All times/);
      assert.match(render('reschedule', { slots: [{ start: 5, end: 1 }] }, 'it').body, /Mi farebbe sapere quando potrebbe essere disponibile\?/);
    });

    it('does not name the time zone when the interviewer shares it', () => {
      assert.doesNotMatch(render('reschedule', { ...full, eventTimeZone: ROME }).body, /All times/);
    });
  });

  describe('rescheduled calls', () => {
    it('thanks them for their flexibility only when the call was moved', () => {
      assert.match(render('thank-you', full).body, /I also appreciate your flexibility in moving our call\./);
      assert.match(render('thank-you', full, 'it').body, /flessibilità con cui ha accettato di spostare/);
      assert.doesNotMatch(render('thank-you', { ...full, rescheduled: false }).body, /flexibility/);
      assert.doesNotMatch(render('thank-you', { ...full, rescheduled: false }, 'it').body, /flessibilità/);
    });

    it('asks them to call me at my number when even the new time failed', () => {
      const { body } = render('please-call-me', full);
      assert.match(body, /we missed each other again at the new time, today at 3:30 PM/);
      assert.match(body, /would you be willing to call me at \+39 347 123 4567 at whatever time suits you best\?/);
      const it = render('please-call-me', { ...full, rescheduled: false }, 'it').body;
      assert.match(it, /non è stato ancora possibile sentirci per il colloquio relativo alla posizione di Backend Engineer presso Acme/);
      assert.match(it, /potrebbe chiamarmi Lei al numero \+39 347 123 4567 nel momento che preferisce\?/);
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
