import type { Interview } from '../core/types.ts';
import { useState } from 'preact/hooks';
import { INTERVIEW_GONE, send } from '../platform/messages.ts';
import { useI18n } from '../ui/i18n.ts';
import { errorText } from '../ui/error-text.ts';
import { formatDay, formatRelative, formatTime } from '../ui/format.ts';
import { UncheckedNote } from '../ui/unchecked-note.tsx';

/** A compact list of other interviews with relative times. */
export function InterviewList({ title, interviews, now, recent = false, onEdit, onGone }: { title: string; interviews: Interview[]; now: number; recent?: boolean; onEdit: (interviewId: string) => void; onGone: () => void }) {
  const i18n = useI18n();
  const [failure, setFailure] = useState('');
  if (interviews.length === 0) return null;
  const id = recent ? 'list-recent' : 'list-upcoming';
  return (
    <section class="list" aria-labelledby={id}>
      <h3 id={id} class="section-title">{title}</h3>
      <ul>
        {interviews.map((interview) => (
          <li key={interview.id}>
            <span class="list-title">{interview.title || i18n.t('untitledInterview')}</span>
            <span class="muted">
              {formatDay(i18n, interview.start)} {formatTime(i18n, interview.start)} · {formatRelative(i18n, interview.start, now)}
            </span>
            <UncheckedNote interviewId={interview.id} now={now} />
            {interview.source === 'manual' && (
              <button type="button" class="link-button" onClick={() => onEdit(interview.id)}>{i18n.t('manualEditButton')}</button>
            )}
            {recent && (
              <button type="button" class="link-button" onClick={() => {
                void send('open-draft', { interviewId: interview.id, kind: 'thank-you' }).then((r) => {
                  if (r.ok) window.close();
                  else if (r.error === INTERVIEW_GONE) onGone();
                  else setFailure(errorText(i18n.t, r.error));
                });
              }}>
                {i18n.t('buttonDraft_thank_you')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {failure && <p class="error" role="alert">{failure}</p>}
    </section>
  );
}
