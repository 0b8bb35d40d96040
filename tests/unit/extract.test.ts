import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findEmails, findPhones, findVideoUrl, isValidEmail, parseTypedPhone, phonesFromConference } from '../../src/core/extract.ts';
import { callingCodeOfEmail, callingCodeOfZone } from '../../src/core/calling-code.ts';
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
    assert.deepEqual(findPhones('Phone: +1 202-555-0142', 'location'), [{ display: '+1 202-555-0142', dial: '+12025550142', origin: 'location', kind: 'direct' }]);
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
      { display: '+1 202-555-0199', dial: '+12025550199', pin: '123456789', origin: 'conference', kind: 'bridge' },
      { display: '+39-02-0000-1234', dial: '+390200001234', origin: 'conference', kind: 'bridge' },
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

describe('findPhones: what is never a phone number', () => {
  it('never reads a date, a date-time or a time as a number', () => {
    for (const text of [
      'Data: 15/04/2026 10:00',
      'When: 2026-04-15 10:00 - 11:00 (Europe/Rome)',
      'Quando: mercoledì 15.04.2026 ore 10.00',
      'Wednesday, April 15, 2026 10:00 AM - 10:45 AM',
      'Scheduled 04/15/26 9:30',
      'Due 2026-W16-3, week 2026-W16',
    ]) {
      assert.deepEqual(findPhones(text, 'description'), [], text);
    }
  });

  it('never reads a job reference, an id or a postal code as a number', () => {
    for (const text of [
      'Rif. annuncio 2026-0142-11',
      'Job ID: 4471 2290 13',
      'Req 2026-118273',
      'Candidate reference 20260415103',
      'Via Roma 12 20121 Milano',
      'San Francisco, CA 94105-1234',
      'Application 84512345678 received',
    ]) {
      assert.deepEqual(findPhones(text, 'description'), [], text);
    }
  });

  it('still reads an unbroken number when a phone label names it', () => {
    assert.deepEqual(findPhones('Cell: 3471234567', 'description').map((phone) => phone.dial), ['3471234567']);
    assert.deepEqual(findPhones('Tel. 0212345678', 'description').map((phone) => phone.dial), ['0212345678']);
  });

  it('keeps a North American local number that looks like a range', () => {
    assert.deepEqual(findPhones('Call 555-0100', 'description').map((phone) => phone.dial), ['5550100']);
  });
});

describe('findPhones: whose number it is', () => {
  it('marks the person\'s own number as direct, whatever the label', () => {
    for (const text of ['You can reach my direct line: +1 415 555 0187', 'Mobile +44 7700 900123', 'cell 415.555.0187', 'Cellulare: 347 123 4567', 'Tel. 02 1234 5678', 'Call me on +39 347 123 4567']) {
      assert.equal(findPhones(text, 'description')[0]?.kind, 'direct', text);
    }
  });

  it('marks numbers in a dial-in block as bridges', () => {
    const teams = 'Microsoft Teams meeting\nJoin on your computer\nOr call in (audio only)\n+1 323-555-0166,,987654321#   United States, Los Angeles\nPhone Conference ID: 987 654 321#';
    assert.deepEqual(findPhones(teams, 'description').map((phone) => [phone.kind, phone.pin]), [['bridge', '987654321#']]);
  });

  it('never offers the number where the candidate will be called', () => {
    for (const text of ['We will call you at +39 347 123 4567.', 'Our recruiter will call you on (415) 555-0142', 'La chiameremo al numero +39 347 123 4567', 'Ti chiameremo al 347 123 4567', 'Acme will call the guest at +1 415 555 0101']) {
      assert.deepEqual(findPhones(text, 'description'), [], text);
    }
  });

  it('leaves out a scheduling tool\'s answer "Phone number" (what the candidate typed)', () => {
    const calendly = 'Event Name: 30 Minute Phone Screen\n\nInvitee: Ana Rossi\nInvitee Email: ana@example.org\n\nQuestions:\nPhone number\n+39 347 123 4567\n\nNeed to make changes?';
    assert.deepEqual(findPhones(calendly, 'description'), []);
  });
});

describe('findPhones: dial-in codes', () => {
  it('attaches a Meet PIN written after the number', () => {
    const meet = 'Join with Google Meet\nmeet.google.com/abc-defg-hij\n\nJoin by phone\n(US) +1 225-555-0178 PIN: 535 859 198#\n\nMore phone numbers: https://tel.meet/abc-defg-hij?pin=535859198';
    assert.deepEqual(findPhones(meet, 'description').map((phone) => [phone.dial, phone.kind, phone.pin]), [['+12255550178', 'bridge', '535 859 198#']]);
  });

  it('attaches a Zoom meeting id and passcode from the block, and the one-tap dial string', () => {
    const zoom = [
      'Join Zoom Meeting', 'https://acme.zoom.us/j/84512345678?pwd=xyz', '', 'Meeting ID: 845 1234 5678', 'Passcode: 482913', '', '---', '',
      'One tap mobile', '+16465588656,,84512345678#,,,,*482913# US (New York)', '', 'Dial by your location',
      '• +1 669 900 9128 US (San Jose)', 'Meeting ID: 845 1234 5678', 'Passcode: 482913',
    ].join('\n');
    assert.deepEqual(findPhones(zoom, 'description').map((phone) => [phone.dial, phone.pin, phone.passcode]), [
      ['+16465588656', '84512345678#', '482913'],
      ['+16699009128', '845 1234 5678', '482913'],
    ]);
  });

  it('attaches a Webex access code', () => {
    const webex = 'Join by phone\n+1-415-655-0001 US Toll\nAccess code: 2550 123 4567\n\nJoin by video system\nDial 25501234567@acme.webex.com';
    assert.deepEqual(findPhones(webex, 'description').map((phone) => [phone.dial, phone.pin]), [['+14156550001', '2550 123 4567']]);
  });
});

