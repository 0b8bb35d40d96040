import { useState } from 'preact/hooks';
import { icalSkipReasons, type IcalReport, type IcalSkipReason, type StateWithoutBusy } from '../core/stored-state.ts';
import { maskIcalUrl, normalizeIcalUrl } from '../core/ical-address.ts';
import { send } from '../platform/messages.ts';
import { releaseOrigin, requestOrigin } from '../platform/permissions.ts';
import { useI18n } from '../ui/i18n.ts';
import { errorText } from '../ui/error-text.ts';
import type { MessageKey } from '../core/message-key.ts';

const SKIP_MESSAGES: Record<IcalSkipReason, MessageKey> = {
  'no-start': 'icalSkipNoStart',
  'bad-rule': 'icalSkipBadRule',
  'too-many': 'icalSkipTooMany',
  'bad-zone': 'icalSkipBadZone',
  duplicate: 'icalSkipDuplicate',
};

/** What the last read of the feed found: how many events, and what was left out and why. */
function IcalReportView({ report }: { report: IcalReport }) {
  const { t, locale } = useI18n();
  const count = (n: number) => n.toLocaleString(locale);
  const skipped = icalSkipReasons.filter((reason) => (report.skipped[reason] ?? 0) > 0);
  return (
    <div class="hint ical-report" data-testid="ical-report">
      <p>{t('icalReport', [count(report.events)])}</p>
      {skipped.length === 0 ? <p>{t('icalReportAll')}</p> : (
        <ul>{skipped.map((reason) => <li key={reason}>{t(SKIP_MESSAGES[reason], [count(report.skipped[reason] ?? 0)])}</li>)}</ul>
      )}
    </div>
  );
}

/**
 * A calendar without OAuth: the secret iCal address. The host permission for its origin is
 * asked for when the user connects, not at install. The address is a secret: once connected
 * it is only ever shown masked.
 */
export function IcalSection({ state }: { state: StateWithoutBusy }) {
  const { t } = useI18n();
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [working, setWorking] = useState(false);
  const source = state.source;

  const connect = async (event: Event) => {
    event.preventDefault();
    const url = normalizeIcalUrl(address.trim());
    if (url === undefined) {
      setMessage({ ok: false, text: t('icalErrorAddress') });
      return;
    }
    setWorking(true);
    // Said before the browser's prompt opens (a granted origin answers at once and this is replaced).
    setMessage({ ok: true, text: t('icalWaitingPermission') });
    try {
      // Must stay the first await after the click: Chrome only shows the prompt for a gesture.
      if (!(await requestOrigin(url))) {
        setMessage({ ok: false, text: t('icalErrorPermission') });
        return;
      }
      setMessage(undefined);
      const result = await send('connect-ical', { url });
      if (result.ok) {
        setAddress('');
        setMessage({ ok: true, text: t('icalConnected') });
      } else {
        setMessage({ ok: false, text: errorText(t, result.error) });
      }
    } finally {
      setWorking(false);
    }
  };
  const disconnect = async () => {
    if (source.kind !== 'ical') return;
    setWorking(true);
    try {
      const result = await send('disconnect', {});
      // Only once disconnected: a feed still connected without its permission would fail.
      if (result.ok) await releaseOrigin(source.url);
      setMessage(result.ok ? undefined : { ok: false, text: errorText(t, result.error) });
    } finally {
      setWorking(false);
    }
  };


  if (source.kind === 'ical') {
    return (
      <section class="ical" aria-labelledby="ical-title">
        <h3 id="ical-title" class="section-title">{t('icalTitle')}</h3>
        <p>{t('icalConnectedTo', [maskIcalUrl(source.url)])}</p>
        {state.icalCursor.report && <IcalReportView report={state.icalCursor.report} />}
        <p class="save-row">
          <button type="button" class="button" disabled={working} onClick={() => { void send('sync-now', {}); }}>{t('syncNow')}</button>
          <button type="button" class="button" disabled={working} onClick={() => { void disconnect(); }}>{t('icalDisconnect')}</button>
        </p>
        {message && <p role="status" class={message.ok ? 'hint' : 'error-text'}>{message.text}</p>}
      </section>
    );
  }
  return (
    <section class="ical" aria-labelledby="ical-title">
      <h3 id="ical-title" class="section-title">{t('icalTitle')}</h3>
      <p class="hint">{t('icalHint')}</p>
      <div class="field">
        <label for="ical-address">{t('icalAddress')}</label>
        <input id="ical-address" type="url" autoComplete="off" spellcheck={false} placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
          value={address} onInput={(e) => {
            const value = e.currentTarget.value;
            setAddress(value);
            // An error about an earlier address is stale once a valid one is in the field.
            if (message?.ok === false && normalizeIcalUrl(value.trim()) !== undefined) setMessage(undefined);
          }}
          onKeyDown={(e) => { if (e.key === 'Enter') void connect(e); }} aria-describedby="ical-status" aria-invalid={message?.ok === false ? 'true' : undefined} />
      </div>
      <p class="save-row">
        <button type="button" class="button" disabled={working} onClick={(e) => { void connect(e); }}>{t('icalConnect')}</button>
      </p>
      <p id="ical-status" role="status" class={message?.ok === false ? 'error-text' : 'hint'}>{message?.text ?? ''}</p>
    </section>
  );
}
