import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  composeUrl,
  gmailComposeUrl,
  isSingleAddress,
  mailtoUrl,
  outlookComposeUrl,
  type Draft,
} from '../../src/core/compose-url.ts';

const NASTY_SUBJECT = 'Re: A&B=C #1 — 100% sure? + ü 😀 <script>alert(1)</script> a/b\\c ~!*\'()';
const NASTY_BODY = [
  'Gentile Giulia,',
  '',
  'Q&A: 2+2=4, 50% off? #hashtag & more… %20 is not a space; %0D%0A is not a line break.',
  'Emoji 👩🏽‍💻 and “quotes” and <b>tags</b> and ?query=1&x=2',
  '   indented line with trailing spaces   ',
  '',
].join('\n');

const draft: Draft = { to: 'giulia.rossi@example.com', subject: NASTY_SUBJECT, body: NASTY_BODY };

/** Reads a mailto: URL back the way RFC 6068 defines it. */
function parseMailto(url: string): { to: string; params: Map<string, string> } {
  assert.ok(url.startsWith('mailto:'));
  const [path = '', query = ''] = url.slice('mailto:'.length).split('?');
  const params = new Map<string, string>();
  for (const pair of query.split('&').filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=');
    assert.ok(!params.has(name), `duplicate ${name}`);
    params.set(decodeURIComponent(name), decodeURIComponent(value));
  }
  return { to: decodeURIComponent(path), params };
}

function httpsParams(url: string): URLSearchParams {
  const parsed = new URL(url);
  assert.equal(parsed.protocol, 'https:');
  return parsed.searchParams;
}

