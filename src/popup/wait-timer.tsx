import type { Interview, WaitState } from '../core/types.ts';
import type { Timing } from '../core/settings.ts';
import { useI18n } from '../ui/i18n.ts';
import { formatClock, formatRelative } from '../ui/format.ts';
import { snakeKey } from '../core/message-key.ts';

interface Props {
  interview: Interview;
  state: WaitState;
  timing: Timing;
  now: number;
}

/**
 * The live wait: a clock, the phase in words, and a bar with the minimum and maximum marked.
 * The phase sentence sits in a polite live region, so a screen reader announces it when it
 * changes; the ticking clock does not (it would talk every second).
 */
export function WaitTimer({ interview, state, timing, now }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const seconds = Math.max(0, (now - interview.start) / 1000);
  const phaseKey = snakeKey('phase_', state.phase);
  const hint = state.phase === 'waiting' ? t('phase_waiting_hint', [timing.minWait])
    : state.phase === 'may-stop' ? t('phase_may_stop_hint', [timing.maxWait])
    : state.phase === 'stop-waiting' ? t('phase_stop_waiting_hint')
    : '';
  // chrome.i18n has no plural rules: one minute has a message of its own ("Manca 1 minuto").
  const left = state.minutesLeft === 1 ? t('timerLeftOne', [timing.maxWait]) : t('timerLeft', [state.minutesLeft, timing.maxWait]);
  const running = state.phase === 'waiting' || state.phase === 'may-stop' || state.phase === 'stop-waiting';
  return (
    <section class="wait" aria-label={t('timerLabel')}>
      {/* Only the phase is a live region: the relative "starts in 4 minutes" would otherwise be
          announced again every minute. */}
      <p class="phase">
        {state.phase === 'upcoming'
          ? <strong>{t('phase_upcoming', [formatRelative(i18n, interview.start, now)])}</strong>
          : <strong role="status" aria-live="polite">{t(phaseKey)}</strong>}
        {hint && <span class="hint"> {hint}</span>}
      </p>
      {running && (
        <>
          <p class="clock" aria-hidden="true">{formatClock(seconds)}</p>
          <div class="meter" role="progressbar" aria-label={t('timerLabel')} aria-valuemin={0} aria-valuemax={timing.maxWait} aria-valuenow={Math.min(state.minutesWaited, timing.maxWait)} aria-valuetext={left}>
            <div class="meter-fill" style={{ width: `${Math.min(100, (seconds / 60 / timing.maxWait) * 100)}%` }} />
            <div class="meter-mark" style={{ left: `${(timing.minWait / timing.maxWait) * 100}%` }} />
          </div>
          <p class="muted">{left}</p>
        </>
      )}
    </section>
  );
}
