import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { snakeKey, type MessageKey } from '../../src/core/message-key.ts';
import type { Translate } from '../../src/platform/i18n.ts';
import type { EmailKind, TemplateKind } from '../../src/core/types.ts';

const english = JSON.parse(readFileSync(new URL('../../src/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('message keys', () => {
  it('are checked by the compiler (the @ts-expect-error lines fail `npm run typecheck` once they compile)', () => {
    const t: Translate = (key) => key;
    assert.equal(t('actionTitle'), 'actionTitle');
    // @ts-expect-error a key that is not in src/_locales/en/messages.json
    assert.equal(t('actionTitel'), 'actionTitel');
    const template = (kind: TemplateKind): MessageKey => snakeKey('template_', kind);
    assert.equal(template('please-call-me'), 'template_please_call_me');
    // @ts-expect-error there is a draft button per email, none for the voicemail script
    const _button = (kind: TemplateKind): MessageKey => snakeKey('buttonDraft_', kind);
    const button = (kind: EmailKind): MessageKey => snakeKey('buttonDraft_', kind);
    assert.ok(english[button('thank-you')], 'the built key is in the file');
  });

  it('are built from kebab-case names with every dash turned into an underscore', () => {
    assert.equal(snakeKey('phase_', 'may-stop'), 'phase_may_stop');
    assert.equal(snakeKey('buttonMark_', 'asked-to-call'), 'buttonMark_asked_to_call');
    assert.equal(snakeKey('check_', 'cv'), 'check_cv');
  });
});
