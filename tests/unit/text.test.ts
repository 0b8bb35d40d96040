import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanMultiline, cleanText, foldForMatch } from '../../src/core/text.ts';
import { cpuMillis } from './fixtures.ts';

describe('cleanText', () => {
  it('returns an empty string for anything that is not a string', () => {
    for (const value of [undefined, null, 42, {}, [], true, Symbol('x')]) assert.equal(cleanText(value), '');
  });

  it('reads printable ASCII as any text: runs of spaces collapse, the ends are trimmed, DEL goes', () => {
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    for (const text of [printable, `  ${printable}   ${printable} `, '   ', 'a  b   c', ' Interview   with  Acme ']) {
      assert.equal(cleanText(text, 1000), text.replace(/\s+/g, ' ').trim(), JSON.stringify(text));
    }
    assert.equal(cleanText('In\u007Fterview  \u007F with Acme'), 'Interview with Acme');
  });

  it('collapses whitespace and newlines into single spaces and trims', () => {
    assert.equal(cleanText('  Interview \n\n with\tAcme\r\n  '), 'Interview with Acme');
  });

  it('removes C0 and C1 control characters', () => {
    assert.equal(cleanText('Inter\u0000vi\u0007ew\u001B[31m \u0085\u009Bnow'), 'Interview[31m now');
  });

  it('removes bidi controls so a name cannot be displayed reversed', () => {
    const bidi = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    assert.equal(cleanText(`Jane${bidi} Doe`), 'Jane Doe');
    assert.equal(cleanText('\u202Egnp.exe'), 'gnp.exe');
  });

  it('removes zero-width characters and the byte order mark', () => {
    assert.equal(cleanText('\uFEFFin\u200Bter\u200Cvi\u200Dew'), 'interview');
  });

  it('caps the length with an ellipsis that counts towards the limit', () => {
    const result = cleanText('a'.repeat(300));
    assert.equal(result.length, 200);
    assert.ok(result.endsWith('…'));
    assert.equal(cleanText('abcdef', 4), 'abc…');
    assert.equal(cleanText('abc', 3), 'abc');
    assert.equal(cleanText('abc', 0), '');
  });

  it('never cuts a surrogate pair in half', () => {
    const result = cleanText('ab😀cd', 4);
    assert.equal(result, 'ab…');
    assert.doesNotThrow(() => encodeURIComponent(result));
  });

  it('replaces lone surrogates so the text can always be URL-encoded', () => {
    const result = cleanText('a\uD800b\uDC00c');
    assert.equal(result, 'a\uFFFDb\uFFFDc');
    assert.doesNotThrow(() => encodeURIComponent(result));
  });

  it('handles a megabyte of input quickly and still caps it', () => {
    const { result, ms } = cpuMillis(() => cleanText('x '.repeat(500_000)));
    assert.ok(ms < 500, `${Math.round(ms)} ms of CPU`);
    assert.ok(result.length <= 200);
    assert.ok(result.endsWith('…'));
  });
});

describe('cleanMultiline', () => {
  it('keeps single newlines and trims each line', () => {
    assert.equal(cleanMultiline('  Hello  \n   world \t '), 'Hello\nworld');
  });

  it('collapses three or more newlines to one blank line', () => {
    assert.equal(cleanMultiline('a\n\n\n\n\nb\n\nc'), 'a\n\nb\n\nc');
    assert.equal(cleanMultiline('a\r\n \r\n\t\r\nb'), 'a\n\nb');
  });

  it('removes control, bidi and zero-width characters', () => {
    assert.equal(cleanMultiline('Dear\u202E Jane,\u0000\n\u200Bthanks'), 'Dear Jane,\nthanks');
  });

  it('returns an empty string for non-strings and caps long text', () => {
    assert.equal(cleanMultiline(null), '');
    const result = cleanMultiline('line\n'.repeat(2000), 100);
    assert.equal(result.length, 100);
    assert.ok(result.endsWith('…'));
  });
});

describe('foldForMatch', () => {
  it('folds ASCII text to its lower case, as decomposing and stripping marks would', () => {
    const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
    for (const text of [...ascii, ascii.join(''), 'Phone SCREEN #Interview 10:00']) {
      assert.equal(foldForMatch(text), text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(), JSON.stringify(text));
    }
  });

  it('lowercases and strips accents', () => {
    assert.equal(foldForMatch('Selezióne'), 'selezione');
    assert.equal(foldForMatch('COLLOQUIO'), 'colloquio');
    assert.equal(foldForMatch('Ça Àèìòù'), 'ca aeiou');
  });

  it('treats composed and decomposed accents alike', () => {
    assert.equal(foldForMatch('e\u0301'), foldForMatch('\u00E9'));
  });
});
