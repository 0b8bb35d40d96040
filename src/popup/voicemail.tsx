import { useEffect, useState } from 'preact/hooks';
import type { Interview, Locale, Marks } from '../core/types.ts';
import { send } from '../platform/messages.ts';
import { useI18n } from '../ui/i18n.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { MINUTE } from '../core/units.ts';

/**
 * What to say if nobody answers, with the current time filled in. The worker renders it (the
 * templates stay out of the popup's bundle) and it is asked for again as each minute turns.
 */
/** `language` only re-asks when the user changes the interview's language. */
export function Voicemail({ interview, marks, now, language }: { interview: Interview; marks: Marks; now: number; language: Locale }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const minute = Math.floor(now / MINUTE);
  const attempts = marks.callAttempts.length;
  useEffect(() => {
    let alive = true;
    send('voicemail', { interviewId: interview.id }).then((result) => {
      if (alive && result.ok) setText(result.value.text);
    }, (error: unknown) => console.error(error));
    return () => { alive = false; };
  }, [interview.id, minute, attempts, language]);
  return (
    <details class="voicemail">
      <summary>{t('voicemailTitle')}</summary>
      <p class="script" lang={language}>{text || '…'}</p>
      {text && <CopyButton text={text} />}
    </details>
  );
}
