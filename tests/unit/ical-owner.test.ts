import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ownerOfCalendarName, ownerOfFeedUrl } from '../../src/calendar/ical-owner.ts';

describe('the owner of an iCal feed (issue 12)', () => {
  it('reads the owner from a Google primary calendar\'s secret or public address', () => {
    assert.equal(ownerOfFeedUrl('https://calendar.google.com/calendar/ical/ana.rossi%40gmail.com/private-0123456789abcdef0123456789abcdef/basic.ics'), 'ana.rossi@gmail.com');
    assert.equal(ownerOfFeedUrl('https://calendar.google.com/calendar/ical/Ana.Rossi%40acme.it/public/basic.ics'), 'ana.rossi@acme.it');
    assert.equal(ownerOfFeedUrl('webcal://calendar.google.com/calendar/ical/ana%40acme.it/private-abc/basic.ics'), 'ana@acme.it');
    // The older host, and an id Google left unescaped.
    assert.equal(ownerOfFeedUrl('https://www.google.com/calendar/ical/ana@acme.it/private-abc/basic.ics'), 'ana@acme.it');
  });

  it('names nobody for other calendars and other providers', () => {
    for (const url of [
      'https://calendar.google.com/calendar/ical/c_1a2b3c%40group.calendar.google.com/private-abc/basic.ics',
      'https://calendar.google.com/calendar/ical/en.italian%23holiday%40group.v.calendar.google.com/public/basic.ics',
      'https://outlook.office365.com/owa/calendar/0f1e2d3c@acme.it/4b5a69788796a5b4/calendar.ics',
      'https://p01-caldav.icloud.com/published/2/MTIzNDU2Nzg5MDEyMzQ1Njc4OTA',
      'https://calendar.google.com.evil.example/calendar/ical/ana%40acme.it/private-abc/basic.ics',
      'https://calendar.google.com/calendar/ical/ana%40acme.it/basic.ics',
      'https://calendar.google.com/calendar/ical/%E0%A4%A/private-abc/basic.ics',
      'https://calendar.google.com/calendar/ical/not-an-address/private-abc/basic.ics',
      'not a url',
    ]) {
      assert.equal(ownerOfFeedUrl(url), undefined, url);
    }
  });

  it('takes an X-WR-CALNAME that is an address as the owner, and nothing else', () => {
    assert.equal(ownerOfCalendarName('Ana.Rossi@gmail.com'), 'ana.rossi@gmail.com');
    assert.equal(ownerOfCalendarName(' ana@acme.it '), 'ana@acme.it');
    assert.equal(ownerOfCalendarName('Work'), undefined);
    assert.equal(ownerOfCalendarName('Ana Rossi <ana@acme.it>'), undefined);
    assert.equal(ownerOfCalendarName('team@group.calendar.google.com'), undefined);
    assert.equal(ownerOfCalendarName(undefined), undefined);
    assert.equal(ownerOfCalendarName(`${'a'.repeat(300)}@acme.it`), undefined);
  });
});
