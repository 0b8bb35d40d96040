import type { Interview, Marks } from '../core/types.ts';
import type { Settings } from '../core/settings.ts';
import { renderTemplate } from '../core/render-template.ts';
import { templateContext } from '../core/build-draft.ts';
import { useI18n } from '../ui/i18n.ts';
import { CopyButton } from '../ui/copy-button.tsx';

/** What to say if nobody answers, with the current time filled in. */
export function Voicemail({ interview, marks, settings, now }: { interview: Interview; marks: Marks; settings: Settings; now: number }) {
  const i18n = useI18n();
  const { body } = renderTemplate('voicemail', templateContext(interview, marks, settings, { now, locale: i18n.locale, timeZone: i18n.timeZone }), i18n.locale);
  return (
    <details class="voicemail">
      <summary>{i18n.t('voicemailTitle')}</summary>
      <p class="script">{body}</p>
      <CopyButton text={body} />
    </details>
  );
}
