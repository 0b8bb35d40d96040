import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lazy } from '../../src/core/lazy.ts';

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
