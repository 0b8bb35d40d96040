import type { SourceState } from '../core/stored-state.ts';
import { send } from '../platform/messages.ts';
import { useI18n } from '../ui/i18n.ts';

/**
 * The demo calendar from the options page: what it is, and the same restart and end (or start)
 * the popup offers, through the same worker messages. Nothing once a real calendar is connected.
 */
export function DemoControls({ source }: { source: SourceState }) {
  const { t } = useI18n();
  if (source.kind !== 'demo' && source.kind !== 'none') return null;
  const running = source.kind === 'demo';
  return (
    <div class="demo-controls" id="demo-controls">
      <p class="hint">{t(running ? 'optionsSourceDemo' : 'optionsDemoEnded')}</p>
      <p class="save-row">
        <button type="button" class="button" onClick={() => { void send('restart-demo', {}); }}>{t(running ? 'popupRestartDemo' : 'popupStartDemo')}</button>
        {running && <button type="button" class="button" onClick={() => { void send('stop-demo', {}); }}>{t('popupStopDemo')}</button>}
      </p>
    </div>
  );
}
