import { useEffect, useRef, useState } from 'preact/hooks';
import type { ManualEntry, ManualErrors, ManualField } from '../core/manual-interview.ts';
import { validateManualEntry } from '../core/manual-interview.ts';
import type { MessageKey, UserMessage } from '../core/message-key.ts';
import { useI18n } from '../ui/i18n.ts';
import { errorText as describeError } from '../ui/error-text.ts';
import { Field } from '../ui/field.tsx';
import { HOUR } from '../core/units.ts';

interface Props {
  /** The entry to edit; a new one when absent. */
  initial?: ManualEntry;
  now: number;
  onSave: (entry: ManualEntry) => Promise<UserMessage | undefined>;
  onCancel: () => void;
  onDelete?: () => void;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A new entry for the next full hour today, in the browser's zone. */
export function blankManualEntry(now: number, timeZone: string): ManualEntry {
  const next = new Date(now + HOUR);
  return {
    id: `${now.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
    company: '',
    role: '',
    date: `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`,
    time: `${pad(next.getHours())}:00`,
    timeZone,
    durationMinutes: 30,
    interviewerName: '',
    interviewerEmail: '',
    phone: '',
  };
}

/** The fields in the order they are shown, for "focus the first one to fix". */
const fieldOrder: readonly ManualField[] = ['company', 'role', 'date', 'time', 'timeZone', 'durationMinutes', 'interviewerName', 'interviewerEmail', 'phone'];

/**
 * 15:30 as the time field shows it: the field follows the browser's own locale ("3:30 PM" in
 * American English, "15:30" in Italian), which is also Intl's default, so the example in its
 * error is formatted with that locale rather than the extension's chosen language.
 */
function sampleTime(): string {
  return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(2000, 0, 1, 15, 30));
}

function zoneChoices(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** "Add an interview" for calls arranged by phone: validated as a whole, nothing lost on error. */
export function ManualForm({ initial, now, onSave, onCancel, onDelete }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [entry, setEntry] = useState<ManualEntry>(() => initial ?? blankManualEntry(now, i18n.timeZone));
  const [errors, setErrors] = useState<ManualErrors>({});
  const [failure, setFailure] = useState('');
  const set = <K extends ManualField>(field: K, value: ManualEntry[K]) => setEntry({ ...entry, [field]: value });
  const errorText = (field: ManualField) => {
    const error = errors[field];
    if (error?.key === 'manualErrorTime') return t('manualErrorTimeLike', [sampleTime()]);
    return error ? t(error.key, error.substitutions) : undefined;
  };
  // The form opens on its first field.
  const firstRef = useRef<HTMLDivElement>(null);
  useEffect(() => { firstRef.current?.querySelector('input')?.focus(); }, []);
  const submit = (event: Event) => {
    event.preventDefault();
    const found = validateManualEntry(entry, Date.now());
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure(t('optionsInvalid'));
      // The first field to fix takes the focus (not the Save button just pressed).
      const first = fieldOrder.find((field) => found[field] !== undefined);
      if (first) document.getElementById(`manual-${first}`)?.focus();
      return;
    }
    setFailure('');
    onSave(entry).then((error) => { if (error) setFailure(describeError(t, error)); }, () => setFailure(describeError(t, { key: 'errorUnexpected' })));
  };
  const text = (field: 'company' | 'role' | 'interviewerName', labelKey: MessageKey) => (
    <Field id={`manual-${field}`} label={t(labelKey)} error={errorText(field)}>
      <input type="text" autoComplete="off" value={entry[field]} onInput={(e) => set(field, e.currentTarget.value)} />
    </Field>
  );

  return (
    <form class="card manual-form" onSubmit={submit} noValidate aria-labelledby="manual-title">
      <h2 id="manual-title" class="title">{initial ? t('manualEdit') : t('manualAdd')}</h2>
      <div ref={firstRef}>{text('company', 'manualCompany')}</div>
      {text('role', 'manualRole')}
      <div class="field-row">
        <Field id="manual-date" label={t('manualDate')} error={errorText('date')}>
          <input type="date" value={entry.date} onInput={(e) => set('date', e.currentTarget.value)} />
        </Field>
        <Field id="manual-time" label={t('manualTime')} error={errorText('time')}>
          <input type="time" value={entry.time} onInput={(e) => set('time', e.currentTarget.value)} />
        </Field>
      </div>
      <Field id="manual-zone" label={t('manualZone')} error={errorText('timeZone')}>
        <select value={entry.timeZone} onChange={(e) => set('timeZone', e.currentTarget.value)}>
          {zoneChoices(entry.timeZone).map((zone) => <option key={zone} value={zone}>{zone.replace(/_/g, ' ')}</option>)}
        </select>
      </Field>
      <Field id="manual-duration" label={t('manualDuration')} error={errorText('durationMinutes')}>
        <input type="number" inputMode="numeric" min={5} max={480} step={5} value={Number.isFinite(entry.durationMinutes) ? entry.durationMinutes : ''}
          onInput={(e) => set('durationMinutes', e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value))} />
      </Field>
      {text('interviewerName', 'manualInterviewerName')}
      <Field id="manual-interviewerEmail" label={t('manualInterviewerEmail')} error={errorText('interviewerEmail')}>
        <input type="email" autoComplete="off" value={entry.interviewerEmail} onInput={(e) => set('interviewerEmail', e.currentTarget.value)} />
      </Field>
      <Field id="manual-phone" label={t('manualPhone')} error={errorText('phone')}>
        <input type="tel" autoComplete="off" value={entry.phone} onInput={(e) => set('phone', e.currentTarget.value)} />
      </Field>
      <div class="actions">
        <button type="submit" class="button primary">{t('manualSave')}</button>
        <button type="button" class="button" onClick={onCancel}>{t('manualCancel')}</button>
        {onDelete && <button type="button" class="button danger" onClick={onDelete}>{t('manualDelete')}</button>}
      </div>
      {failure && <p class="error" role="alert">{failure}</p>}
    </form>
  );
}
