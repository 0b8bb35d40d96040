import type { Interview, TemplateKind } from '../core/types.ts';
import { useI18n } from '../ui/i18n.ts';
import { telHref } from '../ui/safe-href.ts';

/** "Breathe, gather, call back now": the tel: link comes first, the apology after. */
export function MissedCallCard({ interview, onDraft }: { interview: Interview; onDraft: (kind: TemplateKind) => void }) {
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
      <button type="button" class="button" onClick={() => onDraft('apology')}>{t('buttonDraft_apology')}</button>
    </section>
  );
}
