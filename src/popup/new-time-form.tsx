import { useEffect, useRef, useState } from 'preact/hooks';
import type { NewTime } from '../core/marks.ts';
import { useI18n } from '../ui/i18n.ts';
import { Field } from '../ui/field.tsx';

interface Props {
  /** The time to start from: a proposed time the user chose, else the current start. */
  initial: NewTime;
  now: number;
  onSave: (time: NewTime) => void;
  onCancel: () => void;
}

const pad = (value: number) => String(value).padStart(2, '0');
const dateOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const timeOf = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Reads a date and time typed in the browser's zone; undefined when either is not a real one. */
export function localInstant(date: string, time: string): number | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const value = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // new Date rolls 31 February over into March: refuse instead of moving the call elsewhere.
  if (value.getDate() !== Number(d[3]) || value.getHours() !== Number(t[1])) return undefined;
  return value.getTime();
}

/** "They moved it": asks for the new date and time; the interview's length is kept. */
export function NewTimeForm({ initial, now, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const [date, setDate] = useState(dateOf(new Date(initial.start)));
  const [time, setTime] = useState(timeOf(new Date(initial.start)));
  const [error, setError] = useState('');
  const dateRef = useRef<HTMLInputElement>(null);
  useEffect(() => dateRef.current?.focus(), []);
  const submit = (event: Event) => {
    event.preventDefault();
    const start = localInstant(date, time);
    if (start === undefined || start <= now) {
      setError(t(start === undefined ? 'newTimeInvalid' : 'newTimePast'));
      dateRef.current?.focus();
      return;
    }
    onSave({ start, end: start + (initial.end - initial.start) });
  };
  return (
    <form class="new-time" onSubmit={submit} noValidate aria-labelledby="new-time-title">
      <h3 id="new-time-title" class="section-title">{t('newTimeTitle')}</h3>
      <div class="field-row">
        <Field id="new-time-date" label={t('manualDate')} error={error || undefined}>
          <input ref={dateRef} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </Field>
        <Field id="new-time-time" label={t('manualTime')}>
          <input type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </Field>
      </div>
      <div class="actions">
        <button type="submit" class="button primary">{t('newTimeSave')}</button>
        <button type="button" class="button" onClick={onCancel}>{t('manualCancel')}</button>
      </div>
    </form>
  );
}
