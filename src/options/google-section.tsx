import { useEffect, useState } from 'preact/hooks';
import type { CalendarChoice } from '../platform/messages.ts';
import { send } from '../platform/messages.ts';
import { googleSignInConfig } from '../platform/identity.ts';
import { useI18n } from '../ui/i18n.ts';
import { errorText } from '../ui/error-text.ts';
import { readStateWithoutBusy } from '../platform/storage.ts';
import { useStoredState } from '../ui/use-stored-state.ts';
import { useNow } from '../ui/use-now.ts';
import { CalendarTrouble } from '../ui/calendar-trouble.tsx';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'saved' } | { kind: 'error'; text: string };

/** Whether this build can sign in to Google at all (it was given an OAuth client id). */
export function googleSignInAvailable(): boolean {
  const config = googleSignInConfig();
  return Boolean(config.chromeClient || config.webClient);
}

/**
 * Connect / disconnect Google Calendar and choose the calendars to watch. Lives inside the
 * settings form but saves on its own (every button is type="button"): signing in is not a
 * draft to validate.
 */
export function GoogleSection() {
  const { t } = useI18n();
  const loaded = useStoredState(readStateWithoutBusy);
  const now = useNow(30_000);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [calendars, setCalendars] = useState<CalendarChoice[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const source = loaded?.state.source;
  const connectedAs = source?.kind === 'google' ? source.selfEmail ?? '' : undefined;

  useEffect(() => {
    if (connectedAs === undefined) {
      setCalendars([]);
      return;
    }
    let alive = true;
    send('list-calendars', {}).then((result) => {
      if (!alive) return;
      if (result.ok) {
        setCalendars(result.value.calendars);
        setSelected(result.value.selected);
      } else {
        setStatus({ kind: 'error', text: t('googleCalendarsUnavailable', [errorText(t, result.error)]) });
      }
    }, () => undefined);
    return () => { alive = false; };
  }, [connectedAs]);

  if (!loaded) return null;
  // Nothing the candidate can do about a build without sign-in: one calm sentence, after the
  // secret-address option the page leads with (options-app.tsx).
  if (!googleSignInAvailable()) return <p class="hint" id="google-not-configured">{t('googleUnavailable')}</p>;

  const connect = async () => {
    setStatus({ kind: 'working' });
    const result = await send('connect-google', {});
    if (!result.ok) {
      setStatus({ kind: 'error', text: t('googleFailed', [errorText(t, result.error)]) });
      return;
    }
    setCalendars(result.value.calendars);
    setStatus({ kind: 'idle' });
  };
  const disconnect = async () => {
    setStatus({ kind: 'working' });
    const result = await send('disconnect', {});
    setStatus(result.ok ? { kind: 'idle' } : { kind: 'error', text: errorText(t, result.error) });
  };
  const choose = async () => {
    if (selected.length === 0) {
      setStatus({ kind: 'error', text: t('googleCalendarsNone') });
      return;
    }
    setStatus({ kind: 'working' });
    const names = Object.fromEntries(calendars.filter((c) => selected.includes(c.id)).map((c) => [c.id, c.summary]));
    const result = await send('choose-calendars', { calendarIds: selected, names });
    setStatus(result.ok ? { kind: 'saved' } : { kind: 'error', text: errorText(t, result.error) });
  };
  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...new Set([...current, id])] : current.filter((c) => c !== id)));
  const working = status.kind === 'working';

  return (
    <div class="google-section">
      <h2 class="subheading">{t('googleTitle')}</h2>
      {connectedAs === undefined
        ? (
          <>
            <p class="hint">{t('googleExplain')}</p>
            <button type="button" class="button primary" disabled={working} onClick={() => { void connect(); }}>
              {working ? t('googleConnecting') : t('googleConnect')}
            </button>
          </>
        )
        : (
          <>
            <p>{connectedAs ? t('googleConnectedAs', [connectedAs]) : t('googleConnected')}</p>
            <CalendarTrouble state={loaded.state} now={now} />
            {calendars.length > 0 && (
              <fieldset class="calendar-choice">
                <legend>{t('googleCalendars')}</legend>
                {calendars.map((calendar) => (
                  <label key={calendar.id} class="checkbox">
                    <input type="checkbox" checked={selected.includes(calendar.id)} onChange={(e) => toggle(calendar.id, e.currentTarget.checked)} />
                    {' '}{calendar.summary}{calendar.primary ? ` ${t('googlePrimary')}` : ''}
                  </label>
                ))}
                <button type="button" class="button" disabled={working} onClick={() => { void choose(); }}>{t('googleCalendarsSave')}</button>
              </fieldset>
            )}
            <button type="button" class="button danger" disabled={working} onClick={() => { void disconnect(); }}>{t('googleDisconnect')}</button>
          </>
        )}
      <p role="status" class={status.kind === 'error' ? 'error-text' : 'hint'}>
        {status.kind === 'error' ? status.text : status.kind === 'saved' ? t('googleCalendarsSaved') : ''}
      </p>
    </div>
  );
}