describe('findPhones: extensions and countries', () => {
  it('keeps an extension and dials it apart', () => {
    for (const [text, ext] of [['+1 (555) 010-9999 ext. 12', '12'], ['+1 555 010 9999 x12', '12'], ['+39 02 1234 5678 int. 34', '34'], ['02 1234 5678 interno 5', '5']] as const) {
      const [phone] = findPhones(text, 'description');
      assert.equal(phone?.ext, ext, text);
      assert.match(phone?.dial ?? '', /^\+?\d{7,15}$/);
    }
  });

  it('gives a national number the country the invite implies', () => {
    assert.equal(findPhones('Call (415) 555-0187', 'description', { callingCode: '1' })[0]?.dial, '+14155550187');
    assert.equal(findPhones('Tel. 02 1234 5678', 'description', { callingCode: '39' })[0]?.dial, '+390212345678');
    assert.equal(findPhones('Tel. 020 7946 0018', 'description', { callingCode: '44' })[0]?.dial, '+442079460018');
    assert.equal(findPhones('Tel. 0044 20 7946 0018', 'description', { callingCode: '39' })[0]?.dial, '+442079460018');
    // Unknown country: dialled as written, never guessed.
    assert.equal(findPhones('Call (415) 555-0187', 'description')[0]?.dial, '4155550187');
  });
});

describe('parseTypedPhone (the add form)', () => {
  it('accepts what the extractor reads, extensions included', () => {
    assert.deepEqual(parseTypedPhone('+1 (555) 010-9999 ext. 12'), { display: '+1 (555) 010-9999 ext. 12', dial: '+15550109999', ext: '12', origin: 'manual' });
    assert.equal(parseTypedPhone('347 123 4567', '39')?.dial, '+393471234567');
    assert.equal(parseTypedPhone('3471234567')?.dial, '3471234567');
  });

  it('refuses dates, two numbers, letters and short codes', () => {
    for (const typed of ['15/04/2026', '2026-04-15 10', '347 123 4567 / 02 1234 5678', 'call me', '12345', '+39 02 1234 5678#', '1234567890123456']) {
      assert.equal(parseTypedPhone(typed), undefined, typed);
    }
  });
});

describe('calling codes', () => {
  it('reads the country from a zone or an address, and leaves the rest alone', () => {
    assert.equal(callingCodeOfZone('America/Los_Angeles'), '1');
    assert.equal(callingCodeOfZone('America/Mexico_City'), '52');
    assert.equal(callingCodeOfZone('Europe/Rome'), '39');
    assert.equal(callingCodeOfZone('Asia/Tokyo'), undefined);
    assert.equal(callingCodeOfEmail('hr@acme.it'), '39');
    assert.equal(callingCodeOfEmail('jane@acme.co.uk'), '44');
    assert.equal(callingCodeOfEmail('jane@acme.com'), undefined);
    assert.equal(callingCodeOfEmail('x@y.constructor'), undefined);
  });
});

describe('findEmails: video-system addresses', () => {
  it('never takes a SIP or H.323 address, or a Webex video address, for an email', () => {
    assert.deepEqual(findEmails('Join by video system: sip:25501234567@acme.webex.com or h323:room@video.example.com; write to jane@acme.com'), ['jane@acme.com']);
    assert.deepEqual(findEmails('Dial 25501234567@acme.webex.com'), []);
  });
});

describe('findPhones: blocks and sentences', () => {
  it('never reads an IP address (Webex\'s "you can also dial 173.243.2.68") as a number', () => {
    assert.deepEqual(findPhones('You can also dial 173.243.2.68 and enter your meeting number.', 'description'), []);
  });

  it('ends a dial-in block at a rule of underscores, so the number after it is not a bridge', () => {
    const teams = 'Or call in (audio only)\n+1 323-555-0166,,123456789#   United States, Seattle\n________________\nHank\'s office: +1 (206) 555-0100';
    assert.deepEqual(findPhones(teams, 'description').map((phone) => [phone.dial, phone.kind]), [['+13235550166', 'bridge'], ['+12065550100', undefined]]);
  });

  it('reads "we will call you" only within its own sentence', () => {
    assert.deepEqual(findPhones('Art will call you. If you need him: +1 (555) 010-9999', 'description').map((phone) => phone.dial), ['+15550109999']);
  });
});
