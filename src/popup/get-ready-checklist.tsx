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
  const done = checklistItems.filter((item) => checked.includes(item)).length;
  return (
    <fieldset class="checklist">
      <legend>{t('checklistTitle', [done, checklistItems.length])}</legend>
      {checklistItems.map((item) => (
        <label key={item} class="check">
          <input type="checkbox" checked={checked.includes(item)} onChange={(e) => onToggle(item, e.currentTarget.checked)} />
          <span>{item === 'contact' ? contact : t(`check_${item}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
