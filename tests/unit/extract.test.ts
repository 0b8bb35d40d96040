import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findEmails, findPhones, findVideoUrl, isValidEmail, phonesFromConference } from '../../src/core/extract.ts';
import { cpuMillis } from './fixtures.ts';

describe('isValidEmail', () => {
  it('accepts plain addresses', () => {
    for (const email of ['jane@example.com', 'jane.doe+jobs@mail.example.co.uk', "o'brien@example.org", 'a_b-c@sub-domain.example.com']) {
      assert.ok(isValidEmail(email), email);
    }
  });

  it('rejects header injection, lists and display names', () => {
    for (const email of [
      'a@b.com\r\nbcc:x@y.com',
      'a@b.com\nbcc:x@y.com',
      'a@b.com,c@d.com',
      'a@b.com;c@d.com',
      'Name <a@b.com>',
      '<a@b.com>',
      '"a b"@example.com',
      'a @b.com',
      'a@b.com ',
      'a\u0000@b.com',
      'a\u202E@b.com',
    ]) {
      assert.equal(isValidEmail(email), false, JSON.stringify(email));
    }
  });

  it('rejects malformed addresses and overlong ones', () => {
    for (const email of ['', '@b.com', 'a@', 'a@b', 'a@b.c', 'a@@b.com', 'a@b@c.com', '.a@b.com', 'a..b@c.com', 'a@-b.com', 'a@b-.com', 'a@b..com', `${'a'.repeat(65)}@b.com`, `a@${'b'.repeat(250)}.com`]) {
      assert.equal(isValidEmail(email), false, email);
    }
    assert.equal(isValidEmail(42 as unknown as string), false);
  });
});

describe('findEmails', () => {
  it('finds addresses in prose and HTML, in order, without repeats', () => {
    const text = "Write to 'jane.doe@example.com' or <a href=\"mailto:bob@example.org\">bob@example.org</a>. JANE.DOE@example.com again.";
    assert.deepEqual(findEmails(text), ['jane.doe@example.com', 'bob@example.org']);
  });

  it('only returns valid single addresses, even from an injection attempt', () => {
    const found = findEmails('a@b.com\r\nbcc:x@y.com, "Evil" <evil@bad.example>, nope@localhost');
    assert.deepEqual(found, ['a@b.com', 'x@y.com', 'evil@bad.example']);
    assert.ok(found.every(isValidEmail));
  });

  it('stays fast on long runs without any address', () => {
    const { ms } = cpuMillis(() => {
      assert.deepEqual(findEmails('a'.repeat(1_000_000)), []);
      assert.deepEqual(findEmails(`${'a'.repeat(100_000)}@${'b'.repeat(100_000)}`), []);
    });
    assert.ok(ms < 500, `${Math.round(ms)} ms of CPU`);
  });
});

describe('findPhones', () => {
  it('reads international, US and Italian numbers with their separators', () => {
    const phones = findPhones('Call +39 02 1234 5678, +1 (415) 555-0100, (415) 555-0101 or 333 123 4567; office 02.1234.5678', 'description');
    assert.deepEqual(phones.map((phone) => [phone.display, phone.dial]), [
      ['+39 02 1234 5678', '+390212345678'],
      ['+1 (415) 555-0100', '+14155550100'],
      ['(415) 555-0101', '4155550101'],
      ['333 123 4567', '3331234567'],
      ['02.1234.5678', '0212345678'],
    ]);
    assert.ok(phones.every((phone) => phone.origin === 'description'));
  });

  it('records the origin it was asked for', () => {
    assert.deepEqual(findPhones('Phone: +1 202-555-0142', 'location'), [{ display: '+1 202-555-0142', dial: '+12025550142', origin: 'location' }]);
  });

  it('deduplicates numbers that dial the same digits', () => {
    assert.deepEqual(findPhones('333 123 4567 or 333.123.4567 or 333-123-4567', 'description').map((phone) => phone.dial), ['3331234567']);
  });

  it('does not mistake dates, times or short numbers for phone numbers', () => {
    assert.deepEqual(findPhones('On 2026-11-26 at 15:00-16:00 (26/11/2026, 10.30-11.30), room 12, 2026 - 2027', 'description'), []);
  });

  it('skips meeting ids, passcodes and numbers glued to links', () => {
    const zoom =
      'Meeting ID: 812 3456 7890\nPasscode: 123456\nID riunione: 812 3456 7891\n' +
      'https://us02web.zoom.us/j/81234567890?pwd=abc\n+16465550100,,81234567890#,,,,*123456# US';
    assert.deepEqual(findPhones(zoom, 'description').map((phone) => phone.dial), ['+16465550100']);
  });

  it('rejects runs longer than 15 digits and separates numbers written side by side', () => {
    assert.deepEqual(findPhones('ref 1234567890123456789 and 12345678901234567890', 'description'), []);
    assert.deepEqual(findPhones('333 123 4567 / 02 1234 5678 (mobile)', 'description').map((phone) => phone.dial), ['3331234567', '0212345678']);
  });

  it('keeps only digits and a leading plus in the dial string', () => {
    for (const phone of findPhones('tel: +44 (20) 7946-0018 or <b>+33 1 99 00 00 00</b>', 'description')) {
      assert.match(phone.dial, /^\+?\d{7,15}$/);
    }
  });

  it('returns nothing for non-strings', () => {
    assert.deepEqual(findPhones(undefined as unknown as string, 'location'), []);
  });
});