const injectedRecipients = [
  'a@example.com, b@example.com',
  'a@example.com,b@example.com',
  'a@example.com;b@example.com',
  'Eve <eve@example.com>',
  '<eve@example.com>',
  'a@example.com\r\nBcc: eve@example.com',
  'a@example.com\nbcc=eve@example.com',
  'a@example.com?cc=eve@example.com',
  'a@example.com&bcc=eve@example.com',
  'a@example.com#x',
  '"a b"@example.com',
  'a b@example.com',
  'a@example.com ',
  'a@b@example.com',
  'a\u200B@example.com',
  'a@example.com\u202E',
  '@example.com',
  'a@',
  'a@localhost',
  'a@-example.com',
  'a..b@example.com',
  `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
  '',
];

describe('isSingleAddress', () => {
  it('accepts ordinary and sub-addressed single addresses', () => {
    for (const address of ['giulia.rossi@example.com', 'hr+jobs@acme.co.uk', 'x@mail.example-domain.it', 'anna@società.it']) {
      assert.ok(isSingleAddress(address), address);
    }
  });

  it('rejects lists, display names, header injection and malformed addresses', () => {
    for (const address of injectedRecipients) assert.ok(!isSingleAddress(address), JSON.stringify(address));
    for (const value of [undefined, null, 42, ['a@example.com']]) assert.ok(!isSingleAddress(value));
  });
});

describe('gmailComposeUrl', () => {
  it('round-trips a nasty subject and body exactly', () => {
    const url = gmailComposeUrl(draft);
    assert.ok(url.startsWith('https://mail.google.com/mail/?view=cm&fs=1&'));
    const params = httpsParams(url);
    assert.equal(params.get('su'), NASTY_SUBJECT);
    assert.equal(params.get('body'), NASTY_BODY);
    assert.deepEqual(params.getAll('to'), ['giulia.rossi@example.com']);
    assert.equal(params.get('view'), 'cm');
    assert.equal(params.get('fs'), '1');
  });

  it('encodes spaces as %20 and plus signs as %2B, never as a bare +', () => {
    const url = gmailComposeUrl({ subject: 'a b+c', body: 'x y' });
    assert.ok(url.includes('su=a%20b%2Bc'));
    assert.ok(!url.includes('+'));
  });

  it('leaves the recipient empty when the address is a list or an injection', () => {
    for (const to of injectedRecipients) {
      const params = httpsParams(gmailComposeUrl({ ...draft, to }));
      assert.deepEqual(params.getAll('to'), [], JSON.stringify(to));
      assert.deepEqual(params.getAll('bcc'), []);
      assert.deepEqual(params.getAll('cc'), []);
      assert.equal(params.get('body'), NASTY_BODY);
    }
  });

  it('opens in the chosen account only when it is a valid address', () => {
    assert.equal(httpsParams(gmailComposeUrl({ ...draft, account: 'me@gmail.com' })).get('authuser'), 'me@gmail.com');
    for (const account of ['', '0', 'me@gmail.com&to=eve@example.com', 'me@gmail.com,you@gmail.com', undefined]) {
      assert.ok(!gmailComposeUrl({ ...draft, account }).includes('authuser'), String(account));
    }
  });

  it('turns line breaks in the subject into spaces', () => {
    const params = httpsParams(gmailComposeUrl({ subject: 'Hello\r\nBcc: eve@example.com\nX', body: '' }));
    assert.equal(params.get('su'), 'Hello Bcc: eve@example.com X');
  });

  it('does not throw on a lone surrogate', () => {
    const params = httpsParams(gmailComposeUrl({ subject: 'a\uD800b', body: '\uDC00' }));
    assert.equal(params.get('su'), 'a\uFFFDb');
    assert.equal(params.get('body'), '\uFFFD');
  });
});

describe('outlookComposeUrl', () => {
  it('round-trips a nasty subject and body exactly with one recipient', () => {
    const url = outlookComposeUrl(draft);
    assert.ok(url.startsWith('https://outlook.office.com/mail/deeplink/compose?'));
    const params = httpsParams(url);
    assert.equal(params.get('subject'), NASTY_SUBJECT);
    assert.equal(params.get('body'), NASTY_BODY);
    assert.deepEqual(params.getAll('to'), ['giulia.rossi@example.com']);
  });

  it('drops an injected recipient', () => {
    for (const to of injectedRecipients) {
      assert.deepEqual(httpsParams(outlookComposeUrl({ ...draft, to })).getAll('to'), [], JSON.stringify(to));
    }
  });

  it('leaves a sub-addressed recipient for the user to type, since Outlook reads its + as a space', () => {
    assert.deepEqual(httpsParams(outlookComposeUrl({ ...draft, to: 'hr+jobs@acme.com' })).getAll('to'), []);
    assert.deepEqual(httpsParams(gmailComposeUrl({ ...draft, to: 'hr+jobs@acme.com' })).getAll('to'), ['hr+jobs@acme.com']);
  });

  it('never adds an account parameter', () => {
    assert.ok(!outlookComposeUrl({ ...draft, account: 'me@outlook.com' }).includes('authuser'));
  });
});

describe('mailtoUrl', () => {
  it('round-trips a nasty subject and body, with CRLF line breaks as RFC 6068 asks', () => {
    const url = mailtoUrl(draft);
    assert.ok(url.startsWith('mailto:giulia.rossi@example.com?subject='));
    const { to, params } = parseMailto(url);
    assert.equal(to, 'giulia.rossi@example.com');
    assert.equal(params.get('subject'), NASTY_SUBJECT);
    assert.equal(params.get('body'), NASTY_BODY.replace(/\n/g, '\r\n'));
    assert.equal(params.get('body')?.replace(/\r\n/g, '\n'), NASTY_BODY);
    assert.ok(url.includes('%0D%0A'));
    assert.ok(!/%0D%0D|%0A%0A%0D/.test(url));
    assert.deepEqual([...params.keys()], ['subject', 'body']);
  });

  it('normalises any line break style to CRLF', () => {
    const { params } = parseMailto(mailtoUrl({ subject: 's', body: 'a\r\nb\rc\nd' }));
    assert.equal(params.get('body'), 'a\r\nb\r\nc\r\nd');
  });

  it('keeps the @ literal and encodes the rest of the address', () => {
    assert.ok(mailtoUrl({ ...draft, to: 'hr+jobs@acme.com' }).startsWith('mailto:hr%2Bjobs@acme.com?'));
    assert.equal(parseMailto(mailtoUrl({ ...draft, to: 'a%b?c@acme.com' })).to, 'a%b?c@acme.com');
  });

  it('has an empty path when the recipient is not a single valid address', () => {
    for (const to of injectedRecipients) {
      const url = mailtoUrl({ ...draft, to });
      assert.ok(url.startsWith('mailto:?subject='), JSON.stringify(to));
      assert.equal(parseMailto(url).params.get('subject'), NASTY_SUBJECT);
    }
  });
});

describe('composeUrl', () => {
  it('builds the link of the chosen provider', () => {
    assert.equal(composeUrl('gmail', draft), gmailComposeUrl(draft));
    assert.equal(composeUrl('outlook', draft), outlookComposeUrl(draft));
    assert.equal(composeUrl('mailto', draft), mailtoUrl(draft));
  });

  it('falls back to Gmail for a provider it does not know', () => {
    assert.equal(composeUrl('yahoo' as never, draft), gmailComposeUrl(draft));
  });

  it('copes with a draft whose fields are not strings', () => {
    const broken = { to: 7, subject: undefined, body: null } as unknown as Draft;
    assert.equal(httpsParams(composeUrl('gmail', broken)).get('su'), '');
    assert.equal(parseMailto(composeUrl('mailto', broken)).params.get('body'), '');
  });
});
