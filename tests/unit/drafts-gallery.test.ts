import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { galleryPath, renderGallery } from '../../scripts/render-drafts-gallery.ts';

describe('docs/drafts.md (the drafts gallery)', () => {
  it('is what the templates write today: run `npm run drafts` after changing the wording', () => {
    const committed = readFileSync(galleryPath, 'utf8');
    const current = renderGallery();
    if (committed !== current) {
      const a = committed.split('\n');
      const b = current.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      assert.fail(`docs/drafts.md is out of date (first difference at line ${line + 1}):\n- ${a[line]}\n+ ${b[line]}\nRun: npm run drafts`);
    }
  });

  it('covers every kind of draft in both languages', () => {
    const gallery = renderGallery();
    for (const name of ['Confirmation', 'Follow-up', 'Voicemail script', 'Apology (missed their call)', 'Reschedule request', 'Please call me', 'Thank-you']) {
      assert.ok(gallery.includes(`### ${name} — English`), name);
      assert.ok(gallery.includes(`### ${name} — Italiano`), name);
    }
    assert.doesNotMatch(gallery, /Colloquio Acme \(mio\)\n|Subject: .*\(mio\)/);
  });

  it('says for every draft whether the product offers it as the primary email or under More emails at that moment', () => {
    const gallery = renderGallery();
    const headings = [...gallery.matchAll(/^### (.+)\n\n(.+)$/gm)];
    assert.ok(headings.length > 50, `${headings.length} drafts`);
    for (const [, heading, line] of headings) {
      assert.match(line!, heading!.startsWith('Voicemail') ? /^Shown on the card during the wait\.$/ : /^(The primary email at this moment|Under More emails at this moment)/, heading);
    }
    // Nothing written before the call as if the wait had begun (the follow-up and the voicemail
    // 90 minutes before the start, as an earlier gallery showed).
    const beforeTheCall = gallery.split('. Crossing midnight: candidate in Tokyo, interviewer in New York\n')[1]!.split('\n## ')[0]!;
    assert.match(beforeTheCall, /### Confirmation — English/);
    assert.doesNotMatch(beforeTheCall, /### (Follow-up|Voicemail)/);
  });
});
