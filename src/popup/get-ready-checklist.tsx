import { useState } from 'preact/hooks';
import type { Interview, PhoneNumber } from '../core/types.ts';
import { useI18n } from '../ui/i18n.ts';
import { safeHttpsHref, telHref } from '../ui/safe-href.ts';

/** What to have at hand before the call; ticks are stored with the interview's marks. */
export const checklistItems = ['place', 'cv', 'job', 'notes', 'calendar', 'contact'] as const;
export type ChecklistItem = (typeof checklistItems)[number];

interface Props {
  interview: Interview;
  /** The interviewer's first number (never the candidate's own). */
  phone: PhoneNumber | undefined;
  checked: readonly string[];
  onToggle: (item: ChecklistItem, checked: boolean) => void;
}

export function GetReadyChecklist({ interview, phone, checked, onToggle }: Props) {
  const { t } = useI18n();
  const video = safeHttpsHref(interview.videoUrl);
  const contact = video ? t('checkVideo') : phone && telHref(phone.dial) ? t('checkPhone', [phone.display]) : t('checkContact');
  // A tick shows at once and stays while its answer is on the way: the stored list that comes
  // back after the first of two quick ticks does not hold the second one yet, and would
  // otherwise untick it until its own answer arrives.
  const [pending, setPending] = useState<ReadonlyMap<ChecklistItem, boolean>>(new Map());
  const settled = [...pending].filter(([item, value]) => checked.includes(item) !== value);
  if (settled.length !== pending.size) setPending(new Map(settled));
  const isChecked = (item: ChecklistItem) => pending.get(item) ?? checked.includes(item);
  const toggle = (item: ChecklistItem, value: boolean) => {
    setPending(new Map(pending).set(item, value));
    onToggle(item, value);
  };
  const done = checklistItems.filter(isChecked).length;
  return (
    <fieldset class="checklist">
      <legend>{t('checklistTitle', [done, checklistItems.length])}</legend>
      {checklistItems.map((item) => (
        <label key={item} class="check">
          <input type="checkbox" checked={isChecked(item)} onChange={(e) => toggle(item, e.currentTarget.checked)} />
          <span>{item === 'contact' ? contact : t(`check_${item}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
