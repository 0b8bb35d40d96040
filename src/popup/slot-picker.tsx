import { useEffect, useRef, useState } from 'preact/hooks';
import type { Slot } from '../core/propose-slots.ts';
import { useI18n } from '../ui/i18n.ts';
import { formatDay, formatTime, zoneCity } from '../ui/format.ts';
import { clockTimesDiffer } from '../core/zoned-time.ts';
import { MINUTE, DAY } from '../core/units.ts';

interface Props {
  /** Proposed from the user's calendar and working hours. */
  proposed: Slot[];
  durationMinutes: number;
  /** The interview's own zone: where it differs, each time is also given there. */
  eventZone?: string;
  onOpen: (slots: Slot[]) => void;
  onCancel: () => void;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `<input type="datetime-local">` works in the browser's zone, as do these conversions. */
function toLocalInput(instant: number): string {
  const d = new Date(instant);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string): number | undefined {
  const instant = new Date(value).getTime();
  return Number.isFinite(instant) ? instant : undefined;
}

/**
 * The new times a reschedule or apology email proposes. The user sees them before the draft
 * opens and can change, remove or add one; the email then says exactly these.
 */
export function SlotPicker({ proposed, durationMinutes, eventZone, onOpen, onCancel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [slots, setSlots] = useState<Slot[]>(proposed);
  // The picker replaces the button that opened it: its title takes the focus.
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => { titleRef.current?.focus(); }, []);
  const length = durationMinutes * MINUTE;
  const update = (index: number, value: string) => {
    const start = fromLocalInput(value);
    if (start === undefined) return;
    setSlots(slots.map((slot, i) => (i === index ? { start, end: start + length } : slot)));
  };
  /** Removes one time and puts the focus on the time that took its place (or the next button). */
  const removeAt = (index: number) => {
    setSlots(slots.filter((_, i) => i !== index));
    requestAnimationFrame(() => {
      const next = document.getElementById(`slot-${Math.min(index, slots.length - 2)}`) ?? document.querySelector<HTMLElement>('.slots .button.primary');
      next?.focus();
    });
  };
  const add = () => {
    const last = slots.at(-1)?.start ?? Date.now();
    const start = Math.ceil((last + DAY) / (30 * MINUTE)) * (30 * MINUTE);
    setSlots([...slots, { start, end: start + length }]);
  };
  return (
    <section class="slots" aria-labelledby="slots-title">
      <h3 id="slots-title" class="section-title" tabIndex={-1} ref={titleRef}>{t('slotsTitle')}</h3>
      <p class="hint" id="slots-zone">{t('slotsZone', [zoneCity(i18n.timeZone, i18n.locale)])}</p>
      {slots.length === 0 && <p class="hint">{t('slotsNone')}</p>}
      <ul>
        {slots.map((slot, index) => (
          <li key={index}>
            <label class="visually-hidden" for={`slot-${index}`}>{t('slotLabel', [index + 1])}</label>
            <input id={`slot-${index}`} type="datetime-local" step={900} value={toLocalInput(slot.start)} onChange={(e) => update(index, e.currentTarget.value)} />
            <span class="muted">
              {formatDay(i18n, slot.start)}, {formatTime(i18n, slot.start)}–{formatTime(i18n, slot.end)}
              {eventZone !== undefined && clockTimesDiffer(slot.start, eventZone, i18n.timeZone) && ` · ${t('slotOtherZone', [formatTime(i18n, slot.start, eventZone), zoneCity(eventZone, i18n.locale)])}`}
            </span>
            <button type="button" class="link-button" aria-label={t('slotRemoveLabel', [index + 1])} onClick={() => removeAt(index)}>{t('slotRemove')}</button>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="button primary" onClick={() => onOpen(slots)}>{t('slotsOpenDraft')}</button>
        {slots.length < 5 && <button type="button" class="button" onClick={add}>{t('slotAdd')}</button>}
        <button type="button" class="button" onClick={onCancel}>{t('manualCancel')}</button>
      </div>
    </section>
  );
}
