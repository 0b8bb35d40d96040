import type { Settings } from '../core/settings.ts';
import { Field } from '../ui/field.tsx';
import { useI18n } from '../ui/i18n.ts';
import { intlLocales } from '../core/intl-locale.ts';

interface Props {
  draft: Settings;
  errorText: (field: string) => string | undefined;
  update: (change: (s: Settings) => Settings) => void;
}

/** Monday first, as both English (UK/EU) and Italian calendars show the week. 0 = Sunday. */
const weekOrder = [1, 2, 3, 4, 5, 6, 0] as const;

/** "Monday" / "Lunedì" for 0 = Sunday … 6 = Saturday. */
function dayName(locale: string, day: number): string {
  // 4 January 2026 is a Sunday.
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 4 + day));
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** Working days and hours, and the free time kept around a proposed slot. */
export function WorkingHoursSection({ draft, errorText, update }: Props) {
  const { t, locale } = useI18n();
  const hours = draft.workingHours;
  const daysError = errorText('workingHours.days');
  const setHours = (change: Partial<Settings['workingHours']>) => update((s) => ({ ...s, workingHours: { ...s.workingHours, ...change } }));
  const toggleDay = (day: number, on: boolean) => update((s) => {
    const days = new Set(s.workingHours.days);
    if (on) days.add(day);
    else days.delete(day);
    return { ...s, workingHours: { ...s.workingHours, days: [...days].sort((a, b) => a - b) } };
  });

  return (
    <fieldset id="section-hours">
      <legend>{t('optionsWorkingHours')}</legend>
      <p class="hint">{t('optionsWorkingHoursHint')}</p>
      <fieldset class="day-choice" aria-describedby={daysError ? 'work-days-error' : undefined}>
        <legend>{t('optionsWorkDays')}</legend>
        <div class="checkbox-grid">
          {weekOrder.map((day) => (
            <label key={day} class="checkbox">
              <input id={`work-day-${day}`} type="checkbox" checked={hours.days.includes(day)} onChange={(e) => toggleDay(day, e.currentTarget.checked)} />
              {dayName(intlLocales[locale].date, day)}
            </label>
          ))}
        </div>
        {daysError && <p id="work-days-error" class="error-text">{daysError}</p>}
      </fieldset>
      <div class="field-row time-row">
        <Field id="work-start" label={t('optionsWorkStart')}>
          <input type="time" value={hours.start} onInput={(e) => setHours({ start: e.currentTarget.value })} />
        </Field>
        <Field id="work-end" label={t('optionsWorkEnd')} error={errorText('workingHours.end')}>
          <input type="time" value={hours.end} onInput={(e) => setHours({ end: e.currentTarget.value })} />
        </Field>
      </div>
      <Field id="slot-buffer" label={t('optionsSlotBuffer')} error={errorText('slotBuffer')}>
        <input type="number" inputMode="numeric" min={0} max={120} step={5} value={Number.isFinite(draft.slotBuffer) ? draft.slotBuffer : ''}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            update((s) => ({ ...s, slotBuffer: raw === '' ? Number.NaN : Number(raw) }));
          }} />
      </Field>
    </fieldset>
  );
}
