import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lazy, perObject } from '../../src/core/lazy.ts';

describe('lazy', () => {
  it('makes nothing until asked, then makes the value once and keeps it', () => {
    let made = 0;
    const pattern = lazy(() => {
      made += 1;
      return /\p{L}+/u;
    });
    assert.equal(made, 0);
    const first = pattern();
    assert.equal(made, 1);
    assert.equal(pattern(), first);
    assert.equal(made, 1);
    assert.ok(first.test('Colloquio'));
  });
});

describe('perObject', () => {
  it('makes each object\'s value once, undefined answers included, and tells objects apart', () => {
    const asked: object[] = [];
    const read = perObject((key: { n: number }) => {
      asked.push(key);
      return key.n > 0 ? { double: key.n * 2 } : undefined;
    });
    const one = { n: 1 };
    const none = { n: 0 };
    const first = read(one);
    assert.deepEqual(first, { double: 2 });
    assert.equal(read(one), first);
    assert.equal(read(none), undefined);
    assert.equal(read(none), undefined);
    assert.deepEqual(read({ n: 1 }), { double: 2 });
    assert.equal(asked.length, 3);
  });
});
