import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { positiveTitles, negativeTitles } from '../fixtures/labelled-titles.ts';
import { realCalendarSources, realNegativeTitles } from '../fixtures/real-calendar-titles.ts';
import { labelledInvites } from '../fixtures/invite-bodies.ts';
import { scoreInvites, scoreTitles } from '../../scripts/bench-extract.ts';

describe('the labelled sets (issue 12)', () => {
  it('are as large as the issue asks: 300 titles, a third negatives, 40 invites', () => {
    assert.ok(positiveTitles.length + negativeTitles.length >= 300);
    assert.ok(negativeTitles.length * 3 >= positiveTitles.length + negativeTitles.length);
    assert.ok(labelledInvites.length >= 40);
    assert.equal(new Set([...positiveTitles, ...negativeTitles]).size, positiveTitles.length + negativeTitles.length, 'no title twice');
  });

  it('draws at least a third of all titles, as negatives, from real public calendars, each with its source', () => {
    const total = positiveTitles.length + negativeTitles.length;
    assert.ok(realNegativeTitles.length * 3 >= total, `${realNegativeTitles.length} real of ${total}`);
    for (const title of realNegativeTitles) assert.ok(negativeTitles.includes(title), title);
    for (const source of realCalendarSources) {
      assert.match(source.repository, /^[\w.-]+\/[\w.-]+$/);
      assert.match(source.path, /\.ics$/);
      assert.match(source.commit, /^[0-9a-f]{12}$/);
      assert.ok(source.licence !== '' && source.titles.length > 0, source.path);
      for (const title of source.titles) assert.ok(title.trim() === title && title !== '', JSON.stringify(title));
    }
  });

  it('detects titles with precision and recall of at least 0.95', () => {
    const score = scoreTitles();
    assert.ok(score.precision >= 0.95, `precision ${score.precision}: ${score.falsePositives.join(' | ')}`);
    assert.ok(score.recall >= 0.95, `recall ${score.recall}: ${score.missed.join(' | ')}`);
  });

  it('offers the right first number in at least 90% of invites, and never a date, an id or the candidate\'s own', () => {
    const score = scoreInvites();
    assert.ok(score.firstPhoneRight >= 0.9, `first phone right ${score.firstPhoneRight}: ${score.wrongPhone.join(' | ')}`);
    assert.deepEqual(score.forbidden, []);
    assert.ok(score.interviewerRight >= 0.9, `interviewer right ${score.interviewerRight}: ${score.wrongInterviewer.join(' | ')}`);
  });
});
