import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Interview, Marks } from '../../src/core/types.ts';
import { pickInterviews } from '../../src/core/pick-interviews.ts';
import { DAY, END, HOUR, MINUTE, START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const defaults = settingsWith();
const ids = (interviews: readonly Interview[]) => interviews.map((i) => i.id);
const make = (id: string, start: number, length = HOUR) => makeInterview({ id, eventId: id, start, end: start + length });
const pick = (interviews: Interview[], now: number, marks: Record<string, Marks> = {}) => pickInterviews(interviews, marks, now, defaults);

describe('pickInterviews', () => {
  it('shows nothing when there are no interviews', () => {
    assert.deepEqual(pickInterviews([], {}, START, defaults), { live: [], current: undefined, upcoming: [], recent: [] });
  });

  it('shows the next interview as current when nothing is happening now', () => {
    const tomorrow = make('tomorrow', START + DAY);
    const later = make('later', START + 3 * HOUR);
    const result = pick([tomorrow, makeInterview(), later], START - HOUR);
    assert.equal(result.current?.id, 'google:evt-1');
    assert.deepEqual(ids(result.upcoming), ['later', 'tomorrow']);
    assert.deepEqual(result.recent, []);
  });

  it('makes the interview current the moment it starts', () => {
    const result = pick([makeInterview(), make('later', START + 3 * HOUR)], START);
    assert.equal(result.current?.id, 'google:evt-1');
    assert.deepEqual(ids(result.upcoming), ['later']);
  });

  it('puts an active wait before the next upcoming interview', () => {
    const next = make('next', afterStart(45));
    const result = pick([next, makeInterview()], afterStart(20));
    assert.equal(result.current?.id, 'google:evt-1');
    assert.deepEqual(ids(result.upcoming), ['next']);
    assert.deepEqual(result.recent, []);
  });

  it('gives each of two waits at once a card of its own, and lists neither as recent', () => {
    const overlapping = make('overlapping', afterStart(10));
    const result = pick([makeInterview(), overlapping], afterStart(12));
    assert.deepEqual(ids(result.live), ['google:evt-1', 'overlapping']);
    assert.equal(result.current?.id, 'google:evt-1');
    assert.deepEqual(ids(result.recent), []);
  });

  it('keeps an unanswered wait current after the slot ended, until the thank-you moment', () => {
    const next = make('next', END + 2 * HOUR);
    assert.equal(pick([makeInterview(), next], END + 29 * MINUTE).current?.id, 'google:evt-1');
  });

  it('keeps a silent interview live, asking how it went, for a day; then moves on', () => {
    const next = make('next', START + 2 * DAY);
    const asking = pick([makeInterview(), next], END + 30 * MINUTE);
    assert.deepEqual(ids(asking.live), ['google:evt-1']);
    assert.deepEqual(ids(asking.upcoming), ['next']);
    const later = pick([makeInterview(), next], START + DAY);
    assert.equal(later.current?.id, 'next');
    assert.deepEqual(later.upcoming, []);
    assert.deepEqual(ids(later.recent), ['google:evt-1']);
  });

  it('keeps a connected call current while it runs, then moves it to the recent ones', () => {
    const marks = { 'google:evt-1': { callAttempts: [], connectedAt: afterStart(2) } };
    const next = make('next', END + 2 * HOUR);
    assert.equal(pick([makeInterview(), next], END - 1, marks).current?.id, 'google:evt-1');
    const after = pick([makeInterview(), next], END, marks);
    assert.equal(after.current?.id, 'next');
    assert.deepEqual(ids(after.recent), ['google:evt-1']);
  });

  it('keeps a missed call current for a day, to call back and apologise', () => {
    const marks = { 'google:evt-1': { callAttempts: [], missedAt: afterStart(2) } };
    const next = make('next', START + 2 * DAY);
    assert.equal(pick([makeInterview(), next], START + DAY - 1, marks).current?.id, 'google:evt-1');
    const dayLater = pick([makeInterview(), next], START + DAY, marks);
    assert.equal(dayLater.current?.id, 'next');
    assert.deepEqual(ids(dayLater.recent), ['google:evt-1']);
  });

  it('does not keep an interview marked done as current', () => {
    const marks = { 'google:evt-1': { callAttempts: [], connectedAt: afterStart(1), doneAt: afterStart(20) } };
    const result = pick([makeInterview(), make('next', END + HOUR)], afterStart(21), marks);
    assert.equal(result.current?.id, 'next');
    assert.deepEqual(ids(result.recent), ['google:evt-1']);
  });

  it('shows no current interview when all of them are over', () => {
    const result = pick([makeInterview()], START + 2 * DAY);
    assert.equal(result.current, undefined);
    assert.deepEqual(ids(result.recent), ['google:evt-1']);
  });

  it('lists the interviews of the last week, newest first', () => {
    const now = START + 10 * DAY;
    const interviews = [make('d1', now - DAY), make('d3', now - 3 * DAY), make('d2', now - 2 * DAY)];
    assert.deepEqual(ids(pick(interviews, now).recent), ['d1', 'd2', 'd3']);
  });

  it('leaves out interviews that ended a week ago or more', () => {
    const now = START + 10 * DAY;
    const justInside = makeInterview({ id: 'inside', eventId: 'inside', start: now - 7 * DAY - HOUR + 1, end: now - 7 * DAY + 1 });
    const exactlyAWeek = makeInterview({ id: 'week', eventId: 'week', start: now - 7 * DAY - HOUR, end: now - 7 * DAY });
    assert.deepEqual(ids(pick([justInside, exactlyAWeek], now).recent), ['inside']);
  });

  it('lists at most five recent interviews', () => {
    const now = START + 10 * DAY;
    const interviews = Array.from({ length: 7 }, (_, i) => make(`r${i}`, now - (i + 2) * 12 * HOUR));
    assert.deepEqual(ids(pick(interviews, now).recent), ['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('orders interviews that start together by id, whatever order storage gave them in', () => {
    const a = make('a', START + DAY);
    const b = make('b', START + DAY);
    const c = make('c', START + DAY);
    const result = pick([c, b, a], START);
    assert.equal(result.current?.id, 'a');
    assert.deepEqual(ids(result.upcoming), ['b', 'c']);
  });
});
