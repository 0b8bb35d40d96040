import { useState } from 'preact/hooks';
import type { StoredState, SyncErrorCode } from '../core/stored-state.ts';
import type { MessageKey } from '../core/message-key.ts';
import { send } from '../platform/messages.ts';
import { useI18n } from '../ui/i18n.ts';
import { errorText } from '../ui/error-text.ts';
import { formatRelative } from '../ui/format.ts';

const problemKey: Partial<Record<SyncErrorCode, MessageKey>> = {
  offline: 'syncErrorOffline',
  auth: 'syncErrorAuth',
  'rate-limited': 'syncErrorRateLimited',
  server: 'syncErrorServer',
  'not-ical': 'syncErrorNotIcal',
  'too-large': 'syncErrorTooLarge',
  malformed: 'syncErrorMalformed',
  'not-found': 'syncErrorNotFound',
  forbidden: 'syncErrorForbidden',
};

interface Props {
  state: Pick<StoredState, 'source' | 'sync'>;
  now: number;
}

/**
 * One line under the interviews of a connected calendar: when it last synced, what went wrong
 * if something did, and "Reconnect" when Google wants the user to sign in again. Nothing for
 * the demo calendar. (Each Google calendar that cannot be read is named at the top of the
 * popup: ui/calendar-trouble.tsx.)
 */
export function SyncStatus({ state, now }: Props) {
  const { t, ...i18n } = useI18n();
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState('');
  if (state.source.kind === 'demo') return null;
  const { error, lastSuccessAt } = state.sync;
  const problem = error === undefined ? undefined : t(problemKey[error.code] ?? 'syncErrorOther');
  // Never show a time in the future (the clocks of the popup and the worker may differ by a tick).
  const last = lastSuccessAt === undefined ? t('syncNever') : t('syncLastSynced', [formatRelative({ t, ...i18n }, Math.min(lastSuccessAt, now), now)]);
  const act = (name: 'connect-google' | 'sync-now') => {
    setWorking(true);
    setFailure('');
    void send(name, {}).then((result) => {
      setWorking(false);
      if (!result.ok) setFailure(errorText(t, result.error));
    });
  };
  return (
    <p class={error ? 'sync-status notice' : 'sync-status muted'} data-sync-error={error?.code}>
      {problem && <span role="status">{problem} </span>}
      <span>{last} </span>
      {error?.code === 'auth' && state.source.kind === 'google'
        ? <button type="button" class="link-button" disabled={working} onClick={() => act('connect-google')}>{t('syncReconnect')}</button>
        : <button type="button" class="link-button" disabled={working} onClick={() => act('sync-now')}>{t('syncNow')}</button>}
      {failure && <span class="error-text" role="alert"> {failure}</span>}
    </p>
  );
}
