import type { Interview, TemplateKind, WaitPhase } from '../core/types.ts';
import { useI18n } from '../ui/i18n.ts';

/** Which email fits each phase best; it gets the prominent style. */
const recommended: Record<WaitPhase, TemplateKind> = {
  upcoming: 'confirmation',
  waiting: 'follow-up',
  'may-stop': 'follow-up',
  'stop-waiting': 'reschedule',
  connected: 'thank-you',
  missed: 'apology',
  done: 'thank-you',
};

const allKinds: readonly TemplateKind[] = ['confirmation', 'follow-up', 'reschedule', 'please-call-me', 'apology', 'thank-you'];

/** One button per email; each opens a prefilled draft in a new tab. */
export function EmailButtons({ interview, phase, rescheduled, onDraft }: { interview: Interview; phase: WaitPhase; rescheduled: boolean; onDraft: (kind: TemplateKind) => void }) {
  const { t } = useI18n();
  // Moved once and silent again: ask them to call you instead of waiting a second time.
  const best = rescheduled && (phase === 'may-stop' || phase === 'stop-waiting') ? 'please-call-me' : recommended[phase];
  return (
    <section class="emails" aria-labelledby="emails-title">
      <h3 id="emails-title" class="section-title">{t('emailsTitle')}</h3>
      <div class="email-grid">
        {[best, ...allKinds.filter((k) => k !== best)].map((kind) => (
          <button key={kind} type="button" class={kind === best ? 'button primary' : 'button'} onClick={() => onDraft(kind)}>
            {t(`buttonDraft_${kind.replace(/-/g, '_')}`)}
          </button>
        ))}
      </div>
      {!interview.interviewer.email && <p class="hint">{t('noRecipient')}</p>}
    </section>
  );
}
