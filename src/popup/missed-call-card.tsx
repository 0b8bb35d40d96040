import type { PhoneNumber } from '../core/types.ts';
import { useI18n } from '../ui/i18n.ts';
import { telHref } from '../ui/safe-href.ts';

/** "Breathe, gather, call back now": the tel: link comes first; the apology is the email below. */
export function MissedCallCard({ phone, calledBack }: { phone: PhoneNumber | undefined; calledBack: boolean }) {
  const { t } = useI18n();
  const href = telHref(phone?.dial);
  return (
    <section class="missed" aria-labelledby="missed-title" aria-live="polite">
      <h3 id="missed-title">{calledBack ? t('phase_called_back') : t('missedTitle')}</h3>
      {!calledBack && phone && href && <p><a class="button call" href={href}>{t('callBack', [phone.display])}</a></p>}
      {!calledBack && (
        <ol>
          <li>{t('missedStep1')}</li>
          <li>{t('missedStep2')}</li>
          <li>{t('missedStep3')}</li>
        </ol>
      )}
    </section>
  );
}
