import { useState } from 'preact/hooks';
import type { StoredState } from '../core/stored-state.ts';
import { calendarTrouble } from '../core/sync-state.ts';
import { send } from '../platform/messages.ts';
import { useI18n } from './i18n.ts';
import { errorText } from './error-text.ts';
import { formatRelative } from './format.ts';
import type { MessageKey } from '../core/message-key.ts';

/** The words for a calendar's trouble, by its last error (a `_locales` key each). */
const troubleKey: Partial<Record<string, MessageKey>> = {
  'not-found': 'calendarTrouble_not_found',
  forbidden: 'calendarTrouble_forbidden',
  'bad-request': 'calendarTrouble_bad_request',
  'too-large': 'calendarTrouble_too_large',
  'rate-limited': 'calendarTrouble_rate_limited',
};

/**
 * Names each watched Google calendar that cannot be read — by the name the user knows — says
 * why and when it was last read, and lets the user decide: "Stop watching it" or "Try again".
 * Shared by the popup and the options page; renders nothing when every calendar reads fine.
 */
export function CalendarTrouble({ state, now }: { state: Pick<StoredState, 'source' | 'calendarHealth'>; now: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [working, setWorking] = useState('');
  const [failure, setFailure] = useState('');
  if (state.source.kind !== 'google') return null;
  const troubled = state.source.calendarIds.flatMap((id) => {
    const health = state.calendarHealth[id];
    const trouble = calendarTrouble(health, now);
    return trouble === undefined || health?.error === undefined ? [] : [{ id, health, trouble, code: health.error.code }];
  });
  if (troubled.length === 0) return null;
  const act = (name: 'retry-calendar' | 'unwatch-calendar', calendarId: string) => {
    setWorking(calendarId);
    setFailure('');
    void send(name, { calendarId }).then((result) => {
      setWorking('');
      if (!result.ok) setFailure(errorText(t, result.error));
    });
  };
  return (
    <section class="calendar-trouble notice" aria-label={t('calendarTroubleTitle')}>
      <ul>
        {troubled.map(({ id, health, trouble, code }) => {
          const name = health.name ?? id;
          const lastRead = health.lastSuccessAt === undefined
            ? t('calendarNeverRead')
            : t('calendarLastRead', [formatRelative(i18n, Math.min(health.lastSuccessAt, now), now)]);
          return (
            <li key={id} data-calendar-trouble={code}>
              <span role="status">{t(troubleKey[code] ?? 'calendarTroubleTransient', [name])} </span>
              {trouble === 'stopped' && <span>{t('calendarTroubleStopped')} </span>}
              <span class="muted">{lastRead} </span>
              <span class="actions">
                <button type="button" class="link-button" disabled={working !== ''} onClick={() => act('unwatch-calendar', id)}>{t('calendarStopWatching')}</button>
                {' · '}
                <button type="button" class="link-button" disabled={working !== ''} onClick={() => act('retry-calendar', id)}>{t('calendarTryAgain')}</button>
              </span>
            </li>
          );
        })}
      </ul>
      {failure && <p class="error-text" role="alert">{failure}</p>}
    </section>
  );
}
