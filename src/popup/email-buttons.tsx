import type { EmailKind, Interview } from '../core/types.ts';
import { snakeKey } from '../core/message-key.ts';
import type { OfferedDrafts } from '../core/outcome.ts';
import { useI18n } from '../ui/i18n.ts';

/** The email the phase calls for (prominent), and the others that make sense now under "More
 * emails". Which is which is decided by the outcome model (core/outcome.ts offeredDrafts). */
export function EmailButtons({ interview, offered, onDraft, idBase }: { interview: Interview; offered: OfferedDrafts; onDraft: (kind: EmailKind) => void; idBase: string }) {
  const { t } = useI18n();
  const label = (kind: EmailKind) => t(snakeKey('buttonDraft_', kind));
  // Several cards can show the same buttons: each one's accessible name says which interview.
  const named = (kind: EmailKind) => t('buttonForInterview', [label(kind), interview.title || t('untitledInterview')]);
  if (offered.primary === undefined && offered.more.length === 0) return null;
  return (
    <section class="emails" aria-labelledby={`${idBase}-emails`}>
      <h3 id={`${idBase}-emails`} class="section-title">{t('emailsTitle')}</h3>
      {offered.primary && (
        <div class="email-grid">
          <button type="button" class="button primary" aria-label={named(offered.primary)} onClick={() => onDraft(offered.primary!)}>{label(offered.primary)}</button>
        </div>
      )}
      {offered.more.length > 0 && (
        <details class="more-emails" open={offered.primary === undefined}>
          <summary>{t('moreEmails')}</summary>
          <div class="email-grid">
            {offered.more.map((kind) => <button key={kind} type="button" class="button" aria-label={named(kind)} onClick={() => onDraft(kind)}>{label(kind)}</button>)}
          </div>
        </details>
      )}
      {!interview.interviewer.email && <p class="hint">{t('noRecipient')}</p>}
    </section>
  );
}
