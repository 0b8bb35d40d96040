import type { Interview } from '../core/types.ts';
import { useI18n } from '../ui/i18n.ts';
import { telHref } from '../ui/safe-href.ts';

/** "Breathe, gather, call back now": the tel: link comes first; the apology is the first email below. */
export function MissedCallCard({ interview, onUndo }: { interview: Interview; onUndo: () => void }) {
  const { t } = useI18n();
  const phone = interview.phones[0];
  const href = telHref(phone?.dial);
  return (
    <section class="missed" aria-labelledby="missed-title">
      <h3 id="missed-title">{t('missedTitle')}</h3>
      {phone && href && <p><a class="button primary call" href={href}>{t('callBack', [phone.display])}</a></p>}
      <ol>
        <li>{t('missedStep1')}</li>
        <li>{t('missedStep2')}</li>
        <li>{t('missedStep3')}</li>
      </ol>
      <p class="actions">
        <button type="button" class="link-button" onClick={onUndo}>{t('buttonMark_undo_missed')}</button>
      </p>
    </section>
  );
}
