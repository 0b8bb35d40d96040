import type { Interview, Marks } from '../core/types.ts';
import { effectiveInterview, emptyMarks } from '../core/outcome.ts';
import { useI18n } from '../ui/i18n.ts';
import { formatDay, formatRelative, formatTime } from '../ui/format.ts';
import { UncheckedNote } from '../ui/unchecked-note.tsx';

/** A compact list of other interviews; each row opens its card, where its actions are. */
export function InterviewList({ title, interviews, marks, now, recent = false, onOpen }: { title: string; interviews: Interview[]; marks: Readonly<Record<string, Marks>>; now: number; recent?: boolean; onOpen: (interviewId: string) => void }) {
  const i18n = useI18n();
  if (interviews.length === 0) return null;
  const id = recent ? 'list-recent' : 'list-upcoming';
  return (
    <section class="list" aria-labelledby={id}>
      <h3 id={id} class="section-title">{title}</h3>
      <ul>
        {interviews.map((calendarInterview) => {
          const interview = effectiveInterview(calendarInterview, marks[calendarInterview.id] ?? emptyMarks());
          const name = interview.title || i18n.t('untitledInterview');
          return (
            <li key={interview.id}>
              <button type="button" class="row-button" onClick={() => onOpen(interview.id)}>
                <span class="list-title">{name}</span>
                <span class="muted">
                  {formatDay(i18n, interview.start)} {formatTime(i18n, interview.start)} · {formatRelative(i18n, interview.start, now)}
                </span>
                <UncheckedNote interviewId={interview.id} now={now} />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