describe('phonesFromConference', () => {
  it('takes tel: phone entry points with their label and PIN', () => {
    const phones = phonesFromConference([
      { entryPointType: 'video', uri: 'https://meet.google.com/abc-defg-hij' },
      { entryPointType: 'phone', uri: 'tel:+1-202-555-0199', label: '+1 202-555-0199', pin: '123456789' },
      { entryPointType: 'phone', uri: 'tel:+39-02-0000-1234' },
      { entryPointType: 'more', uri: 'https://tel.meet/abc-defg-hij' },
    ]);
    assert.deepEqual(phones, [
      { display: '+1 202-555-0199', dial: '+12025550199', pin: '123456789', origin: 'conference' },
      { display: '+39-02-0000-1234', dial: '+390200001234', origin: 'conference' },
    ]);
  });

  it('ignores non-tel URIs, junk entries and duplicates', () => {
    const phones = phonesFromConference([
      { entryPointType: 'phone', uri: 'javascript:alert(1)' },
      { entryPointType: 'phone', uri: 'tel:+1-202-555-0199;pin=42' },
      { entryPointType: 'phone', uri: 'TEL:+1 202 555 0199' },
      { entryPointType: 'phone', uri: 'tel:call-me-maybe' },
      null,
      'tel:+1-202-555-0100',
      { entryPointType: 'phone' },
    ]);
    assert.deepEqual(phones.map((phone) => phone.dial), ['+12025550199']);
    assert.deepEqual(phonesFromConference(undefined), []);
    assert.deepEqual(phonesFromConference({ length: 3 }), []);
  });

  it('cleans hostile labels and PINs', () => {
    const [phone] = phonesFromConference([{ entryPointType: 'phone', uri: 'tel:+12025550199', label: '\u202E<b>+1</b>\n202', pin: '12\u000034' }]);
    assert.equal(phone?.display, '<b>+1</b> 202');
    assert.equal(phone?.pin, '1234');
  });
});

describe('findVideoUrl', () => {
  it('accepts Meet, Zoom and Teams links and returns them normalised', () => {
    assert.equal(findVideoUrl(['Join: https://meet.google.com/abc-defg-hij.']), 'https://meet.google.com/abc-defg-hij');
    assert.equal(findVideoUrl(['https://zoom.us/j/81234567890']), 'https://zoom.us/j/81234567890');
    assert.equal(findVideoUrl(['(https://us02web.zoom.us/j/812?pwd=x)']), 'https://us02web.zoom.us/j/812?pwd=x');
    assert.equal(findVideoUrl(['https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0']), 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0');
    assert.equal(findVideoUrl(['https://teams.live.com/meet/9876543210']), 'https://teams.live.com/meet/9876543210');
    assert.equal(findVideoUrl(['<a href="HTTPS://Meet.Google.COM/abc-defg-hij">Join</a>']), 'https://meet.google.com/abc-defg-hij');
  });

  it('returns the first acceptable link across the texts, skipping the rest', () => {
    assert.equal(findVideoUrl([undefined as unknown as string, 'https://example.com/x', 'https://zoom.us/j/1 https://meet.google.com/a']), 'https://zoom.us/j/1');
  });

  it('rejects other schemes, lookalike hosts, credentials and ports', () => {
    for (const text of [
      'javascript:alert(1)//meet.google.com',
      'data:text/html,https://meet.google.com',
      'http://meet.google.com/abc-defg-hij',
      'https://meet.google.com.evil.example/abc',
      'https://evil.example/meet.google.com',
      'https://evil.example/?u=https:/meet.google.com',
      'https://notzoom.us/j/1',
      'https://zoom.us.evil.example/j/1',
      'https://user:pass@meet.google.com/abc',
      'https://meet.google.com@evil.example/abc',
      'https://meet.google.com:8443/abc',
      'https://teams.microsoft.com.evil.example/l',
      'https://meet.googIe.com/abc',
    ]) {
      assert.equal(findVideoUrl([text]), undefined, text);
    }
    assert.equal(findVideoUrl(undefined as unknown as string[]), undefined);
  });
});

describe('findVideoUrl inside other links', () => {
  it('finds a meeting link wrapped in a redirect, but not one glued inside another URL', () => {
    assert.equal(findVideoUrl(['https://www.google.com/url?q=https://meet.google.com/abc-defg-hij&sa=D']), 'https://meet.google.com/abc-defg-hij');
    assert.equal(findVideoUrl(['data:text/html,https://meet.google.com']), undefined);
  });
});
