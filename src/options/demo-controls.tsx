import type { SourceState } from '../core/stored-state.ts';
import { send } from '../platform/messages.ts';
import { useI18n } from '../ui/i18n.ts';

/**
 * The demo calendar from the options page: what it is, and the same stop/restart (or start)
 * the popup offers, through the same worker messages.
 */
export function DemoControls({ source }: { source: SourceState }) {
  const { t } = useI18n();
  if (source.kind === 'demo') {
    return (
      <div class="demo-controls" id="demo-controls">
        <p class="hint">{t('optionsSourceDemo')}</p>
        <p class="save-row">
          <button type="button" class="button" onClick={() => { void send('restart-demo', {}); }}>{t('popupRestartDemo')}</button>
          <button type="button" class="button" onClick={() => { void send('stop-demo', {}); }}>{t('popupStopDemo')}</button>
        </p>
      </div>
    );
  }
  if (source.kind === 'none') {
    return (
      <div class="demo-controls" id="demo-controls">
        <p class="hint">{t('optionsDemoEnded')}</p>
        <p class="save-row">
          <button type="button" class="button" onClick={() => { void send('restart-demo', {}); }}>{t('popupStartDemo')}</button>
        </p>
      </div>
    );
  }
  return null;
}
